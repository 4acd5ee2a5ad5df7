import type { ScopeContributor } from '../access/scope-contributor';
import { validConsentSql } from './consent-validity';

/**
 * Every valid consent that covers the viewer's agency in a case the viewer is on the team of, read inside the one
 * viewer query of each request: a withdrawal, an ended membership or an end date takes effect on the next request,
 * and a closed case drops out.
 */
export const consentScope: ScopeContributor = {
  name: 'consent',
  sql: `jsonb_build_object('caseConsents', coalesce((
      SELECT jsonb_agg(jsonb_build_object('caseId', t.case_id, 'consentId', k.id, 'categories', to_jsonb(k.categories)))
        FROM collaboration_team_member t
        JOIN collaboration_case cc ON cc.id = t.case_id AND cc.state <> 'CLOSED'
        JOIN consent k ON k.case_id = t.case_id AND ${validConsentSql('k', '$2::timestamptz')} AND a.id = ANY(k.agency_ids)
       WHERE t.user_id = u.id AND t.ended_at IS NULL), '[]'::jsonb))`,
};
