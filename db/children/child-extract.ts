import { extractSection } from '../personal-data/personal-data';

/** The child's own record and its guardians. */
export const CHILD_EXTRACT = extractSection([
  { key: 'children.child', title: 'Barnet', sql: `SELECT to_jsonb(c) AS row FROM child c WHERE c.id = $1` },
  {
    key: 'children.guardians',
    title: 'Vårdnadshavare',
    sql: `SELECT to_jsonb(g) AS row FROM guardian g WHERE g.child_id = $1 ORDER BY g.id`,
  },
]);
