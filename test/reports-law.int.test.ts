import { DAY_MS, HOUR_MS } from '../domain/time/clock';
import { reconcileDeadlines } from '../workers/deadlines/deadline-reconciler';
import { firstNorrChildNumber, suspectedCrimeInput } from './helpers/reports';
import { freshAppPerTest } from './helpers/test-app';

/** Issue 10: the report flow as the law reads it. Each block names the rule it proves. */
const T0 = '2026-11-23T08:00:00.000Z';
const POLICE = 'polis.norr@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';
const CHEF = 'chef.norr@samverka.test';
const ADMIN = 'admin@samverka.test';

const REPORT_CONCERN = `mutation($input: ReportConcernInput!) { reportConcern(input: $input) { id reference receivedAt observedAt } }`;
const REGISTER = `mutation($input: RegisterConcernInput!) { registerConcern(input: $input) { id reference receivedAt } }`;
const DEADLINES = `query($id: ID!) { report(id: $id) { receivedAt observedAt deadlines { kind dueAt status } } }`;

const t = freshAppPerTest(T0);
let childNumber: string;
let keyCounter = 0;
const key = () => `law-key-${++keyCounter}-${Date.now()}`;
const at = (ms: number) => new Date(new Date(T0).getTime() + ms).toISOString();

const policeInput = (policeReference: string, overrides: Record<string, unknown> = {}) =>
  suspectedCrimeInput({
    policeReference,
    child: { personalIdentityNumber: childNumber },
    description: 'Gripen för snatteri.',
    idempotencyKey: key(),
    ...overrides,
  });

function registerInput(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'LETTER',
    reporterKind: 'OTHER_PROFESSIONAL',
    reporterContact: 'Skolsköterska Berg, 031-00 00 00',
    child: { personalIdentityNumber: childNumber },
    category: 'OTHER',
    description: 'Brev om oro.',
    feedbackRequested: false,
    idempotencyKey: key(),
    ...overrides,
  };
}

async function notificationKinds(email: string): Promise<string[]> {
  const rows = await t.app.sql(`SELECT n.kind FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 ORDER BY n.kind`, [
    email,
  ]);
  return rows.map((r) => r.kind);
}

beforeEach(async () => {
  childNumber = await firstNorrChildNumber(t.app);
});

describe('receipt time starts the clocks', () => {
  it("keeps a reporter's observed time as information and runs every clock from the server's receipt", async () => {
    const created = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-100/26', { observedAt: at(-20 * DAY_MS) }) });
    expect(created.errors).toBeUndefined();
    expect(created.data.reportConcern).toMatchObject({ receivedAt: T0, observedAt: at(-20 * DAY_MS) });

    const report = await t.app.as(SOCSEK, DEADLINES, { id: created.data.reportConcern.id });
    expect(report.data.report.deadlines.map((d: any) => [d.kind, d.dueAt, d.status])).toEqual([
      ['PROTECTION_ASSESSMENT', at(24 * HOUR_MS), 'OPEN'],
      ['FEEDBACK', at(14 * DAY_MS), 'OPEN'],
      ['PRELIMINARY_ASSESSMENT', at(14 * DAY_MS), 'OPEN'],
    ]);
    await reconcileDeadlines(t.app.runtime);
    expect(await notificationKinds(CHEF)).toEqual([]);
  });

  it('does not let the deprecated submittedAt move the clocks either', async () => {
    const created = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-101/26', { submittedAt: at(-20 * DAY_MS) }) });
    expect(created.data.reportConcern).toMatchObject({ receivedAt: T0, observedAt: at(-20 * DAY_MS) });
  });

  it('refuses a receivedAt from a reporter: the field is not theirs to send', async () => {
    const result = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-102/26', { receivedAt: at(-2 * DAY_MS) }) });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.app.sql(`SELECT id FROM report WHERE police_reference = 'K-102/26'`)).toEqual([]);
  });

  it("lets social services set a letter's receipt back within the district window, audited; a past breach fires once, no stale reminders", async () => {
    const created = await t.app.as(SOCSEK, REGISTER, { input: registerInput({ receivedAt: at(-3 * DAY_MS) }) });
    expect(created.errors).toBeUndefined();
    const reportId = created.data.registerConcern.id;
    expect(created.data.registerConcern.receivedAt).toBe(at(-3 * DAY_MS));

    const report = await t.app.as(SOCSEK, DEADLINES, { id: reportId });
    expect(report.data.report.deadlines.map((d: any) => [d.kind, d.dueAt, d.status])).toEqual([
      ['PROTECTION_ASSESSMENT', at(-2 * DAY_MS), 'OVERDUE'],
      ['PRELIMINARY_ASSESSMENT', at(11 * DAY_MS), 'OPEN'],
    ]);
    const steps = await t.app.sql(
      `SELECT d.kind, s.step FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id WHERE d.subject_id = $1 ORDER BY d.kind, s.fire_at, s.step`,
      [reportId],
    );
    expect(steps.map((s) => `${s.kind}:${s.step}`)).toEqual([
      'PRELIMINARY_ASSESSMENT:remind_50',
      'PRELIMINARY_ASSESSMENT:remind_80',
      'PRELIMINARY_ASSESSMENT:breach',
      'PRELIMINARY_ASSESSMENT:escalate',
      'PROTECTION_ASSESSMENT:breach',
      'PROTECTION_ASSESSMENT:escalate',
    ]);

    await reconcileDeadlines(t.app.runtime);
    await reconcileDeadlines(t.app.runtime);
    expect(await notificationKinds(CHEF)).toEqual(['DEADLINE_BREACH', 'DEADLINE_ESCALATE']);

    const audit = await t.app.sql(
      `SELECT a.action, a.fields FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE u.email = $1 AND a.entity_type = 'Report' AND a.entity_id = $2 ORDER BY a.action`,
      [SOCSEK, reportId],
    );
    expect(audit).toContainEqual({ action: 'UPDATE', fields: ['receivedAt'] });
  });

  it('refuses a receipt time further back than the district allows, and one in the future', async () => {
    const tooOld = await t.app.as(SOCSEK, REGISTER, { input: registerInput({ receivedAt: at(-15 * DAY_MS) }) });
    expect(tooOld.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.receivedAt',
      messages: { sv: expect.stringContaining('14 dagar') },
    });
    const future = await t.app.as(SOCSEK, REGISTER, { input: registerInput({ receivedAt: at(HOUR_MS) }) });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.receivedAt' });

    const districtId = await t.app.idOf('district', `code = 'norr'`, []);
    const widened = await t.app.as(
      ADMIN,
      `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { policy { receiptBackdateDays } } }`,
      { i: { districtId, receiptBackdateDays: 30 } },
    );
    expect(widened.data.updateDistrictPolicy.policy.receiptBackdateDays).toBe(30);
    const now = await t.app.as(SOCSEK, REGISTER, { input: registerInput({ receivedAt: at(-15 * DAY_MS) }) });
    expect(now.errors).toBeUndefined();
  });
});

describe('idempotency cannot lose a report', () => {
  it('answers a retry with the same input with the first report, and the same key with another input with CONFLICT', async () => {
    const input = policeInput('K-200/26');
    const first = await t.app.as(POLICE, REPORT_CONCERN, { input });
    const retry = await t.app.as(POLICE, REPORT_CONCERN, { input: { ...input, child: { ...input.child } } });
    expect(retry.data.reportConcern.id).toBe(first.data.reportConcern.id);

    const other = await t.app.as(POLICE, REPORT_CONCERN, {
      input: { ...input, policeReference: 'K-201/26', description: 'Ett annat barn.' },
    });
    expect(other.data).toBeNull();
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', messages: { sv: expect.stringContaining('annan anmälan') } });
    expect(other.errors?.[0].message).toMatch(/already used for another report/);
    expect(await t.app.sql(`SELECT id FROM report WHERE police_reference = 'K-201/26'`)).toEqual([]);
  });
});

describe("the law's limits are ceilings", () => {
  const UPDATE = `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { policy { version protectionAssessmentHours
    preliminaryAssessmentDays investigationMonths feedbackDays } } }`;

  it.each([
    ['protectionAssessmentHours', 48, 'SoL 11 kap. 1 a §'],
    ['preliminaryAssessmentDays', 21, 'SoL 11 kap. 1 a §'],
    ['investigationMonths', 6, 'SoL 11 kap. 2 §'],
  ])('refuses a looser %s (%i) with a message naming the law, and writes no version', async (field, value, law) => {
    const districtId = await t.app.idOf('district', `code = 'norr'`, []);
    const result = await t.app.as(ADMIN, UPDATE, { i: { districtId, [field]: value } });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: `input.${field}`,
      messages: { sv: expect.stringContaining(law) },
    });
    expect(result.errors?.[0].message).toContain(law);
    expect(await t.app.sql(`SELECT policy_version FROM district WHERE id = $1`, [districtId])).toEqual([{ policy_version: 1 }]);
  });

  it('accepts stricter legal clocks and a longer feedback deadline (no legal ceiling)', async () => {
    const districtId = await t.app.idOf('district', `code = 'norr'`, []);
    const result = await t.app.as(ADMIN, UPDATE, {
      i: { districtId, protectionAssessmentHours: 12, preliminaryAssessmentDays: 10, investigationMonths: 3, feedbackDays: 30 },
    });
    expect(result.data.updateDistrictPolicy.policy).toEqual({
      version: 2,
      protectionAssessmentHours: 12,
      preliminaryAssessmentDays: 10,
      investigationMonths: 3,
      feedbackDays: 30,
    });
  });

  it('creates no new version for an update that changes nothing', async () => {
    const districtId = await t.app.idOf('district', `code = 'norr'`, []);
    const same = await t.app.as(ADMIN, UPDATE, { i: { districtId, protectionAssessmentHours: 24, feedbackDays: 14 } });
    expect(same.data.updateDistrictPolicy.policy.version).toBe(1);
    const ageBand = await t.app.as(ADMIN, UPDATE, { i: { districtId, sspfAgeBand: { min: 12, max: 18 } } });
    expect(ageBand.data.updateDistrictPolicy.policy.version).toBe(1);
    expect(await t.app.sql(`SELECT count(*)::int AS n FROM district_policy WHERE district_id = $1`, [districtId])).toEqual([{ n: 1 }]);
  });
});

describe('the preliminary assessment and the investigation', () => {
  const PROTECTION = `mutation($input: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $input) { id } }`;
  const DECISION = `mutation($input: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $input) {
    preliminaryDecision lateReason lateReasonText ongoingInvestigationReference feedback { value } } }`;
  const EXTEND = `mutation($input: ExtendInvestigationInput!) { extendInvestigation(input: $input) {
    investigationExtensions { reason reasonText previousDueAt newDueAt decidedAt decidedBy { displayName } } deadlines { kind dueAt status } } }`;
  const CLOSE = `mutation($input: CloseInvestigationInput!) { closeInvestigation(input: $input) {
    investigationClosedAt investigationOutcome deadlines { kind status } } }`;

  async function assessedReport(policeReference: string) {
    const created = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput(policeReference) });
    const reportId = created.data.reportConcern.id;
    await t.app.as(SOCSEK, PROTECTION, { input: { reportId, acuteDanger: false, note: 'Ingen akut fara.' } });
    return reportId as string;
  }

  it('refuses ALREADY_ONGOING without an ongoing investigation; accepts it with one open in Samverka or an external case number', async () => {
    const first = await assessedReport('K-400/26');
    const refused = await t.app.as(SOCSEK, DECISION, { input: { reportId: first, decision: 'ALREADY_ONGOING' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ongoingInvestigationReference' });

    const external = await t.app.as(SOCSEK, DECISION, {
      input: { reportId: first, decision: 'ALREADY_ONGOING', ongoingInvestigationReference: 'SN 2026/1234' },
    });
    expect(external.data.recordPreliminaryAssessment).toMatchObject({
      preliminaryDecision: 'ALREADY_ONGOING',
      ongoingInvestigationReference: 'SN 2026/1234',
      feedback: { value: 'INVESTIGATION_ALREADY_ONGOING' },
    });

    const opened = await assessedReport('K-401/26');
    await t.app.as(SOCSEK, DECISION, { input: { reportId: opened, decision: 'OPEN_INVESTIGATION' } });
    const third = await assessedReport('K-402/26');
    const inSamverka = await t.app.as(SOCSEK, DECISION, { input: { reportId: third, decision: 'ALREADY_ONGOING' } });
    expect(inSamverka.errors).toBeUndefined();
  });

  it('takes a late decision only with a reason from the closed list; workload is not on it; "other" needs a text', async () => {
    const reportId = await assessedReport('K-410/26');
    t.clock.set(at(15 * DAY_MS));
    const noReason = await t.app.as(SOCSEK, DECISION, { input: { reportId, decision: 'NO_INVESTIGATION' } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lateReason' });
    const workload = await t.app.as(SOCSEK, DECISION, { input: { reportId, decision: 'NO_INVESTIGATION', lateReason: 'WORKLOAD' } });
    expect(workload.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const otherNoText = await t.app.as(SOCSEK, DECISION, {
      input: { reportId, decision: 'NO_INVESTIGATION', lateReason: 'OTHER_EXCEPTIONAL' },
    });
    expect(otherNoText.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lateReasonText' });
    const ok = await t.app.as(SOCSEK, DECISION, {
      input: { reportId, decision: 'NO_INVESTIGATION', lateReason: 'AWAITING_POLICE_INTERVIEW' },
    });
    expect(ok.data.recordPreliminaryAssessment).toMatchObject({ lateReason: 'AWAITING_POLICE_INTERVIEW', lateReasonText: null });
  });

  it('lets only a supervisor extend, by at most the district setting, and records each extension', async () => {
    const reportId = await assessedReport('K-420/26');
    await t.app.as(SOCSEK, DECISION, { input: { reportId, decision: 'OPEN_INVESTIGATION' } });
    // Four months from 09:00 Stockholm 23 Nov is 09:00 Stockholm 23 Mar (CET).
    const due = '2027-03-23T08:00:00.000Z';

    const byWorker = await t.app.as(SOCSEK, EXTEND, {
      input: { reportId, reason: 'AWAITING_OTHER_AUTHORITY', newDueAt: '2027-04-23T07:00:00.000Z' },
    });
    expect(byWorker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const tooLong = await t.app.as(CHEF, EXTEND, {
      input: { reportId, reason: 'AWAITING_OTHER_AUTHORITY', newDueAt: '2027-05-24T07:00:00.000Z' },
    });
    expect(tooLong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.newDueAt',
      messages: { sv: expect.stringContaining('2 månader') },
    });
    const first = await t.app.as(CHEF, EXTEND, {
      input: { reportId, reason: 'AWAITING_OTHER_AUTHORITY', newDueAt: '2027-04-23T07:00:00.000Z' },
    });
    expect(first.errors).toBeUndefined();
    const second = await t.app.as(CHEF, EXTEND, {
      input: { reportId, reason: 'OTHER_EXCEPTIONAL', reasonText: 'Barnet vårdas på sjukhus.', newDueAt: '2027-05-23T07:00:00.000Z' },
    });
    expect(second.data.extendInvestigation.investigationExtensions).toEqual([
      {
        reason: 'AWAITING_OTHER_AUTHORITY',
        reasonText: null,
        previousDueAt: due,
        newDueAt: '2027-04-23T07:00:00.000Z',
        decidedAt: T0,
        decidedBy: { displayName: 'Enhetschef Norr' },
      },
      {
        reason: 'OTHER_EXCEPTIONAL',
        reasonText: 'Barnet vårdas på sjukhus.',
        previousDueAt: '2027-04-23T07:00:00.000Z',
        newDueAt: '2027-05-23T07:00:00.000Z',
        decidedAt: T0,
        decidedBy: { displayName: 'Enhetschef Norr' },
      },
    ]);
  });

  it('closes an investigation with outcome and date, meeting the 4-month clock so nothing breaches', async () => {
    const reportId = await assessedReport('K-430/26');
    await t.app.as(SOCSEK, DECISION, { input: { reportId, decision: 'OPEN_INVESTIGATION' } });
    t.clock.set(at(100 * DAY_MS));
    const future = await t.app.as(SOCSEK, CLOSE, { input: { reportId, outcome: 'MEASURES_DECIDED', closedAt: at(101 * DAY_MS) } });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closedAt' });
    const closed = await t.app.as(SOCSEK, CLOSE, { input: { reportId, outcome: 'MEASURES_DECIDED', closedAt: at(99 * DAY_MS) } });
    expect(closed.data.closeInvestigation).toMatchObject({
      investigationClosedAt: at(99 * DAY_MS),
      investigationOutcome: 'MEASURES_DECIDED',
    });
    expect(closed.data.closeInvestigation.deadlines.find((d: any) => d.kind === 'INVESTIGATION').status).toBe('MET');
    const again = await t.app.as(SOCSEK, CLOSE, { input: { reportId, outcome: 'MEASURES_DECIDED', closedAt: at(99 * DAY_MS) } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    t.clock.set(at(200 * DAY_MS));
    await reconcileDeadlines(t.app.runtime);
    const breaches = await t.app.sql(
      `SELECT n.kind FROM notification n WHERE n.subject_id = $1 AND n.kind IN ('DEADLINE_BREACH', 'DEADLINE_ESCALATE')`,
      [reportId],
    );
    expect(breaches).toEqual([]);
  });
});

describe('police: one case number, several children; the filing area updates what it told', () => {
  const FEEDBACK = `query($ref: String!) { reportFeedback(policeReference: $ref) { reference childAsReported feedbackStatus } }`;
  const MY_REPORTS = `query($f: ReportFilterInput) { myReports(first: 20, filter: $f) { edges { node { policeReference feedbackStatus } } } }`;

  async function otherChildNumber(offset: number): Promise<string> {
    const [{ pnr }] = await t.app.sql(
      `SELECT c.personal_identity_number AS pnr FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id OFFSET $1 LIMIT 1`,
      [offset],
    );
    return pnr;
  }

  it('answers reportFeedback for every child under the K-number, one per child', async () => {
    await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-500/26') });
    await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-500/26', { description: 'Igen.' }) });
    const second = await otherChildNumber(1);
    await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-500/26', { child: { personalIdentityNumber: second } }) });
    const result = await t.app.as(POLICE, FEEDBACK, { ref: 'k-500/26' });
    expect(result.errors).toBeUndefined();
    expect(result.data.reportFeedback).toHaveLength(2);
    expect(result.data.reportFeedback.map((r: any) => r.childAsReported).sort()).toEqual(
      [`Namn okänt (${childNumber})`, `Namn okänt (${second})`].sort(),
    );
    const otherArea = await t.app.as('polis.syd@samverka.test', FEEDBACK, { ref: 'K-500/26' });
    expect(otherArea.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('filters myReports by police reference and by feedback status', async () => {
    const given = (await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-510/26') })).data.reportConcern.id;
    await t.app.as(POLICE, REPORT_CONCERN, {
      input: policeInput('K-511/26', { child: { personalIdentityNumber: await otherChildNumber(2) } }),
    });
    await t.app.as(SOCSEK, `mutation($input: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $input) { id } }`, {
      input: { reportId: given, acuteDanger: false, note: 'Nej.' },
    });
    await t.app.as(SOCSEK, `mutation($input: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $input) { id } }`, {
      input: { reportId: given, decision: 'NO_INVESTIGATION' },
    });
    const refs = async (f: Record<string, unknown>) =>
      (await t.app.as(POLICE, MY_REPORTS, { f })).data.myReports.edges.map((e: any) => e.node.policeReference).sort();

    expect(await refs({ policeReference: 'k-511/26' })).toEqual(['K-511/26']);
    expect(await refs({ feedbackStatus: 'GIVEN' })).toEqual(['K-510/26']);
    expect(await refs({ feedbackStatus: 'AWAITING' })).toEqual(['K-511/26']);
    expect(await refs({ feedbackStatus: 'OVERDUE' })).toEqual([]);
    t.clock.set(at(15 * DAY_MS));
    expect(await refs({ feedbackStatus: 'OVERDUE' })).toEqual(['K-511/26']);
    expect(await refs({ feedbackStatus: 'AWAITING' })).toEqual([]);
  });

  it('asks for the police case number only when the concern rests on a crime suspicion', async () => {
    const environment = await t.app.as(POLICE, REPORT_CONCERN, {
      input: policeInput('x', {
        policeReference: null,
        category: 'UNSUITABLE_ENVIRONMENT',
        suspectedOffence: null,
        offenceCanLeadToPrison: null,
        firstKnownSuspicion: false,
      }),
    });
    expect(environment.errors).toBeUndefined();
    const suspicion = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('x', { policeReference: null }) });
    expect(suspicion.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.policeReference' });
  });

  it('lets the filing police area lift the LUL 5 § hold and end the pre-investigation; social services are notified', async () => {
    const UPDATE = `mutation($input: UpdatePoliceInformationInput!) { updatePoliceInformation(input: $input) { guardianContactOnHold preInvestigationRunning } }`;
    const created = await t.app.as(POLICE, REPORT_CONCERN, {
      input: policeInput('K-520/26', { guardianContactOnHold: true, preInvestigationRunning: true }),
    });
    const reportId = created.data.reportConcern.id;

    const otherArea = await t.app.as('polis.syd@samverka.test', UPDATE, { input: { reportId, liftGuardianContactHold: true } });
    expect(otherArea.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const social = await t.app.as(SOCSEK, UPDATE, { input: { reportId, liftGuardianContactHold: true } });
    expect(social.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const lifted = await t.app.as(POLICE, UPDATE, { input: { reportId, liftGuardianContactHold: true } });
    expect(lifted.data.updatePoliceInformation).toEqual({ guardianContactOnHold: false, preInvestigationRunning: true });
    expect(await notificationKinds(CHEF)).toEqual(['POLICE_INFORMATION_CHANGED']);

    const socsekId = await t.app.idOf('app_user', 'email = $1', [SOCSEK]);
    await t.app.as(CHEF, `mutation($input: AssignReportInput!) { assignReport(input: $input) { id } }`, {
      input: { reportId, userId: socsekId },
    });
    t.clock.set(at(HOUR_MS));
    const ended = await t.app.as(POLICE, UPDATE, { input: { reportId, endPreInvestigation: true } });
    expect(ended.data.updatePoliceInformation).toEqual({ guardianContactOnHold: false, preInvestigationRunning: false });
    expect(await notificationKinds(SOCSEK)).toContain('POLICE_INFORMATION_CHANGED');
    const nothing = await t.app.as(POLICE, UPDATE, { input: { reportId, endPreInvestigation: true } });
    expect(nothing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('finding a report by its reference', () => {
  const BY_REFERENCE = `query($ref: String!) { reportByReference(reference: $ref) { id reference } }`;

  it('finds the report for social services of its district and the filing agency, and is NOT_FOUND for anyone else', async () => {
    const created = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-600/26') });
    const { id, reference } = created.data.reportConcern;
    expect((await t.app.as(SOCSEK, BY_REFERENCE, { ref: ` ${reference.toLowerCase()} ` })).data.reportByReference).toEqual({
      id,
      reference,
    });
    expect((await t.app.as(POLICE, BY_REFERENCE, { ref: reference })).data.reportByReference).toEqual({ id, reference });
    for (const email of ['socsek.syd@samverka.test', 'polis.syd@samverka.test']) {
      expect((await t.app.as(email, BY_REFERENCE, { ref: reference })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });
});

describe('who is owed feedback', () => {
  it("refuses a feedback request on a private person's report: no feedback debt is created", async () => {
    const refused = await t.app.as(SOCSEK, REGISTER, {
      input: registerInput({ reporterKind: 'PRIVATE_PERSON', channel: 'PHONE', feedbackRequested: true }),
    });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.feedbackRequested',
      messages: { sv: expect.stringContaining('anmälningsplikten') },
    });
    const registered = await t.app.as(SOCSEK, REGISTER, { input: registerInput({ reporterKind: 'PRIVATE_PERSON', channel: 'PHONE' }) });
    expect(registered.errors).toBeUndefined();
    expect(
      await t.app.sql(`SELECT kind FROM deadline WHERE subject_id = $1 AND kind = 'FEEDBACK'`, [registered.data.registerConcern.id]),
    ).toEqual([]);
  });
});

describe('acute danger on an unassigned report', () => {
  it("notifies the district's supervisors at once, and nobody when the report has a responsible worker", async () => {
    const PROTECTION = `mutation($input: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $input) { id } }`;
    const unassigned = (await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-700/26') })).data.reportConcern;
    await t.app.as(SOCSEK, PROTECTION, { input: { reportId: unassigned.id, acuteDanger: true, note: 'Akut fara.' } });
    const rows = await t.app.sql(`SELECT n.kind, n.title FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1`, [
      CHEF,
    ]);
    expect(rows).toEqual([{ kind: 'ACUTE_DANGER_UNASSIGNED', title: `Akut fara, ingen ansvarig: ${unassigned.reference}` }]);

    const assigned = (await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-701/26') })).data.reportConcern;
    const socsekId = await t.app.idOf('app_user', 'email = $1', [SOCSEK]);
    await t.app.as(CHEF, `mutation($input: AssignReportInput!) { assignReport(input: $input) { id } }`, {
      input: { reportId: assigned.id, userId: socsekId },
    });
    await t.app.as(SOCSEK, PROTECTION, { input: { reportId: assigned.id, acuteDanger: true, note: 'Akut fara.' } });
    expect(await notificationKinds(CHEF)).toEqual(['ACUTE_DANGER_UNASSIGNED']);
  });
});
