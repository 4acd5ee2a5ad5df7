import { EntityManager } from 'typeorm';

export interface LookupSubject {
  readonly childId: string | null;
  readonly districtId: string | null;
}

const SUBJECT_SQL = {
  Child: `SELECT id AS "childId", district_id AS "districtId" FROM child WHERE id = $1`,
  Report: `SELECT child_id AS "childId", district_id AS "districtId" FROM report WHERE id = $1`,
  PersonalIdentityNumber: `SELECT id AS "childId", district_id AS "districtId" FROM child WHERE personal_identity_number = $1`,
} as const;

export type LookupKind = keyof typeof SUBJECT_SQL;

/**
 * Whose record a refused or conflicting lookup touched, for the audit row
 * only (never for the answer): so the supervisors of that district see the
 * attempt in their log. Unknown ids give nulls.
 */
export async function lookupSubject(manager: EntityManager, kind: LookupKind, key: string): Promise<LookupSubject> {
  const [row] = await manager.query(SUBJECT_SQL[kind], [key]);
  return row ?? { childId: null, districtId: null };
}
