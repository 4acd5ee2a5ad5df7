import { signDevToken } from '../api/auth/dev-token';
import { createTokenVerifier } from '../api/auth/token-verifier';
import { AppDeps } from '../api/context';
import { ApiServer, buildContext } from '../api/server';
import { DAY_MS } from '../domain/time/clock';

const SOCIAL_WORKER = 'socsek.norr@samverka.test';
const STOCKHOLM_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * `npm start` on a fresh demo: a serious talk in Norr through the API, so the talk pages show something. Booked for
 * tomorrow with the Norr police officer invited; both agencies' disclosures are still missing, so "Genomfört" waits.
 */
export async function seedDemoTalk(deps: AppDeps, api: ApiServer): Promise<{ talkId: string }> {
  const secret = deps.config.auth.devSecret;
  if (!secret) throw new Error('the demo talk needs the development sign-in');
  const authorization = `Bearer ${await signDevToken(SOCIAL_WORKER, secret)}`;
  const verify = createTokenVerifier(deps.config.auth);
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await api.apollo.executeOperation(
      { query, variables },
      { contextValue: await buildContext(deps, verify, authorization) },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) {
      throw new Error(`demo talk: ${JSON.stringify(response.body.kind === 'single' ? response.body.singleResult.errors : 'incremental')}`);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the demo reads a few fields it just asked for
    return response.body.singleResult.data as any;
  };
  const now = deps.clock.now().getTime();
  const children = await run(`{ children(first: 1) { edges { node { id } } } }`);
  const { openTalk } = await run(
    `mutation($c: ID!, $d: String!) { openTalk(input: { childId: $c, kind: SERIOUS_TALK, targetDate: $d, idempotencyKey: "demo-talk-norr" }) { id } }`,
    { c: children.children.edges[0].node.id, d: STOCKHOLM_DATE.format(new Date(now + 3 * DAY_MS)) },
  );
  const talkId: string = openTalk.id;
  await run(`mutation($t: ID!) { summonTalk(input: { talkId: $t }) { id } }`, { t: talkId });
  const tomorrowMorning = new Date(`${STOCKHOLM_DATE.format(new Date(now + DAY_MS))}T09:00:00Z`);
  await run(
    `mutation($t: ID!, $at: DateTime!) { scheduleTalk(input: { talkId: $t, scheduledAt: $at, location: "Polishuset Norr, rum 4" }) { id } }`,
    { t: talkId, at: tomorrowMorning.toISOString() },
  );
  const { talkInvitees } = await run(`query($t: ID!) { talkInvitees(talkId: $t, role: POLICE_OFFICER) { id } }`, { t: talkId });
  for (const officer of talkInvitees) {
    await run(`mutation($t: ID!, $u: ID!) { addTalkParticipant(input: { talkId: $t, role: POLICE_OFFICER, userId: $u }) { id } }`, {
      t: talkId,
      u: officer.id,
    });
  }
  return { talkId };
}
