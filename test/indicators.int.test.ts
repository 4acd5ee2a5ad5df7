import { DAY_MS, FakeClock, HOUR_MS } from '../domain/time/clock';
import { signDevToken } from '../api/auth/dev-token';
import { createTestApp, TEST_SECRET, TestApp } from './helpers/test-app';

/**
 * Issue 10: indicators over whole calendar periods in the district's time zone; items within their limit are
 * pending (neither on time nor late); "on time" is the law's limit where it sets one.
 */
const T0 = new Date('2026-11-23T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let app: TestApp;
let clock: FakeClock;

const query = (unit: string, from: string, to: string) =>
  app.as(
    'analytiker@samverka.test',
    `query($p: IndicatorPeriodInput!) { indicators(period: $p) {
  indicator districtName period value numerator denominator pending suppressed definitionEn definitionSv } }`,
    { p: { unit, from, to } },
  );

async function cells(unit = 'MONTH', from = '2026-11', to = '2026-11') {
  const result = await query(unit, from, to);
  expect(result.errors).toBeUndefined();
  return (district: string, indicator: string, period = from) =>
    result.data.indicators.find((c: any) => c.districtName === district && c.indicator === indicator && c.period === period);
}

const socsek = (mutation: string, input: Record<string, unknown>) =>
  app.as(
    'socsek.norr@samverka.test',
    `mutation($i: ${mutation}) { ${mutation.startsWith('Protection') ? 'recordProtectionAssessment' : 'recordPreliminaryAssessment'}(input: $i) { id } }`,
    { i: input },
  );
const assess = (reportId: string) => socsek('ProtectionAssessmentInput!', { reportId, acuteDanger: false, note: 'Nej.' });
const decide = (reportId: string, extra: Record<string, unknown> = {}) =>
  socsek('PreliminaryAssessmentInput!', { reportId, decision: 'NO_INVESTIGATION', ...extra });

let ids: string[];

beforeAll(async () => {
  clock = new FakeClock(T0.toISOString());
  app = await createTestApp({ clock });
  // Norr is stricter than the law on the protection assessment: 12 hours.
  const norr = await app.idOf('district', `code = 'norr'`, []);
  const stricter = await app.as(
    'admin@samverka.test',
    `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { id } }`,
    { i: { districtId: norr, protectionAssessmentHours: 12 } },
  );
  expect(stricter.errors).toBeUndefined();
  const children = await app.sql(
    `SELECT c.personal_identity_number AS pnr FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 8`,
  );
  ids = [];
  for (const [i, child] of children.entries()) {
    const created = await app.as('polis.norr@samverka.test', `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`, {
      i: {
        policeReference: `K-IND-${i}/26`,
        child: { personalIdentityNumber: child.pnr },
        category: 'SUSPECTED_CRIME',
        description: 'Indikator.',
        firstKnownSuspicion: true,
        preInvestigationRunning: false,
        guardianContactOnHold: false,
        feedbackRequested: true,
        idempotencyKey: `indicator-${i}-key`,
      },
    });
    expect(created.errors).toBeUndefined();
    ids.push(created.data.reportConcern.id);
  }
  // Five assessed at once, one 18 hours in: late by Norr's 12 hours, on time by the law's 24.
  for (const reportId of ids.slice(0, 5)) expect((await assess(reportId)).errors).toBeUndefined();
  clock.set(at(18 * HOUR_MS));
  expect((await assess(ids[5])).errors).toBeUndefined();
  for (const reportId of ids.slice(0, 4)) expect((await decide(reportId)).errors).toBeUndefined();
});

afterAll(() => app.close());

describe('report indicators (the legal clocks and feedback)', () => {
  it('counts items still within their limit as pending, in neither the numerator nor the denominator', async () => {
    const cell = await cells();
    // 18 h in: two reports not assessed, still within the law's 24 hours.
    expect(cell('Norr', 'protectionAssessmentOnTimeRate')).toMatchObject({
      numerator: 6,
      denominator: 6,
      pending: 2,
      value: 1,
      suppressed: false,
    });
    // Four decided; four undecided, within 14 days: pending, yet the month's eight children are behind the cell.
    expect(cell('Norr', 'preliminaryAssessmentOnTimeRate')).toMatchObject({ numerator: 4, denominator: 4, pending: 4, suppressed: false });
    // Deciding gives the feedback: four given, four still within their deadline.
    expect(cell('Norr', 'feedbackGivenRate')).toMatchObject({ numerator: 4, denominator: 4, pending: 4, value: 1 });
  });

  it("compares with the law's limit for the assessments and the district's setting at receipt for feedback; past limits count as late", async () => {
    clock.set(at(15 * DAY_MS));
    await decide(ids[4], { lateReason: 'AWAITING_POLICE_INTERVIEW' });
    const cell = await cells();
    expect(cell('Norr', 'protectionAssessmentOnTimeRate')).toMatchObject({ numerator: 6, denominator: 8, pending: 0, value: 0.75 });
    expect(cell('Norr', 'preliminaryAssessmentOnTimeRate')).toMatchObject({ numerator: 4, denominator: 8, pending: 0, value: 0.5 });
    // Feedback: Norr's 14 days in force at receipt; four given on time, one late, three never.
    expect(cell('Norr', 'feedbackGivenRate')).toMatchObject({ numerator: 5, denominator: 8, pending: 0 });
    expect(cell('Norr', 'feedbackOnTimeRate')).toMatchObject({ numerator: 4, denominator: 8, pending: 0 });
    // Syd had no reports: zero singles out no one, so it is shown.
    expect(cell('Syd', 'feedbackGivenRate')).toMatchObject({ value: null, numerator: 0, denominator: 0, pending: 0, suppressed: false });
    expect(cell('Norr', 'protectionAssessmentOnTimeRate').definitionEn).toContain(
      'legal limit (24 hours after receipt, SoL 11 kap. 1 a §)',
    );
    expect(cell('Norr', 'feedbackOnTimeRate').definitionEn).toContain("the district's setting in force when the report came in");
    expect(cell('Norr', 'feedbackGivenRate').definitionEn).toBe(cell('Syd', 'feedbackGivenRate').definitionEn);
    expect(cell('Norr', 'protectionAssessmentOnTimeRate').definitionSv).toContain(
      'inom lagens gräns (24 timmar efter mottagandet, SoL 11 kap. 1 a §)',
    );
  });

  it("takes whole months, quarters and years in the district's time zone", async () => {
    for (const [unit, from, to, period] of [
      ['QUARTER', '2026-Q4', '2026-Q4', '2026-Q4'],
      ['YEAR', '2026', '2026', '2026'],
      ['MONTH', '2026-01', '2026-12', '2026-11'],
    ]) {
      expect({ unit, protection: (await cells(unit, from, to))('Norr', 'protectionAssessmentOnTimeRate', period).denominator }).toEqual({
        unit,
        protection: 8,
      });
    }
    expect((await cells('MONTH', '2026-10', '2026-10'))('Norr', 'protectionAssessmentOnTimeRate')).toMatchObject({
      suppressed: false,
      denominator: 0,
    });
    // 23:30 UTC on 30 November is already December in Stockholm.
    await app.sql(`UPDATE report SET received_at = '2026-11-30T23:30:00Z' WHERE id = $1`, [ids[7]]);
    expect((await cells('MONTH', '2026-11', '2026-11'))('Norr', 'protectionAssessmentOnTimeRate').denominator).toBe(7);
    await app.sql(`UPDATE report SET received_at = $2 WHERE id = $1`, [ids[7], T0]);
  });

  it('refuses free timestamps and periods that are not whole', async () => {
    for (const [unit, from, to, field] of [
      ['MONTH', '2026-11-01T00:00:00Z', '2026-11', 'period.from'],
      ['MONTH', '2026-11', '2026-11-30', 'period.to'],
      ['QUARTER', '2026-11', '2026-Q4', 'period.from'],
      ['MONTH', '2026-12', '2026-11', 'period.to'],
      ['YEAR', '2020', '2026', 'period.to'],
    ]) {
      const result = await query(unit, from, to);
      expect({ from, to, error: result.errors?.[0].extensions }).toMatchObject({ from, to, error: { code: 'BAD_USER_INPUT', field } });
    }
    const old = await app.as(
      'analytiker@samverka.test',
      `{ indicators(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { value } }`,
    );
    expect(old.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives a supervisor their own districts only, and refuses other roles', async () => {
    const variables = { p: { unit: 'YEAR', from: '2026', to: '2026' } };
    const operation = `query($p: IndicatorPeriodInput!) { indicators(period: $p) { districtName } }`;
    const chef = await app.as('chef.syd@samverka.test', operation, variables);
    expect(new Set(chef.data.indicators.map((c: any) => c.districtName))).toEqual(new Set(['Syd']));
    const worker = await app.as('socsek.norr@samverka.test', operation, variables);
    expect(worker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('the compliance report: per district, month and clock what fell due, met or late with its reason, late ones by reference only', async () => {
    const operation = `query($p: IndicatorPeriodInput!) { complianceReport(period: $p) {
      districtName month clock fellDue met late shareMet lateItems { reference dueAt doneAt reason reasonText } } }`;
    const variables = { p: { unit: 'MONTH', from: '2026-11', to: '2026-12' } };
    const result = await app.as('chef.norr@samverka.test', operation, variables);
    expect(result.errors).toBeUndefined();
    const row = (month: string, clock: string) => result.data.complianceReport.find((r: any) => r.month === month && r.clock === clock);
    const references = (await app.sql(`SELECT reference FROM report WHERE id = ANY($1) ORDER BY array_position($1, id)`, [ids])).map(
      (r: any) => r.reference,
    );
    // The protection assessments fell due on 24 November: six met, the two never made are late, without a reason.
    expect(row('2026-11', 'PROTECTION_ASSESSMENT')).toMatchObject({ fellDue: 8, met: 6, late: 2, shareMet: 0.75 });
    expect(
      row('2026-11', 'PROTECTION_ASSESSMENT')
        .lateItems.map((i: any) => [i.reference, i.doneAt, i.reason])
        .sort(),
    ).toEqual([
      [references[6], null, null],
      [references[7], null, null],
    ]);
    // The preliminary assessments fell due on 7 December: four met; one late with its exceptional reason, three never made.
    const preliminary = row('2026-12', 'PRELIMINARY_ASSESSMENT');
    expect(preliminary).toMatchObject({ fellDue: 8, met: 4, late: 4, shareMet: 0.5 });
    expect(preliminary.lateItems.find((i: any) => i.reference === references[4])).toMatchObject({
      reason: 'AWAITING_POLICE_INTERVIEW',
      doneAt: expect.any(String),
    });
    expect(row('2026-11', 'PRELIMINARY_ASSESSMENT')).toMatchObject({ fellDue: 0, met: 0, late: 0, shareMet: null, lateItems: [] });
    expect(JSON.stringify(result.data)).not.toMatch(/\d{8}-?\d{4}|given_name|childAsReported/);
    expect(new Set(result.data.complianceReport.map((r: any) => r.districtName))).toEqual(new Set(['Norr']));
    for (const email of ['analytiker@samverka.test', 'socsek.norr@samverka.test']) {
      expect((await app.as(email, operation, variables)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const base = `http://127.0.0.1:${await app.api.listen(0)}`;
    const csv = await fetch(`${base}/exports/compliance.csv?unit=MONTH&from=2026-11&to=2026-12`, {
      headers: { authorization: `Bearer ${await signDevToken('chef.norr@samverka.test', TEST_SECRET)}` },
    });
    expect(csv.status).toBe(200);
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFFOmråde;Månad;Klocka;Förföll;I tid;Sent;Andel i tid;Sena (referens: skäl)\r\n')).toBe(true);
    expect(text).toContain(`Norr;2026-12;Förhandsbedömning;8;4;4;0,5;`);
    expect(text).toContain(`${references[4]}: AWAITING_POLICE_INTERVIEW`);
  });
});
