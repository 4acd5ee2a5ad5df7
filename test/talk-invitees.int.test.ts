/**
 * talkInvitees: whom social services can invite to a talk in a role — the professionals of the agencies working in the
 * talk's district — on a real database, and that every one offered is accepted by addTalkParticipant.
 */
import { createTestApp, GraphQLResult, TestApp } from './helpers/test-app';

const SOCIAL_NORR = 'socsek.norr@samverka.test';
let app: TestApp;
let talkId: string;

const INVITEES = `query($t: ID!, $r: TalkParticipantRole!) { talkInvitees(talkId: $t, role: $r) { id displayName } }`;

function codeOf(result: GraphQLResult): unknown {
  return result.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  app = await createTestApp();
  const [child] = await app.sql(
    `SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
  );
  const opened = await app.as(
    SOCIAL_NORR,
    `mutation($c: ID!) { openTalk(input: { childId: $c, kind: SERIOUS_TALK, idempotencyKey: "invitees" }) { id } }`,
    { c: child.id },
  );
  expect(opened.errors).toBeUndefined();
  talkId = opened.data.openTalk.id;
});

afterAll(async () => {
  await app?.close();
});

it("offers the police officers of the talk's district, each of whom the talk accepts", async () => {
  const result = await app.as(SOCIAL_NORR, INVITEES, { t: talkId, r: 'POLICE_OFFICER' });
  expect(result.errors).toBeUndefined();
  const names = result.data.talkInvitees.map((s: { displayName: string }) => s.displayName);
  expect(names).toContain('Polis Norr');
  expect(names).not.toContain('Polis Syd');
  expect(names).not.toContain('Socialsekreterare Norr');
  for (const { id } of result.data.talkInvitees) {
    const added = await app.as(
      SOCIAL_NORR,
      `mutation($t: ID!, $u: ID!) { addTalkParticipant(input: { talkId: $t, role: POLICE_OFFICER, userId: $u }) { id } }`,
      { t: talkId, u: id },
    );
    expect(added.errors).toBeUndefined();
  }
});

it('offers social workers and coordinators by their own rules', async () => {
  const social = await app.as(SOCIAL_NORR, INVITEES, { t: talkId, r: 'SOCIAL_WORKER' });
  expect(social.data.talkInvitees.map((s: { displayName: string }) => s.displayName)).toContain('Socialsekreterare Norr');
  expect(social.data.talkInvitees.map((s: { displayName: string }) => s.displayName)).not.toContain('Polis Norr');
  const coordinators = await app.as(SOCIAL_NORR, INVITEES, { t: talkId, r: 'COORDINATOR' });
  expect(coordinators.errors).toBeUndefined();
  const [{ n }] =
    await app.sql(`SELECT count(*)::int AS n FROM app_user u JOIN agency a ON a.id = u.agency_id JOIN district d ON d.code = 'norr'
    WHERE d.id = ANY(a.district_ids) AND 'SSPF_COORDINATOR' = ANY(u.roles) AND u.disabled_at IS NULL`);
  expect(coordinators.data.talkInvitees).toHaveLength(n);
});

it('refuses roles without a user account, other districts and the invited', async () => {
  expect(codeOf(await app.as(SOCIAL_NORR, INVITEES, { t: talkId, r: 'GUARDIAN' }))).toBe('BAD_USER_INPUT');
  expect(codeOf(await app.as('socsek.syd@samverka.test', INVITEES, { t: talkId, r: 'POLICE_OFFICER' }))).toBe('NOT_FOUND');
  expect(codeOf(await app.as('polis.norr@samverka.test', INVITEES, { t: talkId, r: 'POLICE_OFFICER' }))).toBe('FORBIDDEN');
});
