import type { ScopeContributor } from '../access/scope-contributor';

/**
 * The viewer's current case teams, read inside the one viewer query of each request: an ended membership takes effect
 * on the next request, and a closed case drops out. What the consents let the team read is the consent module's part.
 */
export const collaborationScope: ScopeContributor = {
  name: 'collaboration',
  sql: `jsonb_build_object('teamCaseIds', coalesce((
      SELECT jsonb_agg(t.case_id) FROM collaboration_team_member t
        JOIN collaboration_case cc ON cc.id = t.case_id AND cc.state <> 'CLOSED'
       WHERE t.user_id = u.id AND t.ended_at IS NULL), '[]'::jsonb))`,
};
