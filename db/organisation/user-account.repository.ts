import { EntityManager } from 'typeorm';
import { AgencyKind, Role } from '../../domain/access/roles';

export interface UserAccountRow {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: Role[];
  readonly agencyId: string;
  readonly municipalityId: string;
  readonly signedIn: boolean;
  readonly disabledAt: Date | null;
}

const COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.roles, u.agency_id AS "agencyId", a.municipality_id AS "municipalityId",
  u.subject IS NOT NULL AS "signedIn", u.disabled_at AS "disabledAt"`;

/** Users and agencies as administrators manage them; always within one municipality. */
export const userAccountRepository = {
  list(manager: EntityManager, municipalityId: string, agencyId: string | null, first: number): Promise<UserAccountRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE a.municipality_id = $1 AND ($2::uuid IS NULL OR u.agency_id = $2) ORDER BY lower(u.email) LIMIT $3`,
      [municipalityId, agencyId, first],
    );
  },

  async lock(manager: EntityManager, municipalityId: string, userId: string): Promise<UserAccountRow | null> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.id = $1 AND a.municipality_id = $2 FOR UPDATE OF u`,
      [userId, municipalityId],
    );
    return row ?? null;
  },

  async insertUser(
    manager: EntityManager,
    user: { agencyId: string; email: string; displayName: string; roles: readonly Role[] },
  ): Promise<string | null> {
    const [row] = await manager.query(
      `INSERT INTO app_user (agency_id, email, display_name, roles) VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.agencyId, user.email, user.displayName, user.roles],
    );
    return row?.id ?? null;
  },

  /** A machine client is bound to its token subject at once; null when the subject or e-mail is taken. */
  async insertClient(
    manager: EntityManager,
    client: { agencyId: string; email: string; subject: string; displayName: string; roles: readonly Role[] },
  ): Promise<string | null> {
    const [row] = await manager.query(
      `INSERT INTO app_user (agency_id, email, subject, display_name, roles) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [client.agencyId, client.email, client.subject, client.displayName, client.roles],
    );
    return row?.id ?? null;
  },

  async insertAgency(
    manager: EntityManager,
    agency: {
      municipalityId: string;
      name: string;
      kind: AgencyKind;
      isPublicAuthority: boolean;
      dutyToReport: boolean;
      districtIds: readonly string[];
    },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO agency (municipality_id, name, kind, is_public_authority, duty_to_report, district_ids) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [agency.municipalityId, agency.name, agency.kind, agency.isPublicAuthority, agency.dutyToReport, agency.districtIds],
    );
    return id;
  },

  /** The ids among `districtIds` that are districts of the municipality. */
  async districtsOf(manager: EntityManager, municipalityId: string, districtIds: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM district WHERE municipality_id = $1 AND id = ANY($2::uuid[])`, [
      municipalityId,
      districtIds,
    ]);
    return rows.map((r) => r.id);
  },

  /**
   * The first OIDC sign-in of a registered user: binds the identity provider's
   * subject to the account whose e-mail the provider vouches for. Only an
   * unbound, enabled account is bound, and only once.
   */
  async bindSubject(manager: EntityManager, email: string, subject: string): Promise<boolean> {
    const rows = await manager.query(
      `WITH bound AS (UPDATE app_user SET subject = $2 WHERE lower(email) = lower($1) AND subject IS NULL AND disabled_at IS NULL RETURNING id)
       SELECT id FROM bound`,
      [email, subject],
    );
    return rows.length === 1;
  },
};
