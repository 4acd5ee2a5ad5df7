import { DAY_MS, HOUR_MS } from '../domain/time/clock';
import { reconcileDeadlines } from '../workers/deadlines/deadline-reconciler';
import { firstNorrChildNumber, suspectedCrimeInput } from './helpers/reports';
import { freshAppPerTest } from './helpers/test-app';

const T0 = '2026-11-23T08:00:00Z';
const POLICE = 'polis.norr@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';
const CHEF = 'chef.norr@samverka.test';
const SCHOOL = 'larare.norr@samverka.test';

const REPORT_CONCERN = `mutation($input: ReportConcernInput!) { reportConcern(input: $input) { id reference feedbackStatus } }`;
const FLAG_CONCERN = `mutation($input: FlagConcernInput!) { flagConcern(input: $input) { id reference feedbackStatus } }`;
const PROTECTION = `mutation($input: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $input) { protectionAssessedAt } }`;
const DECISION = `mutation($input: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $input) { preliminaryDecision feedback { value } } }`;
const ASSIGN = `mutation($input: AssignReportInput!) { assignReport(input: $input) { responsible { displayName } } }`;
const FEEDBACK_QUERY = `query($ref: String!) { reportFeedback(policeReference: $ref) {
  reference policeReference childAsReported feedbackRequested feedbackStatus feedback { value givenAt } } }`;

const t = freshAppPerTest(T0);
let childNumber: string;
let keyCounter = 0;

const key = () => `test-key-${++keyCounter}-${Date.now()}`;

const policeInput = (policeReference: string, overrides: Record<string, unknown> = {}) =>
  suspectedCrimeInput({
    policeReference,
    child: { personalIdentityNumber: childNumber },
    description: 'Gripen för snatteri tillsammans med äldre ungdomar.',
    idempotencyKey: key(),
    ...overrides,
  });

async function notificationsOf(email: string) {
  return t.app.sql(
    `SELECT n.kind, n.title, n.body FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 ORDER BY n.created_at, n.kind`,
    [email],
  );
}

async function advanceTo(ms: number) {
  t.clock.set(new Date(new Date(T0).getTime() + ms));
  return reconcileDeadlines(t.app.runtime);
}

beforeEach(async () => {
  childNumber = await firstNorrChildNumber(t.app);
});

describe('a police report with feedback requested', () => {
  it('runs intake → protection in time → 80 % reminder → NO_INVESTIGATION → the officer sees GIVEN and nothing else', async () => {
    const created = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-12345/26') });
    expect(created.errors).toBeUndefined();
    const reportId = created.data.reportConcern.id;
    expect(created.data.reportConcern.feedbackStatus).toBe('PENDING');

    const intake = await t.app.as(
      SOCSEK,
      `{ intakeQueue(first: 10) { edges { node { id reference category responsible { id }
      deadlines { kind dueAt status policyVersion } } } } }`,
    );
    const row = intake.data.intakeQueue.edges.map((e: any) => e.node).find((n: any) => n.id === reportId);
    expect(row.responsible).toBeNull();
    expect(row.deadlines.map((d: any) => [d.kind, d.dueAt, d.status])).toEqual([
      ['PROTECTION_ASSESSMENT', '2026-11-24T08:00:00.000Z', 'OPEN'],
      ['FEEDBACK', '2026-12-07T08:00:00.000Z', 'OPEN'],
      ['PRELIMINARY_ASSESSMENT', '2026-12-07T08:00:00.000Z', 'OPEN'],
    ]);

    const socsekId = await t.app.idOf('app_user', 'email = $1', [SOCSEK]);
    expect((await t.app.as(CHEF, ASSIGN, { input: { reportId, userId: socsekId } })).errors).toBeUndefined();

    await advanceTo(6 * HOUR_MS);
    const protection = await t.app.as(SOCSEK, PROTECTION, { input: { reportId, acuteDanger: false, note: 'Ingen akut fara.' } });
    expect(protection.errors).toBeUndefined();

    // 80 % of 14 days is day 11.2; nothing about the met protection deadline fires later.
    await advanceTo(11 * DAY_MS);
    expect((await notificationsOf(SOCSEK)).map((n) => n.kind)).toEqual(['REPORT_ASSIGNED', 'DEADLINE_REMIND_50', 'DEADLINE_REMIND_50']);
    await advanceTo(11.2 * DAY_MS + 1_000);
    const reminders = await notificationsOf(SOCSEK);
    expect(reminders.map((n) => n.kind)).toEqual([
      'REPORT_ASSIGNED',
      'DEADLINE_REMIND_50',
      'DEADLINE_REMIND_50',
      'DEADLINE_REMIND_80',
      'DEADLINE_REMIND_80',
    ]);
    const [eighty] = reminders.filter((n) => n.kind === 'DEADLINE_REMIND_80' && n.title.includes('förhandsbedömning'));
    expect(eighty.body).toContain(created.data.reportConcern.reference);
    expect(eighty.body).toContain('7 dec. 2026 09:00');
    expect(JSON.stringify(reminders)).not.toContain(childNumber);
    expect(JSON.stringify(reminders)).not.toContain(childNumber.slice(2));

    const decided = await t.app.as(SOCSEK, DECISION, { input: { reportId, decision: 'NO_INVESTIGATION' } });
    expect(decided.errors).toBeUndefined();
    expect(decided.data.recordPreliminaryAssessment.feedback.value).toBe('INVESTIGATION_NOT_OPENED');

    const feedback = await t.app.as(POLICE, FEEDBACK_QUERY, { ref: 'k-12345/26' });
    expect(feedback.errors).toBeUndefined();
    expect(feedback.data.reportFeedback).toEqual([
      {
        reference: created.data.reportConcern.reference,
        policeReference: 'K-12345/26',
        childAsReported: `Namn okänt (${childNumber})`,
        feedbackRequested: true,
        feedbackStatus: 'GIVEN',
        feedback: { value: 'INVESTIGATION_NOT_OPENED', givenAt: t.clock.now().toISOString() },
      },
    ]);
    const officerNotes = await notificationsOf(POLICE);
    expect(officerNotes.map((n) => n.kind)).toEqual(['FEEDBACK_GIVEN']);
    expect(officerNotes[0].body).not.toMatch(/INTE|NOT_OPENED|inte inletts/i);

    const disclosure = await t.app.sql(
      `SELECT a.legal_basis, a.fields FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE u.email = $1 AND a.entity_type = 'ReportFeedback' AND a.action = 'READ'`,
      [POLICE],
    );
    expect(disclosure).toEqual([{ legal_basis: 'REPORTING_DUTY', fields: ['givenAt', 'value'] }]);

    // Later steps of met deadlines never fire.
    await advanceTo(20 * DAY_MS);
    expect((await notificationsOf(SOCSEK)).map((n) => n.kind)).not.toContain('DEADLINE_BREACH');
  });

  it('breaches at day 14 without a decision: the supervisor is alerted and the police see OVERDUE', async () => {
    const created = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-2000/26') });
    const reportId = created.data.reportConcern.id;
    const socsekId = await t.app.idOf('app_user', 'email = $1', [SOCSEK]);
    await t.app.as(CHEF, ASSIGN, { input: { reportId, userId: socsekId } });
    await t.app.as(SOCSEK, PROTECTION, { input: { reportId, acuteDanger: false, note: 'Ingen akut fara.' } });

    await advanceTo(14 * DAY_MS + 1_000);
    const breach = (await notificationsOf(SOCSEK)).filter((n) => n.kind === 'DEADLINE_BREACH').map((n) => n.title);
    expect(breach.sort()).toEqual([
      `Försenad förhandsbedömning: ${created.data.reportConcern.reference}`,
      `Försenad återkoppling: ${created.data.reportConcern.reference}`,
    ]);
    // The first suspicion also opened a serious talk with its own clock; this test is about the report's.
    const escalations = (await notificationsOf(CHEF)).filter(
      (n) => n.kind === 'DEADLINE_ESCALATE' && n.title.includes(created.data.reportConcern.reference),
    );
    expect(escalations).toHaveLength(2);

    const feedback = await t.app.as(POLICE, FEEDBACK_QUERY, { ref: 'K-2000/26' });
    expect(feedback.data.reportFeedback).toMatchObject([{ feedbackStatus: 'OVERDUE', feedback: null }]);

    const late = await t.app.as(SOCSEK, DECISION, { input: { reportId, decision: 'OPEN_INVESTIGATION' } });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lateReason' });
    const withReason = await t.app.as(SOCSEK, DECISION, {
      input: { reportId, decision: 'OPEN_INVESTIGATION', lateReason: 'AWAITING_POLICE_INTERVIEW' },
    });
    expect(withReason.errors).toBeUndefined();
    const deadlines = await t.app.as(SOCSEK, `query($id: ID!) { report(id: $id) { deadlines { kind status dueAt } } }`, { id: reportId });
    expect(deadlines.data.report.deadlines.map((d: any) => [d.kind, d.status])).toEqual([
      ['PROTECTION_ASSESSMENT', 'MET'],
      ['FEEDBACK', 'MET_LATE'],
      ['PRELIMINARY_ASSESSMENT', 'MET_LATE'],
      ['INVESTIGATION', 'OPEN'],
    ]);
    // Four calendar months in Stockholm time: 09:00 CET in December is 09:00 CEST in April.
    expect(deadlines.data.report.deadlines[3].dueAt).toBe('2027-04-07T07:00:01.000Z');
  });
});

describe('a school flag', () => {
  it('shows the school its flag and feedback status, and refuses every social-services field', async () => {
    const flagged = await t.app.as(SCHOOL, FLAG_CONCERN, {
      input: {
        child: { givenName: 'Nora', familyName: 'Nyström' },
        category: 'SCHOOL_ABSENCE',
        description: 'Hög frånvaro sedan oktober.',
        feedbackRequested: true,
        idempotencyKey: key(),
      },
    });
    expect(flagged.errors).toBeUndefined();
    const reportId = flagged.data.flagConcern.id;

    const SOCIAL_FIELDS = [
      'child',
      'responsible',
      'protectionAssessedAt',
      'acuteDanger',
      'protectionNote',
      'preliminaryDecision',
      'preliminaryDecidedAt',
      'lateReason',
      'investigationExtensionReason',
      'deadlines',
      'reporterContact',
    ];
    const selection = SOCIAL_FIELDS.map((f) => (['child', 'responsible', 'deadlines'].includes(f) ? `${f} { id }` : f)).join(' ');
    const result = await t.app.as(SCHOOL, `{ myReports(first: 5) { edges { node { id childAsReported feedbackStatus ${selection} } } } }`);
    const node = result.data.myReports.edges[0].node;
    expect(node).toMatchObject({ id: reportId, childAsReported: 'Nora Nyström', feedbackStatus: 'PENDING' });
    for (const field of SOCIAL_FIELDS) expect(node[field]).toBeNull();
    const refused = result
      .errors!.filter((e) => e.extensions?.code === 'FORBIDDEN')
      .map((e) => e.extensions?.field)
      .sort();
    expect(refused).toEqual(SOCIAL_FIELDS.map((f) => `Report.${f}`).sort());

    const other = await t.app.as('larare.syd@samverka.test', `query($id: ID!) { report(id: $id) { id } }`, { id: reportId });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('idempotency and bad input', () => {
  it('returns the first report for a retried submission with the same key', async () => {
    const input = policeInput('K-777/26');
    const first = await t.app.as(POLICE, REPORT_CONCERN, { input });
    const retry = await t.app.as(POLICE, REPORT_CONCERN, { input });
    const concurrent = await Promise.all([1, 2, 3].map(() => t.app.as(POLICE, REPORT_CONCERN, { input })));
    expect(retry.data.reportConcern.id).toBe(first.data.reportConcern.id);
    expect(concurrent.map((r) => r.data.reportConcern.id)).toEqual([1, 2, 3].map(() => first.data.reportConcern.id));
    const [{ count }] = await t.app.sql(`SELECT count(*)::int AS count FROM report WHERE police_reference = 'K-777/26'`);
    expect(count).toBe(1);
    const [{ deadlines }] = await t.app.sql(`SELECT count(*)::int AS deadlines FROM deadline WHERE subject_id = $1`, [
      first.data.reportConcern.id,
    ]);
    expect(deadlines).toBe(3);
  });

  it.each([
    ['an invalid personal identity number', { child: { personalIdentityNumber: '20120315-1237' } }, 'input.child.personalIdentityNumber'],
    ['a missing category', { category: null }, 'input.category'],
    ['a future submission time', { submittedAt: '2026-11-24T08:00:00Z' }, 'input.submittedAt'],
    ['no child at all', { child: {} }, 'input.child'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, overrides, field) => {
    const before = await t.app.sql(
      `SELECT (SELECT count(*) FROM report)::int AS reports, (SELECT count(*) FROM deadline)::int AS deadlines, (SELECT count(*) FROM child)::int AS children`,
    );
    const result = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-1/26', overrides) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0].extensions?.messages?.sv).toBeTruthy();
    const after = await t.app.sql(
      `SELECT (SELECT count(*) FROM report)::int AS reports, (SELECT count(*) FROM deadline)::int AS deadlines, (SELECT count(*) FROM child)::int AS children`,
    );
    expect(after).toEqual(before);
  });

  it('refuses a decision before the protection assessment, and a second protection assessment with CONFLICT', async () => {
    const created = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-3/26') });
    const reportId = created.data.reportConcern.id;
    const early = await t.app.as(SOCSEK, DECISION, { input: { reportId, decision: 'NO_INVESTIGATION' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.decision' });
    await t.app.as(SOCSEK, PROTECTION, { input: { reportId, acuteDanger: true, note: 'Akut.' } });
    const twice = await t.app.as(SOCSEK, PROTECTION, { input: { reportId, acuteDanger: true, note: 'Akut igen.' } });
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it("hides another district's report from social services as NOT_FOUND, also for writes", async () => {
    const created = await t.app.as(POLICE, REPORT_CONCERN, { input: policeInput('K-4/26') });
    const reportId = created.data.reportConcern.id;
    const read = await t.app.as('socsek.syd@samverka.test', `query($id: ID!) { report(id: $id) { id } }`, { id: reportId });
    const write = await t.app.as('socsek.syd@samverka.test', PROTECTION, { input: { reportId, acuteDanger: false, note: 'x' } });
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(write.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('registering a concern for another district', () => {
  it('refuses, telling social services to forward it, and writes nothing', async () => {
    const [{ pnr }] = await t.app.sql(
      `SELECT c.personal_identity_number AS pnr FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' LIMIT 1`,
    );
    const [{ count: before }] = await t.app.sql(`SELECT count(*)::int AS count FROM report`);
    const result = await t.app.as('socsek.syd@samverka.test', `mutation($i: RegisterConcernInput!) { registerConcern(input: $i) { id } }`, {
      i: {
        channel: 'PHONE',
        reporterKind: 'PRIVATE_PERSON',
        reporterContact: 'Granne, 070-000 00 00',
        child: { personalIdentityNumber: pnr },
        category: 'OTHER',
        description: 'Oro.',
        feedbackRequested: false,
        idempotencyKey: 'register-other-district',
      },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.child' });
    const [{ count: after }] = await t.app.sql(`SELECT count(*)::int AS count FROM report`);
    expect(after).toBe(before);
    // The answer does not say that the child is known elsewhere, nor where; the lookup is audited in the child's district.
    expect(JSON.stringify(result.errors)).not.toMatch(/another district|annat område|Norr/i);
    const [{ id: childId, district_id: districtId }] = await t.app.sql(
      `SELECT id, district_id FROM child WHERE personal_identity_number = $1`,
      [pnr],
    );
    expect(
      await t.app.sql(`SELECT entity_type, child_id, district_id, outcome, fields FROM audit_event WHERE request_id = $1`, [
        result.requestId,
      ]),
    ).toEqual([
      { entity_type: 'Child', child_id: childId, district_id: districtId, outcome: 'DENIED', fields: ['personalIdentityNumber'] },
    ]);
  });
});
