/**
 * The child's page (issue 22, item 13): `child(id)` lists the child's reports, talks, collaboration cases and running
 * clocks, each through its own policy: what a viewer may not see is not listed, and a child outside the viewer's
 * districts is NOT_FOUND with the denied lookup in the audit log. Through the GraphQL API on a fake clock.
 */
import { DAY_MS, HOUR_MS } from '../domain/time/clock';
import {
  addAction,
  addMember,
  agencyIdOf,
  COORDINATOR,
  insertChild,
  ok as okAs,
  openCase,
  recordConsent,
  SOCIAL_WORKER,
  TEACHER,
} from './helpers/collaboration';
import { errorOf, ok, personalNumberAged, T0, talkSteps, who } from './helpers/talk-steps';
import { freshAppPerTest } from './helpers/test-app';

const t = freshAppPerTest(T0);
const s = talkSteps(t);

const CHILD_PAGE = `query($id: ID!) { child(id: $id) { id givenName
  reports { id reference }
  talks { id reference state }
  collaborationCases { id reference }
  openDeadlines { kind subjectReference status dueAt } } }`;

const referenceOf = async (table: string, id: string) =>
  (await t.app.sql(`SELECT reference FROM ${table} WHERE id = $1`, [id]))[0].reference;

describe("the child's page", () => {
  it("a social worker sees the child's reports, talk, case and the clocks still running; a met clock leaves the list", async () => {
    const socsek = who('socsek', 'norr');
    const { reportId, childId } = await s.policeReport('norr', { personalIdentityNumber: personalNumberAged(13) });
    const [talk] = await s.talksOfChild('norr', childId);
    const caseId = await openCase(t.app, childId);
    const reportRef = await referenceOf('report', reportId);

    t.clock.set(new Date(new Date(T0).getTime() + 2 * HOUR_MS));
    ok(
      await t.app.as(socsek, `mutation($i: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $i) { id } }`, {
        i: { reportId, acuteDanger: false, note: 'Ingen akut fara.' },
      }),
    );

    const page = ok(await t.app.as(socsek, CHILD_PAGE, { id: childId })).child;
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
    const read = await t.app.sql(
      `SELECT DISTINCT entity_type FROM audit_event WHERE child_id = $1 AND outcome = 'ALLOWED' AND action = 'READ' ORDER BY entity_type`,
      [childId],
    );
    expect(read.map((r: any) => r.entity_type)).toEqual(
      expect.arrayContaining(['Child', 'CollaborationCase', 'Deadline', 'Report', 'Talk']),
    );
  });

  it("the coordinator sees the child, its case and the case's clock but not social services' reports, talks or their clocks; another district gets NOT_FOUND, audited", async () => {
    const { childId } = await s.policeReport('norr', { personalIdentityNumber: personalNumberAged(13) });
    const caseId = await openCase(t.app, childId);

    const coordinator = await t.app.as(COORDINATOR, CHILD_PAGE, { id: childId });
    expect(coordinator.errors ?? []).toEqual([]);
    expect(coordinator.data!.child).toMatchObject({ id: childId, reports: [], talks: [] });
    // Only the case's own clock: nobody has touched it for 30 days yet.
    expect(coordinator.data!.child.openDeadlines.map((d: any) => d.kind)).toEqual(['CASE_STALE']);
    expect(coordinator.data!.child.collaborationCases.map((c: any) => c.id)).toEqual([caseId]);

    const outside = await t.app.as(who('socsek', 'syd'), CHILD_PAGE, { id: childId });
    expect(errorOf(outside).code).toBe('NOT_FOUND');
    const [norr] = await t.app.sql(`SELECT id FROM district WHERE code = 'norr'`);
    expect(await t.app.sql(`SELECT child_id, district_id, outcome FROM audit_event WHERE request_id = $1`, [outside.requestId])).toEqual([
      { child_id: childId, district_id: norr.id, outcome: 'DENIED' },
    ]);

    expect(errorOf(await t.app.as(who('polis', 'norr'), CHILD_PAGE, { id: childId })).code).toBe('FORBIDDEN');
  });

  it("the case's clocks are on the page for those who read that part of the case: the action's due date, the consent's end, the follow-up and the stale-case review", async () => {
    const day = (n: number) => new Date(new Date(T0).getTime() + n * DAY_MS).toISOString();
    const SUPERVISOR = who('chef', 'norr');
    const { childId, guardianIds } = await insertChild(t.app, '2012-03-15', 'Nora');
    const caseId = await openCase(t.app, childId);
    const caseRef = await referenceOf('collaboration_case', caseId);
    const consent = await recordConsent(t.app, {
      caseId,
      givenByYouth: true,
      guardianIds,
      agencyIds: [await agencyIdOf(t.app, TEACHER)],
      endsAt: day(60),
    });
    expect(consent.errors).toBeUndefined();
    expect((await addMember(t.app, caseId, TEACHER)).errors).toBeUndefined();
    await addAction(t.app, caseId, TEACHER, 'SCHOOL_SUPPORT', 'Extra stöd i matematik med mentor', day(7));
    await addAction(t.app, caseId, COORDINATOR, 'GUARDIAN_SUPPORT', 'Föräldraprogrammet På rätt väg', day(21));
    await okAs(t.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
      i: { caseId, kind: 'FOLLOW_UP', scheduledAt: day(28), attendeeUserIds: [] },
    });
    t.clock.set(new Date(day(8)));

    const clocksOf = async (email: string) =>
      (ok(await t.app.as(email, CHILD_PAGE, { id: childId })).child.openDeadlines as any[]).map((d) => [
        d.kind,
        d.subjectReference,
        d.status,
        d.dueAt,
      ]);

    // The coordinator runs the case: every clock, soonest first; the teacher's action is a day late.
    expect(await clocksOf(COORDINATOR)).toEqual([
      ['PLAN_ACTION_DUE', caseRef, 'OVERDUE', day(7)],
      ['PLAN_ACTION_DUE', caseRef, 'OPEN', day(21)],
      ['FOLLOW_UP_REMINDER', caseRef, 'OPEN', day(28)],
      // Thirty days without activity from the last plan change (the district's default).
      ['CASE_STALE', caseRef, 'OPEN', day(30)],
      ['CONSENT_EXPIRY', caseRef, 'OPEN', day(60)],
    ]);
    // The supervisor reads the case record (consent, follow-up, staleness) and only the actions of social services.
    expect((await clocksOf(SUPERVISOR)).map(([kind, , , due]) => [kind, due])).toEqual([
      ['PLAN_ACTION_DUE', day(21)],
      ['FOLLOW_UP_REMINDER', day(28)],
      ['CASE_STALE', day(30)],
      ['CONSENT_EXPIRY', day(60)],
    ]);
    // A social worker who is not on the team learns that the case exists, but none of its clocks.
    expect(await clocksOf(SOCIAL_WORKER)).toEqual([]);
    // Every clock the coordinator read is in the audit log with the child (one row per request and type, ids listed).
    const readClocks = async (email: string) =>
      (
        await t.app.sql(
          `SELECT count(DISTINCT e)::int AS n FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id,
                  unnest(COALESCE(a.entity_ids, ARRAY[a.entity_id])) e
            WHERE u.email = $1 AND a.entity_type = 'Deadline' AND a.outcome = 'ALLOWED' AND a.action = 'READ'
              AND (a.child_id = $2 OR $2 = ANY(a.child_ids))`,
          [email, childId],
        )
      )[0].n;
    expect(await readClocks(COORDINATOR)).toBe(5);
    expect(await readClocks(SOCIAL_WORKER)).toBe(0);
  });
});
