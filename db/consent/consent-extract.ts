import { extractSection } from '../personal-data/personal-data';

export const CONSENT_EXTRACT = extractSection([
  {
    key: 'consent.consents',
    title: 'Samtycken',
    sql: `SELECT to_jsonb(s) AS row FROM consent s JOIN collaboration_case c ON c.id = s.case_id WHERE c.child_id = $1 ORDER BY s.id`,
  },
]);
