import type { ScopeContributor } from '../access/scope-contributor';
import { validConsentSql } from '../consent';

/**
 * The viewer's current case teams, and with them every valid consent that
 * covers their agency, read inside the one viewer query of each request: a
 * withdrawal, an ended membership or an end date takes effect on the next
 * request, and a closed case drops out.
 */
export const collaborationScope: ScopeContributor = {
  name: 'collaboration',
  sql: `jsonb_build_object('caseConsents', coalesce((
      SELECT jsonb_agg(jsonb_build_object('caseId', t.case_id, 'consentId', k.id, 'categories', to_jsonb(k.categories)))
        FROM collaboration_team_member t
        JOIN collaboration_case cc ON cc.id = t.case_id AND cc.state <> 'CLOSED'
        JOIN consent k ON k.case_id = t.case_id AND ${validConsentSql('k', '$2::timestamptz')} AND a.id = ANY(k.agency_ids)
       WHERE t.user_id = u.id AND t.ended_at IS NULL), '[]'::jsonb),
    'teamCaseIds', coalesce((
      SELECT jsonb_agg(t.case_id) FROM collaboration_team_member t
        JOIN collaboration_case cc ON cc.id = t.case_id AND cc.state <> 'CLOSED'
       WHERE t.user_id = u.id AND t.ended_at IS NULL), '[]'::jsonb))`,
};
