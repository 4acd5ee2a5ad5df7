/** The talk `npm start` adds to a fresh demo: booked, the Norr officer invited, Held still waiting on the disclosures. */
import { seedDemoTalk } from '../scripts/demo-talk';
import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

it('the social worker and the invited officer of Norr both see the demo talk', async () => {
  const { talkId } = await seedDemoTalk(app.runtime, app.api);
  const social = await app.as(
    'socsek.norr@samverka.test',
    `query($t: ID!) { talk(id: $t) { state location participants { role } disclosures { id } } }`,
    { t: talkId },
  );
  expect(social.errors).toBeUndefined();
  expect(social.data.talk).toMatchObject({ state: 'SCHEDULED', location: 'Polishuset Norr, rum 4', disclosures: [] });
  expect(social.data.talk.participants.map((p: { role: string }) => p.role)).toContain('POLICE_OFFICER');
  const police = await app.as('polis.norr@samverka.test', `{ myTalks { id location } }`);
  expect(police.data.myTalks).toEqual([{ id: talkId, location: 'Polishuset Norr, rum 4' }]);
  const held = await app.as('socsek.norr@samverka.test', `mutation($t: ID!) { holdTalk(input: { talkId: $t }) { id } }`, { t: talkId });
  expect(held.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
