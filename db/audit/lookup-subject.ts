import { EntityManager } from 'typeorm';

export interface LookupSubject {
  readonly childId: string | null;
  readonly districtId: string | null;
}

/** An id as a uuid, or NULL for anything else (ids in a lookup are what someone typed). */
const ID = `(CASE WHEN $1 ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN $1::uuid END)`;

const SUBJECT_SQL = {
  Child: `SELECT id AS "childId", district_id AS "districtId" FROM child WHERE id = $1`,
  Report: `SELECT child_id AS "childId", district_id AS "districtId" FROM report WHERE id = $1`,
  PersonalIdentityNumber: `SELECT id AS "childId", district_id AS "districtId" FROM child WHERE personal_identity_number = $1`,
  CollaborationCase: `SELECT child_id AS "childId", district_id AS "districtId" FROM collaboration_case WHERE id = ${ID}`,
  Talk: `SELECT child_id AS "childId", district_id AS "districtId" FROM talk WHERE id = ${ID}`,
  ForumMeeting: `SELECT NULL::uuid AS "childId", district_id AS "districtId" FROM forum_meeting WHERE id = ${ID}`,
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
