/** The list filters the web app uses: feedback status (police, school) and overdue clocks (supervisors). */
import { DAY_MS, FakeClock } from '../domain/time/clock';
import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
let clock: FakeClock;

beforeAll(async () => {
  clock = new FakeClock('2026-11-23T08:00:00Z');
  app = await createTestApp({ clock });
});
afterAll(() => app.close());

const flag = (key: string, feedbackRequested: boolean, givenName: string) =>
  app.as(
    'larare.norr@samverka.test',
    `mutation($key: String!, $fb: Boolean!, $name: String!) {
  flagConcern(input: { child: { givenName: $name, familyName: "Filtersson" }, category: SCHOOL_ABSENCE, description: "Frånvaro",
    feedbackRequested: $fb, idempotencyKey: $key }) { reference } }`,
    { key, fb: feedbackRequested, name: givenName },
  );

const mine = async (feedbackStatus: string) => {
  const result = await app.as(
    'larare.norr@samverka.test',
    `query($s: FeedbackFilter!) { myReports(first: 50, filter: { feedbackStatus: $s }) {
    edges { node { reference feedbackStatus } } } }`,
    { s: feedbackStatus },
  );
  expect(result.errors).toBeUndefined();
  return result.data.myReports.edges.map((e: { node: { reference: string; feedbackStatus: string } }) => e.node);
};

const overdue = async () => {
  const result = await app.as(
    'chef.norr@samverka.test',
    `{ intakeQueue(first: 50, filter: { overdueOnly: true }) { edges { node { reference } } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data.intakeQueue.edges.map((e: { node: { reference: string } }) => e.node.reference);
};

it('filters by feedback status now, and by clocks past due', async () => {
  const asked = (await flag('filters-asked', true, 'Fia')).data.flagConcern.reference;
  const unasked = (await flag('filters-unasked', false, 'Filip')).data.flagConcern.reference;

  // A report without a feedback request is never awaiting, overdue or given.
  expect(await mine('AWAITING')).toEqual([{ reference: asked, feedbackStatus: 'PENDING' }]);
  expect(await mine('OVERDUE')).toEqual([]);
  expect(await mine('GIVEN')).toEqual([]);
  expect(await overdue()).toEqual([]);

  clock.advance(2 * DAY_MS);
  expect((await overdue()).sort()).toEqual([asked, unasked].sort());
  expect(await mine('OVERDUE')).toEqual([]);

  clock.advance(13 * DAY_MS);
  expect(await mine('OVERDUE')).toEqual([{ reference: asked, feedbackStatus: 'OVERDUE' }]);
  expect(await mine('AWAITING')).toEqual([]);
});
