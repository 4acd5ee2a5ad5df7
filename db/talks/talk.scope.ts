import { ScopeContributor } from '../access/scope-contributor';

/** The talks the viewer is invited to (as police officer, coordinator or social worker), for the invitedToTalk condition. */
export const talkScopeContributor: ScopeContributor = {
  name: 'talks',
  sql: `jsonb_build_object('invitedTalkIds', COALESCE((SELECT jsonb_agg(p.talk_id) FROM talk_participant p WHERE p.user_id = u.id AND p.invited_at <= $2::timestamptz), '[]'::jsonb))`,
};
