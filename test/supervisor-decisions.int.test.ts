import { DAY_MS, HOUR_MS } from '../domain/time/clock';
import { reconcileDeadlines } from '../workers/deadlines/deadline-reconciler';
import { firstNorrChildNumber, suspectedCrimeInput } from './helpers/reports';
import { freshAppPerTest } from './helpers/test-app';

/** Issue 23, items 4 and 5: the supervisor extends an investigation from the report, and assigns reports and talks seeing the load. */
const T0 = '2026-11-23T08:00:00.000Z';
const POLICE = 'polis.norr@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';
const CHEF = 'chef.norr@samverka.test';

const REPORT_CONCERN = `mutation($input: ReportConcernInput!) { reportConcern(input: $input) { id } }`;
const PROTECTION = `mutation($input: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $input) { id } }`;
const DECISION = `mutation($input: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $input) { id } }`;
const EXTEND = `mutation($input: ExtendInvestigationInput!) { extendInvestigation(input: $input) {
  investigationExtendableUntil investigationExtensions { reason newDueAt } deadlines { kind dueAt status } } }`;
const UNTIL = `query($id: ID!) { report(id: $id) { investigationExtendableUntil } }`;
const STAFF = `query($d: ID!) { staff(districtId: $d) { id displayName openReports openTalks } }`;
const ASSIGN = `mutation($i: AssignReportInput!) { assignReport(input: $i) { id responsible { id } } }`;
const ASSIGN_TALK = `mutation($i: AssignTalkInput!) { assignTalk(input: $i) { id } }`;

const t = freshAppPerTest(T0);
let childNumber: string;
let keys = 0;

beforeEach(async () => {
  childNumber = await firstNorrChildNumber(t.app);
});

async function policeReport(policeReference: string): Promise<string> {
  const created = await t.app.as(POLICE, REPORT_CONCERN, {
    input: suspectedCrimeInput({
      policeReference,
      child: { personalIdentityNumber: childNumber },
      description: 'Gripen för snatteri.',
      firstKnownSuspicion: false,
      feedbackRequested: false,
      idempotencyKey: `supervisor-${++keys}-${policeReference}`,
    }),
  });
  expect(created.errors).toBeUndefined();
  return created.data.reportConcern.id;
}

async function openInvestigation(policeReference: string): Promise<string> {
  const reportId = await policeReport(policeReference);
  await t.app.as(SOCSEK, PROTECTION, { input: { reportId, acuteDanger: false, note: 'Ingen akut fara.' } });
  const decided = await t.app.as(SOCSEK, DECISION, { input: { reportId, decision: 'OPEN_INVESTIGATION' } });
  expect(decided.errors).toBeUndefined();
  return reportId;
}

const extensionRows = (reportId: string) =>
  t.app.sql(`SELECT reason, new_due_at AS "newDueAt" FROM investigation_extension WHERE report_id = $1 ORDER BY decided_at`, [reportId]);
const writeAudits = (reportId: string) =>
  t.app.sql(
    `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'UPDATE' AND 'investigationExtensions' = ANY(fields)`,
    [reportId],
  );

describe('extending an investigation', () => {
  it('shows the supervisor the latest date one extension may set, and takes exactly that date', async () => {
    const reportId = await openInvestigation('K-2301/26');
    const before = await t.app.as(CHEF, UNTIL, { id: reportId });
    // Four months from 09:00 Stockholm is 23 March; the district's two months more is 23 May (CEST, so 07:00 UTC).
    expect(before.data.report.investigationExtendableUntil).toBe('2027-05-23T07:00:00.000Z');

    const extended = await t.app.as(CHEF, EXTEND, {
      input: { reportId, reason: 'AWAITING_POLICE_INTERVIEW', newDueAt: '2027-05-23T07:00:00.000Z' },
    });
    expect(extended.errors).toBeUndefined();
    const investigation = extended.data.extendInvestigation.deadlines.filter((d: { kind: string }) => d.kind === 'INVESTIGATION');
    expect(investigation.map((d: { dueAt: string; status: string }) => [d.dueAt, d.status])).toEqual([
      ['2027-03-23T08:00:00.000Z', 'CANCELLED'],
      ['2027-05-23T07:00:00.000Z', 'OPEN'],
    ]);
    // The next extension counts from the new deadline.
    expect(extended.data.extendInvestigation.investigationExtendableUntil).toBe('2027-07-23T07:00:00.000Z');
  });

  it('treats a repeat of the same extension as the one decision: one row, one audit entry, the clock unchanged', async () => {
    const reportId = await openInvestigation('K-2302/26');
    const input = { reportId, reason: 'OTHER_EXCEPTIONAL', reasonText: '  Tolk saknas till mötet. ', newDueAt: '2027-04-23T07:00:00.000Z' };
    const first = await t.app.as(CHEF, EXTEND, { input });
    const again = await t.app.as(CHEF, EXTEND, { input });
    expect(first.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(again.data.extendInvestigation.investigationExtensions).toEqual([
      { reason: 'OTHER_EXCEPTIONAL', newDueAt: '2027-04-23T07:00:00.000Z' },
    ]);
    expect(await extensionRows(reportId)).toHaveLength(1);
    expect(await writeAudits(reportId)).toEqual([{ n: 1 }]);

    const otherReason = await t.app.as(CHEF, EXTEND, { input: { ...input, reason: 'FAMILY_UNREACHABLE', reasonText: null } });
    expect(otherReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newDueAt' });
  });

  it('refuses past the ceiling, without a reason text for "other", or by a social worker: in Swedish and English, nothing written', async () => {
    const reportId = await openInvestigation('K-2303/26');
    const tooLong = await t.app.as(CHEF, EXTEND, {
      input: { reportId, reason: 'AWAITING_OTHER_AUTHORITY', newDueAt: '2027-05-23T07:00:00.001Z' },
    });
    expect(tooLong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.newDueAt',
      messages: { sv: expect.stringContaining('högst 2 månader'), en: expect.stringContaining('at most 2 months') },
    });
    const noText = await t.app.as(CHEF, EXTEND, {
      input: { reportId, reason: 'OTHER_EXCEPTIONAL', reasonText: '   ', newDueAt: '2027-04-23T07:00:00.000Z' },
    });
    expect(noText.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reasonText',
      messages: { sv: 'Beskriv det andra synnerliga skälet.', en: 'Describe the other exceptional reason.' },
    });
    const noReason = await t.app.as(CHEF, EXTEND, { input: { reportId, newDueAt: '2027-04-23T07:00:00.000Z' } });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const byWorker = await t.app.as(SOCSEK, EXTEND, {
      input: { reportId, reason: 'AWAITING_OTHER_AUTHORITY', newDueAt: '2027-04-23T07:00:00.000Z' },
    });
    expect(byWorker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await extensionRows(reportId)).toEqual([]);
    expect(await writeAudits(reportId)).toEqual([{ n: 0 }]);
    const deadline = await t.app.sql(`SELECT due_at AS "dueAt" FROM deadline WHERE subject_id = $1 AND kind = 'INVESTIGATION'`, [reportId]);
    expect(deadline).toEqual([{ dueAt: new Date('2027-03-23T08:00:00.000Z') }]);
  });

  it('has no date to offer once the investigation is closed, nor before one is opened', async () => {
    const notOpened = await policeReport('K-2304/26');
    expect((await t.app.as(CHEF, UNTIL, { id: notOpened })).data.report.investigationExtendableUntil).toBeNull();
    const reportId = await openInvestigation('K-2305/26');
    t.clock.set(new Date(Date.parse(T0) + 30 * DAY_MS).toISOString());
    await t.app.as(SOCSEK, `mutation($input: CloseInvestigationInput!) { closeInvestigation(input: $input) { id } }`, {
      input: { reportId, outcome: 'NO_MEASURES_NEEDED', closedAt: new Date(Date.parse(T0) + 29 * DAY_MS).toISOString() },
    });
    expect((await t.app.as(CHEF, UNTIL, { id: reportId })).data.report.investigationExtendableUntil).toBeNull();
  });
});

describe('assigning with the load in view', () => {
  it("counts each colleague's open reports and talks in the supervisor's districts, and the count follows an assignment", async () => {
    const norrId = await t.app.idOf('district', 'code = $1', ['norr']);
    const socsekId = await t.app.idOf('app_user', 'email = $1', [SOCSEK]);
    const load = async () => {
      const listed = await t.app.as(CHEF, STAFF, { d: norrId });
      expect(listed.errors).toBeUndefined();
      return listed.data.staff.find((s: { id: string }) => s.id === socsekId);
    };
    const before = await load();
    const reportId = await policeReport('K-2310/26');
    const assigned = await t.app.as(CHEF, ASSIGN, { i: { reportId, userId: socsekId } });
    expect(assigned.data.assignReport.responsible).toEqual({ id: socsekId });

    const [child] = await t.app.sql(`SELECT child_id AS id FROM report WHERE id = $1`, [reportId]);
    const talk = await t.app.as(
      SOCSEK,
      `mutation($c: ID!) { openTalk(input: { childId: $c, kind: SERIOUS_TALK, idempotencyKey: "supervisor-talk-1" }) { id } }`,
      { c: child.id },
    );
    const talkAssigned = await t.app.as(CHEF, ASSIGN_TALK, { i: { talkId: talk.data.openTalk.id, userId: socsekId } });
    expect(talkAssigned.errors).toBeUndefined();

    const after = await load();
    expect(after.openReports).toBe(before.openReports + 1);
    expect(after.openTalks).toBe(before.openTalks + 1);

    // A decision without an investigation ends the report's share of the load.
    await t.app.as(SOCSEK, PROTECTION, { input: { reportId, acuteDanger: false, note: 'Ingen akut fara.' } });
    await t.app.as(SOCSEK, DECISION, { input: { reportId, decision: 'NO_INVESTIGATION' } });
    expect((await load()).openReports).toBe(before.openReports);
  });

  it('assigns only whom the staff list offers: a police officer of the district is refused, nothing changes', async () => {
    const norrId = await t.app.idOf('district', 'code = $1', ['norr']);
    const policeId = await t.app.idOf('app_user', 'email = $1', [POLICE]);
    const offered = (await t.app.as(CHEF, STAFF, { d: norrId })).data.staff.map((s: { id: string }) => s.id);
    expect(offered).not.toContain(policeId);
    const reportId = await policeReport('K-2311/26');
    const refused = await t.app.as(CHEF, ASSIGN, { i: { reportId, userId: policeId } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
    expect(await t.app.sql(`SELECT responsible_user_id AS r FROM report WHERE id = $1`, [reportId])).toEqual([{ r: null }]);
  });
});

describe('escalations', () => {
  const ESCALATIONS = `{ escalations { id kind reference reportId talkId dueAt escalatedAt escalationLevel responsible { displayName } } }`;
  const advanceTo = async (ms: number) => {
    t.clock.set(new Date(Date.parse(T0) + ms).toISOString());
    await reconcileDeadlines(t.app.runtime);
  };

  it('lists what was escalated to the supervisors, why and since when, until it is done; Syd sees none of Norr, a social worker is refused', async () => {
    const reportId = await policeReport('K-2320/26');
    const [{ reference }] = await t.app.sql(`SELECT reference FROM report WHERE id = $1`, [reportId]);
    expect((await t.app.as(CHEF, ESCALATIONS)).data.escalations.filter((e: { reportId: string }) => e.reportId === reportId)).toEqual([]);

    await advanceTo(25 * HOUR_MS);
    const listed = (await t.app.as(CHEF, ESCALATIONS)).data.escalations.filter((e: { reportId: string }) => e.reportId === reportId);
    expect(listed).toEqual([
      {
        id: expect.any(String),
        kind: 'PROTECTION_ASSESSMENT',
        reference,
        reportId,
        talkId: null,
        dueAt: '2026-11-24T08:00:00.000Z',
        escalatedAt: new Date(Date.parse(T0) + 25 * HOUR_MS).toISOString(),
        escalationLevel: 1,
        responsible: null,
      },
    ]);
    expect(
      (await t.app.as('chef.syd@samverka.test', ESCALATIONS)).data.escalations.map((e: { reference: string }) => e.reference),
    ).not.toContain(reference);
    expect((await t.app.as(SOCSEK, ESCALATIONS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await t.app.as(SOCSEK, PROTECTION, { input: { reportId, acuteDanger: false, note: 'Ingen akut fara.' } });
    expect((await t.app.as(CHEF, ESCALATIONS)).data.escalations.filter((e: { reportId: string }) => e.reportId === reportId)).toEqual([]);
  });
});
