import { FakeClock } from '../domain/time/clock';
import { asSystem } from '../db/access/row-scope';
import { seedDemoCase } from '../db/seed/demo-case';
import { COORDINATOR, LEISURE, ok, TEACHER } from './helpers/collaboration';
import { createTestApp, TestApp } from './helpers/test-app';

const NOW = '2026-11-23T08:00:00Z';
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ clock: new FakeClock(NOW) });
});

afterAll(() => app.close());

it('the demo seed gives the Norr coordinator an open SSPF case, and the teacher and leisure worker their actions in it', async () => {
  const { reference } = await asSystem(app.dataSource, (manager) => seedDemoCase(manager, new Date(NOW)));

  const { myCollaborationCases } = await ok(
    app,
    COORDINATOR,
    `{ myCollaborationCases(filter: { openOnly: true }) {
    reference model state child { age } consents { valid } team { agency { kind } } actions { status } meetings { kind } } }`,
  );
  const seeded = myCollaborationCases.find((c: { reference: string }) => c.reference === reference);
  expect(seeded).toMatchObject({ model: 'SSPF', state: 'PLAN_ACTIVE', consents: [{ valid: true }], meetings: [{ kind: 'FOLLOW_UP' }] });
  expect(seeded.child.age).toBeGreaterThanOrEqual(12);
  expect(seeded.child.age).toBeLessThanOrEqual(18);
  expect(seeded.team.map((m: { agency: { kind: string } }) => m.agency.kind).sort()).toEqual(['LEISURE', 'SCHOOL']);
  expect(seeded.actions).toHaveLength(3);

  for (const [email, kind] of [
    [LEISURE, 'LEISURE_ACTIVITY'],
    [TEACHER, 'SCHOOL_SUPPORT'],
  ]) {
    const { myActions } = await ok(app, email, `{ myActions { caseReference kind notes { text } } }`);
    expect(myActions).toEqual([expect.objectContaining({ caseReference: reference, kind })]);
  }
});
