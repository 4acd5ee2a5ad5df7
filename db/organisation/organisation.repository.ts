import { EntityManager } from 'typeorm';
import { EntityRow, selectList } from '../columns';
import { AgencyEntity } from './agency.entity';
import { DistrictEntity } from './district.entity';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { withPolicyDefaults } from '../../platform/districts/district-settings';

export type AgencyRow = Omit<EntityRow<AgencyEntity>, 'createdAt'>;
export type DistrictRow = Omit<EntityRow<DistrictEntity>, 'createdAt'>;

const AGENCY_COLUMNS = selectList(AgencyEntity, 'a', { omit: ['createdAt'] });
const DISTRICT_COLUMNS = selectList(DistrictEntity, 'd', { omit: ['createdAt'] });

/** A colleague as others see them: a name, never contact details. */
export interface StaffRow {
  id: string;
  displayName: string;
  municipalityId: string;
  agencyId: string;
}

export interface ReporterContactRow {
  id: string;
  displayName: string;
  email: string;
  agencyName: string;
}

export interface PolicyRow {
  districtId: string;
  version: number;
  settings: DistrictPolicy;
}

/** Reference data: agencies, districts and their policy versions. */
export const organisationRepository = {
  agenciesByIds(manager: EntityManager, ids: readonly string[]): Promise<AgencyRow[]> {
    return manager.query(`SELECT ${AGENCY_COLUMNS} FROM agency a WHERE a.id = ANY($1::uuid[])`, [ids]);
  },

  districtsByIds(manager: EntityManager, ids: readonly string[]): Promise<DistrictRow[]> {
    return manager.query(`SELECT ${DISTRICT_COLUMNS} FROM district d WHERE d.id = ANY($1::uuid[])`, [ids]);
  },

  districtsOfMunicipality(manager: EntityManager, municipalityId: string): Promise<DistrictRow[]> {
    return manager.query(`SELECT ${DISTRICT_COLUMNS} FROM district d WHERE d.municipality_id = $1 ORDER BY d.name`, [municipalityId]);
  },

  async districtIdsOfMunicipality(manager: EntityManager, municipalityId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM district WHERE municipality_id = $1`, [municipalityId]);
    return rows.map((r) => r.id);
  },

  staffByIds(manager: EntityManager, ids: readonly string[]): Promise<StaffRow[]> {
    return manager.query(
      `SELECT u.id, u.display_name AS "displayName", a.municipality_id AS "municipalityId", u.agency_id AS "agencyId"
         FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
  },

  /** A reporter's name and work contact, for social services calling back. */
  reporterContactsByIds(manager: EntityManager, ids: readonly string[]): Promise<ReporterContactRow[]> {
    return manager.query(
      `SELECT u.id, u.display_name AS "displayName", u.email, a.name AS "agencyName"
         FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
  },

  /** Keys are `${districtId}:${version}`. */
  async policiesByKeys(manager: EntityManager, keys: readonly { districtId: string; version: number }[]): Promise<PolicyRow[]> {
    const rows: PolicyRow[] = await manager.query(
      `SELECT p.district_id AS "districtId", p.version, p.settings
         FROM district_policy p JOIN unnest($1::uuid[], $2::int[]) AS k(district_id, version)
           ON k.district_id = p.district_id AND k.version = p.version`,
      [keys.map((k) => k.districtId), keys.map((k) => k.version)],
    );
    // Versions stored before a setting existed read it as its default.
    return rows.map((r) => ({ ...r, settings: withPolicyDefaults(r.settings) }));
  },

  /** Social services supervisors of a district. */
  async supervisorsOf(manager: EntityManager, districtId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE a.kind = 'SOCIAL_SERVICES' AND $1::uuid = ANY(a.district_ids) AND 'SOCIAL_SERVICES_SUPERVISOR' = ANY(u.roles) AND u.disabled_at IS NULL
        ORDER BY u.id`,
      [districtId],
    );
    return rows.map((r) => r.id);
  },

  /** The district's SSPF coordinators, first by id: who a referral from a talk lands with. */
  async coordinatorsOf(manager: EntityManager, districtId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE $1::uuid = ANY(a.district_ids) AND 'SSPF_COORDINATOR' = ANY(u.roles) AND u.disabled_at IS NULL ORDER BY u.id`,
      [districtId],
    );
    return rows.map((r) => r.id);
  },

  /** Locks a district of the municipality for a policy change. */
  async lockDistrict(manager: EntityManager, id: string, municipalityId: string): Promise<DistrictRow | null> {
    const rows: DistrictRow[] = await manager.query(
      `SELECT ${DISTRICT_COLUMNS} FROM district d WHERE d.id = $1 AND d.municipality_id = $2 FOR UPDATE`,
      [id, municipalityId],
    );
    return rows[0] ?? null;
  },

  /** Stores a new policy version and makes it the district's current one. */
  async addPolicyVersion(
    manager: EntityManager,
    districtId: string,
    version: number,
    settings: DistrictPolicy,
    changedBy: string,
  ): Promise<void> {
    await manager.query(`INSERT INTO district_policy (district_id, version, settings, changed_by) VALUES ($1, $2, $3, $4)`, [
      districtId,
      version,
      JSON.stringify(settings),
      changedBy,
    ]);
    await manager.query(`UPDATE district SET policy_version = $2 WHERE id = $1`, [districtId, version]);
  },

  async currentPolicyVersion(manager: EntityManager, districtId: string): Promise<number> {
    const [{ policy_version: version }] = await manager.query(`SELECT policy_version FROM district WHERE id = $1`, [districtId]);
    return version;
  },

  /**
   * The enabled social workers and supervisors of the social services offices serving the district: what the `staff`
   * query offers, and with `only` the one check of every mutation that makes one of them responsible (report, talk).
   */
  async caseworkersOf(manager: EntityManager, districtId: string, only: string | null = null): Promise<StaffRow[]> {
    return manager.query(
      `SELECT u.id, u.display_name AS "displayName", a.municipality_id AS "municipalityId"
         FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE u.disabled_at IS NULL AND a.kind = 'SOCIAL_SERVICES' AND $1::uuid = ANY(a.district_ids)
          AND u.roles && ARRAY['SOCIAL_WORKER', 'SOCIAL_SERVICES_SUPERVISOR'] AND ($2::uuid IS NULL OR u.id = $2)
        ORDER BY u.display_name, u.id`,
      [districtId, only],
    );
  },

  /** An enabled social worker or supervisor of a social services office serving the district, or null. */
  async caseworkerInDistrict(manager: EntityManager, userId: string, districtId: string): Promise<string | null> {
    const [row] = await organisationRepository.caseworkersOf(manager, districtId, userId);
    return row ? row.id : null;
  },

  async currentPolicy(manager: EntityManager, districtId: string): Promise<PolicyRow | null> {
    const rows: PolicyRow[] = await manager.query(
      `SELECT p.district_id AS "districtId", p.version, p.settings
         FROM district d JOIN district_policy p ON p.district_id = d.id AND p.version = d.policy_version
        WHERE d.id = $1`,
      [districtId],
    );
    return rows[0] ? { ...rows[0], settings: withPolicyDefaults(rows[0].settings) } : null;
  },
};
