import { extractSection } from '../personal-data/personal-data';

export const RETENTION_EXTRACT = extractSection([
  {
    key: 'retention.holds',
    title: 'Bevarandebeslut',
    sql: `SELECT to_jsonb(h) AS row FROM legal_hold h WHERE h.child_id = $1 ORDER BY h.placed_at`,
  },
]);
