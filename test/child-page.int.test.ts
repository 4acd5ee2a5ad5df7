/**
 * The child's page (issue 22, item 13): `child(id)` lists the child's reports, talks, collaboration cases and running
 * clocks, each through its own policy: what a viewer may not see is not listed, and a child outside the viewer's
 * districts is NOT_FOUND with the denied lookup in the audit log. Through the GraphQL API on a fake clock.
 */
import { FakeClock, HOUR_MS } from '../domain/time/clock';
import { COORDINATOR, openCase } from './helpers/collaboration';
import { errorOf, ok, personalNumberAged, T0, talkSteps, who } from './helpers/talk-steps';
import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
let clock: FakeClock;
const s = talkSteps(
  () => app,
  () => clock,
);

beforeEach(async () => {
  clock = new FakeClock(T0);
  app = await createTestApp({ clock });
});

afterEach(() => app.close());

const CHILD_PAGE = `query($id: ID!) { child(id: $id) { id givenName
  reports { id reference }
  talks { id reference state }
  collaborationCases { id reference }
  openDeadlines { kind subjectReference status dueAt } } }`;

const referenceOf = async (table: string, id: string) => (await app.sql(`SELECT reference FROM ${table} WHERE id = $1`, [id]))[0].reference;

describe("the child's page", () => {
  it("a social worker sees the child's reports, talk, case and the clocks still running; a met clock leaves the list", async () => {
    const socsek = who('socsek', 'norr');
    const { reportId, childId } = await s.policeReport('norr', { personalIdentityNumber: personalNumberAged(13) });
    const [talk] = await s.talksOfChild('norr', childId);
    const caseId = await openCase(app, childId);
    const reportRef = await referenceOf('report', reportId);

    clock.set(new Date(new Date(T0).getTime() + 2 * HOUR_MS));
    ok(
      await app.as(socsek, `mutation($i: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $i) { id } }`, {
        i: { reportId, acuteDanger: false, note: 'Ingen akut fara.' },
      }),
    );

    const page = ok(await app.as(socsek, CHILD_PAGE, { id: childId })).child;
    expect(page.reports).toEqual([{ id: reportId, reference: reportRef }]);
    expect(page.talks).toEqual([{ id: talk.id, reference: talk.reference, state: talk.state }]);
    expect(page.collaborationCases).toEqual([{ id: caseId, reference: await referenceOf('collaboration_case', caseId) }]);
    // The protection assessment is met and gone; the preliminary assessment, the feedback and the talk's 48 h run on.
    expect(page.openDeadlines.map((d: any) => [d.kind, d.subjectReference, d.status])).toEqual([
      ['TALK_HELD', talk.reference, 'OPEN'],
      // Due at the same moment (14 days each by default): the same order as the deadline repository's, by kind.
      ['FEEDBACK', reportRef, 'OPEN'],
      ['PRELIMINARY_ASSESSMENT', reportRef, 'OPEN'],
    ]);
    const due = page.openDeadlines.map((d: any) => Date.parse(d.dueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));

    // Every object the page showed was read under the policy, and is in the audit log with the child.
    const read = await app.sql(
      `SELECT DISTINCT entity_type FROM audit_event WHERE child_id = $1 AND outcome = 'ALLOWED' AND action = 'READ' ORDER BY entity_type`,
      [childId],
    );
    expect(read.map((r: any) => r.entity_type)).toEqual(
      expect.arrayContaining(['Child', 'CollaborationCase', 'Deadline', 'Report', 'Talk']),
    );
  });

  it("the coordinator sees the child and its case but not social services' reports, talks or clocks; another district gets NOT_FOUND, audited", async () => {
    const { childId } = await s.policeReport('norr', { personalIdentityNumber: personalNumberAged(13) });
    const caseId = await openCase(app, childId);

    const coordinator = await app.as(COORDINATOR, CHILD_PAGE, { id: childId });
    expect(coordinator.errors ?? []).toEqual([]);
    expect(coordinator.data!.child).toMatchObject({ id: childId, reports: [], talks: [], openDeadlines: [] });
    expect(coordinator.data!.child.collaborationCases.map((c: any) => c.id)).toEqual([caseId]);

    const outside = await app.as(who('socsek', 'syd'), CHILD_PAGE, { id: childId });
    expect(errorOf(outside).code).toBe('NOT_FOUND');
    const [norr] = await app.sql(`SELECT id FROM district WHERE code = 'norr'`);
    expect(await app.sql(`SELECT child_id, district_id, outcome FROM audit_event WHERE request_id = $1`, [outside.requestId])).toEqual([
      { child_id: childId, district_id: norr.id, outcome: 'DENIED' },
    ]);

    expect(errorOf(await app.as(who('polis', 'norr'), CHILD_PAGE, { id: childId })).code).toBe('FORBIDDEN');
  });
});
