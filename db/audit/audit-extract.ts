import { SecrecyMark } from '../../domain/retention/extract-rules';
import { extractSection } from '../personal-data/personal-data';

/** Who read or wrote the child's data: staff are other people, so the reviewer decides. */
export const AUDIT_EXTRACT = extractSection([
  {
    key: 'audit.events',
    title: 'Loggade läsningar och ändringar',
    sql: `SELECT to_jsonb(a) AS row FROM audit_event a WHERE a.child_id = $1 OR $1 = ANY(a.child_ids) ORDER BY a.occurred_at`,
    marks: [SecrecyMark.OTHER_PERSONS],
  },
]);
