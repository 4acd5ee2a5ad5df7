/**
 * Issue 25: the legal investigation clock and the SSPF/SSFF indicators on a small fake-clock timeline in Norr,
 * November 2026, with exact counts.
 */
import { DAY_MS, FakeClock } from '../domain/time/clock';
import { addAction, agencyIdOf, COORDINATOR, insertChild, LEISURE, ok, openCase, recordConsent } from './helpers/collaboration';
import { indicatorCells } from './helpers/indicators';
import { createTestApp, TestApp } from './helpers/test-app';

const T0 = new Date('2026-11-02T08:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY_MS);
const SOCSEK = 'socsek.norr@samverka.test';

let app: TestApp;
let clock: FakeClock;
let serial = 0;
const reports: string[] = [];

async function cells(from = '2026-11', to = from, unit = 'MONTH') {
  const found = await indicatorCells(app, { unit, from, to });
  return (indicator: string, period = from) =>
    found.find((c: any) => c.districtName === 'Norr' && c.indicator === indicator && c.period === period);
}

async function openInvestigation() {
  const [child] = await app.sql(
    `SELECT c.personal_identity_number AS pnr FROM child c JOIN district d ON d.id = c.district_id
    WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL ORDER BY c.id OFFSET $1 LIMIT 1`,
    [serial],
  );
  const made = await ok(app, 'polis.norr@samverka.test', `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`, {
    i: {
      policeReference: `K-INV-${++serial}/26`,
      child: { personalIdentityNumber: child.pnr },
      category: 'CRIMINAL_BEHAVIOUR',
      description: 'Utredning.',
      firstKnownSuspicion: false,
      preInvestigationRunning: false,
      guardianContactOnHold: false,
      feedbackRequested: false,
      idempotencyKey: `investigation-${serial}`,
    },
  });
  const reportId = made.reportConcern.id;
  await ok(app, SOCSEK, `mutation($i: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $i) { id } }`, {
    i: { reportId, acuteDanger: false, note: 'Nej.' },
  });
  await ok(app, SOCSEK, `mutation($i: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $i) { id } }`, {
    i: { reportId, decision: 'OPEN_INVESTIGATION' },
  });
  reports.push(reportId);
}

const closeInvestigation = (reportId: string, days: number) => {
  clock.set(at(days));
  return ok(app, SOCSEK, `mutation($i: CloseInvestigationInput!) { closeInvestigation(input: $i) { id } }`, {
    i: { reportId, outcome: 'NO_MEASURES_NEEDED', closedAt: at(days).toISOString() },
  });
};

beforeAll(async () => {
  clock = new FakeClock(T0.toISOString());
  app = await createTestApp({ clock });
  for (let i = 0; i < 5; i++) await openInvestigation();
});

afterAll(() => app.close());

describe('investigationOnTimeRate', () => {
  it("counts closed within the law's four months from the decision to open; open ones within the limit are pending; past it, late", async () => {
    for (const reportId of reports.slice(0, 3)) await closeInvestigation(reportId, 30);
    clock.set(at(60));
    expect((await cells())('investigationOnTimeRate')).toMatchObject({ numerator: 3, denominator: 3, pending: 2, value: 1 });
    // Four months from 2 November end on 2 March; one more closed on 7 March is late, the last never closed.
    await closeInvestigation(reports[3], 125);
    clock.set(at(130));
    expect((await cells())('investigationOnTimeRate')).toMatchObject({ numerator: 3, denominator: 5, pending: 0, value: 0.6 });
  });
});

describe('SSPF/SSFF indicators', () => {
  it('activeCollaborationCases at the end of each month, overduePlanActions by due month, consentWithdrawals by withdrawal month', async () => {
    // The clock goes back before the months the test above made final (and so stored): no real timeline does.
    await app.db.asOwner('TRUNCATE indicator_month');
    clock.set(at(0));
    const consents: string[] = [];
    const cases: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { childId, guardianIds } = await insertChild(app, '2012-03-15', `Barn${i}`);
      const caseId = await openCase(app, childId);
      cases.push(caseId);
      const consent = await recordConsent(app, { caseId, givenByYouth: true, guardianIds, agencyIds: [await agencyIdOf(app, LEISURE)] });
      expect(consent.errors).toBeUndefined();
      consents.push(consent.data.recordConsent.consents[0].id);
      // Five actions due on 9 November, one on 9 December.
      await addAction(app, caseId, COORDINATOR, 'GUARDIAN_SUPPORT', 'Föräldrastöd', at(i < 5 ? 7 : 37).toISOString());
    }
    clock.set(at(10));
    for (const consentId of consents.slice(0, 5)) {
      await ok(app, COORDINATOR, `mutation($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { withdrawnAt } }`, {
        i: { consentId, note: 'Återkallat.' },
      });
    }
    // One case closes in December: active at the end of November, not at the end of December.
    clock.set(at(35));
    await ok(app, COORDINATOR, `mutation($i: CloseCollaborationCaseInput!) { closeCollaborationCase(input: $i) { state } }`, {
      i: { caseId: cases[5], reason: 'GOALS_MET' },
    });
    clock.set(at(45));
    const cell = await cells('2026-11', '2026-12');
    expect(cell('activeCollaborationCases', '2026-11')).toMatchObject({ value: 6, numerator: 6, denominator: null, suppressed: false });
    expect(cell('activeCollaborationCases', '2026-12')).toMatchObject({ value: 5 });
    expect(cell('overduePlanActions', '2026-11')).toMatchObject({ value: 5 });
    // The December action belongs to the case closed before its due date: not overdue.
    expect(cell('overduePlanActions', '2026-12')).toMatchObject({ value: 0, suppressed: false });
    expect(cell('consentWithdrawals', '2026-11')).toMatchObject({ value: 5 });
    expect(cell('consentWithdrawals', '2026-12')).toMatchObject({ value: 0, suppressed: false });
    // The quarter is its last month for a stock, the sum of its months for a flow.
    const quarter = await cells('2026-Q4', '2026-Q4', 'QUARTER');
    expect(quarter('activeCollaborationCases')).toMatchObject({ value: 5 });
    expect(quarter('consentWithdrawals')).toMatchObject({ value: 5 });
    expect(quarter('overduePlanActions')).toMatchObject({ value: 5 });
  });
});
