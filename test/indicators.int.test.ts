import { DAY_MS, FakeClock } from '../domain/clock';
import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
let clock: FakeClock;

const QUERY = `{ reportIndicators(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") {
  indicator districtName value numerator denominator suppressed formula } }`;

beforeAll(async () => {
  clock = new FakeClock('2026-11-23T08:00:00Z');
  app = await createTestApp({ clock });
  const children = await app.sql(`SELECT c.personal_identity_number AS pnr FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 6`);
  const ids: string[] = [];
  for (const [i, child] of children.entries()) {
    const created = await app.as('polis.norr@samverka.test', `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`, { i: {
      policeReference: `K-IND-${i}/26`, child: { personalIdentityNumber: child.pnr }, category: 'SUSPECTED_CRIME', description: 'Indikator.',
      firstKnownSuspicion: true, preInvestigationRunning: false, guardianContactOnHold: false, feedbackRequested: true, idempotencyKey: `indicator-${i}-key` } });
    ids.push(created.data.reportConcern.id);
  }
  // Four assessed on time; of those, three decided on time and one late (day 15).
  for (const reportId of ids.slice(0, 4)) {
    await app.as('socsek.norr@samverka.test', `mutation($i: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $i) { id } }`, { i: { reportId, acuteDanger: false, note: 'Nej.' } });
  }
  for (const reportId of ids.slice(0, 3)) {
    await app.as('socsek.norr@samverka.test', `mutation($i: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $i) { id } }`, { i: { reportId, decision: 'NO_INVESTIGATION' } });
  }
  clock.set(new Date(new Date('2026-11-23T08:00:00Z').getTime() + 15 * DAY_MS));
  await app.as('socsek.norr@samverka.test', `mutation($i: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $i) { id } }`,
    { i: { reportId: ids[3], decision: 'OPEN_INVESTIGATION', lateReason: 'AWAITING_POLICE_INTERVIEW' } });
});

afterAll(() => app.close());

describe('report indicators', () => {
  it('gives an analyst every district, with one written formula, and suppresses cells of fewer than 5 children', async () => {
    const result = await app.as('analytiker@samverka.test', QUERY);
    expect(result.errors).toBeUndefined();
    const cell = (district: string, indicator: string) => result.data.reportIndicators.find((c: any) => c.districtName === district && c.indicator === indicator);
    expect(cell('Norr', 'PROTECTION_ASSESSMENT_ON_TIME')).toMatchObject({ numerator: 4, denominator: 6, suppressed: false });
    expect(cell('Norr', 'PRELIMINARY_ASSESSMENT_ON_TIME')).toMatchObject({ numerator: 3, denominator: 6, value: 0.5 });
    expect(cell('Norr', 'FEEDBACK_GIVEN')).toMatchObject({ numerator: 4, denominator: 6 });
    expect(cell('Norr', 'FEEDBACK_GIVEN_ON_TIME')).toMatchObject({ numerator: 3, denominator: 6 });
    expect(cell('Syd', 'FEEDBACK_GIVEN')).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
    expect(cell('Norr', 'FEEDBACK_GIVEN').formula).toBe(cell('Syd', 'FEEDBACK_GIVEN').formula);
  });

  it('gives a supervisor their own districts only, and refuses other roles', async () => {
    const chef = await app.as('chef.syd@samverka.test', QUERY);
    expect(new Set(chef.data.reportIndicators.map((c: any) => c.districtName))).toEqual(new Set(['Syd']));
    const worker = await app.as('socsek.norr@samverka.test', QUERY);
    expect(worker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
