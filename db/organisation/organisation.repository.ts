import { EntityManager } from 'typeorm';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { AgencyKind } from '../../domain/access/roles';

export interface AgencyRow {
  id: string;
  municipalityId: string;
  name: string;
  kind: AgencyKind;
  isPublicAuthority: boolean;
  districtIds: string[];
}

export interface DistrictRow {
  id: string;
  municipalityId: string;
  code: string;
  name: string;
  policyVersion: number;
}

export interface PolicyRow {
  districtId: string;
  version: number;
  settings: DistrictPolicy;
}

/** Reference data: agencies, districts and their policy versions. */
export const organisationRepository = {
  agenciesByIds(manager: EntityManager, ids: readonly string[]): Promise<AgencyRow[]> {
    return manager.query(
      `SELECT id, municipality_id AS "municipalityId", name, kind, is_public_authority AS "isPublicAuthority", district_ids AS "districtIds"
         FROM agency WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  },

  districtsByIds(manager: EntityManager, ids: readonly string[]): Promise<DistrictRow[]> {
    return manager.query(
      `SELECT id, municipality_id AS "municipalityId", code, name, policy_version AS "policyVersion" FROM district WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  },

  districtsOfMunicipality(manager: EntityManager, municipalityId: string): Promise<DistrictRow[]> {
    return manager.query(
      `SELECT id, municipality_id AS "municipalityId", code, name, policy_version AS "policyVersion"
         FROM district WHERE municipality_id = $1 ORDER BY name`,
      [municipalityId],
    );
  },

  /** Keys are `${districtId}:${version}`. */
  policiesByKeys(manager: EntityManager, keys: readonly { districtId: string; version: number }[]): Promise<PolicyRow[]> {
    return manager.query(
      `SELECT p.district_id AS "districtId", p.version, p.settings
         FROM district_policy p JOIN unnest($1::uuid[], $2::int[]) AS k(district_id, version)
           ON k.district_id = p.district_id AND k.version = p.version`,
      [keys.map((k) => k.districtId), keys.map((k) => k.version)],
    );
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

  async currentPolicy(manager: EntityManager, districtId: string): Promise<PolicyRow | null> {
    const rows: PolicyRow[] = await manager.query(
      `SELECT p.district_id AS "districtId", p.version, p.settings
         FROM district d JOIN district_policy p ON p.district_id = d.id AND p.version = d.policy_version
        WHERE d.id = $1`,
      [districtId],
    );
    return rows[0] ?? null;
  },
};
