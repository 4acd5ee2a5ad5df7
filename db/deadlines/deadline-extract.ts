import { extractSection } from '../personal-data/personal-data';

/** The clocks of the child's reports and talks (the subjects that name the child). */
export const DEADLINE_EXTRACT = extractSection([
  {
    key: 'deadlines.deadlines',
    title: 'Tidsfrister',
    sql: `SELECT to_jsonb(d) - 'responsible_user_id' AS row FROM deadline d
           WHERE d.subject_id IN (SELECT id FROM report WHERE child_id = $1 UNION ALL SELECT id FROM talk WHERE child_id = $1)
           ORDER BY d.starts_at, d.id`,
  },
]);
