/**
 * Issue 25: small numbers stay hidden whatever is asked. The analyst of the issue recovered Norr's December by
 * subtracting November from November–December. Here an attacker collects every answer the API and the CSV give (every
 * unit, many ranges, as the analyst and as each district's supervisor) and tries range minus range, quarter minus its
 * months, year minus quarters and all districts minus the others; then, beyond those four, asks linear algebra whether
 * any combination of the published numbers pins down a hidden month. The test fails if one does.
 */
import { DAY_MS, FakeClock, HOUR_MS } from '../domain/time/clock';
import { signDevToken } from '../api/auth/dev-token';
import { INDICATOR_KINDS, INDICATOR_NAMES, Indicator, IndicatorKind } from '../domain/indicators/indicators';
import { indicatorCells } from './helpers/indicators';
import { createTestApp, TEST_SECRET, TestApp } from './helpers/test-app';

const NOV = new Date('2026-11-02T08:00:00Z');
const DEC = new Date('2026-12-02T08:00:00Z');
const ANALYST = 'analytiker@samverka.test';
const SUPERVISORS = ['chef.norr@samverka.test', 'chef.syd@samverka.test'];
const DISTRICTS = ['Norr', 'Syd'];
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

let app: TestApp;
let clock: FakeClock;
let base: string;
let serial = 0;

interface Published {
  readonly indicator: Indicator;
  readonly district: string;
  readonly period: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly pending: number | null;
  readonly suppressed: boolean;
}

async function fileReports(district: 'norr' | 'syd', at: Date, count: number, assess: number) {
  clock.set(at);
  const children = await app.sql(
    `SELECT c.personal_identity_number AS pnr FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = $1 ORDER BY c.id OFFSET $2 LIMIT $3`,
    [district, serial, count],
  );
  for (const child of children) {
    const created = await app.as(
      `polis.${district}@samverka.test`,
      `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`,
      {
        i: {
          policeReference: `K-SUP-${++serial}/26`,
          child: { personalIdentityNumber: child.pnr },
          category: 'SUSPECTED_CRIME',
          description: 'Indikator.',
          firstKnownSuspicion: false,
          preInvestigationRunning: false,
          guardianContactOnHold: false,
          feedbackRequested: true,
          idempotencyKey: `suppression-${serial}`,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    if (serial % 10 < assess) {
      const done = await app.as(
        `socsek.${district}@samverka.test`,
        `mutation($i: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $i) { id } }`,
        { i: { reportId: created.data.reportConcern.id, acuteDanger: false, note: 'Nej.' } },
      );
      expect(done.errors).toBeUndefined();
    }
  }
}

async function graphqlAnswers(email: string, unit: string, from: string, to: string): Promise<Published[]> {
  const cells = await indicatorCells(
    app,
    { unit, from, to },
    'indicator districtId districtName period numerator denominator pending suppressed',
    email,
  );
  return cells.map((c: any) => ({ ...c, district: c.districtId === null ? 'ALL' : c.districtName }));
}

const BY_SWEDISH_NAME = new Map(Object.values(Indicator).map((i) => [INDICATOR_NAMES[i].sv, i]));

async function csvAnswers(email: string, unit: string, from: string, to: string): Promise<Published[]> {
  const response = await fetch(`${base}/exports/indicators.csv?unit=${unit}&from=${from}&to=${to}&lang=sv`, {
    headers: { authorization: `Bearer ${await signDevToken(email, TEST_SECRET)}` },
  });
  expect(response.status).toBe(200);
  const [, ...lines] = (await response.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const number = (text: string) => (text === '' ? null : Number(text.replace(',', '.')));
  return lines.map((line) => {
    const [district, period, name, , numerator, denominator, pending, hidden] = line.split(';');
    return {
      indicator: BY_SWEDISH_NAME.get(name)!,
      district: district === 'Alla områden' ? 'ALL' : district,
      period,
      numerator: number(numerator),
      denominator: number(denominator),
      pending: number(pending),
      suppressed: hidden === 'Ja',
    };
  });
}

const ASKED: [string, string, string][] = [
  ['MONTH', '2026-11', '2026-12'],
  ['MONTH', '2026-11', '2026-11'],
  ['MONTH', '2026-12', '2026-12'],
  ['MONTH', '2026-01', '2026-12'],
  ['MONTH', '2026-10', '2026-12'],
  ['QUARTER', '2026-Q4', '2026-Q4'],
  ['QUARTER', '2026-Q1', '2026-Q4'],
  ['YEAR', '2026', '2026'],
  ['YEAR', '2025', '2027'],
];

let answers: Published[];

beforeAll(async () => {
  clock = new FakeClock(NOV.toISOString());
  app = await createTestApp({ clock });
  base = `http://127.0.0.1:${await app.api.listen(0)}`;
  // Norr: November six reports (all assessed on time), December one (never assessed: late). Syd: five and five.
  await fileReports('norr', NOV, 6, 10);
  await fileReports('norr', DEC, 1, 0);
  await fileReports('syd', NOV, 5, 3);
  await fileReports('syd', new Date(DEC.getTime() + HOUR_MS), 5, 4);
  clock.set(new Date(DEC.getTime() + 20 * DAY_MS));
  answers = [];
  for (const email of [ANALYST, ...SUPERVISORS]) {
    for (const [unit, from, to] of ASKED)
      answers.push(...(await graphqlAnswers(email, unit, from, to)), ...(await csvAnswers(email, unit, from, to)));
  }
});

afterAll(() => app.close());

/** The months (as indexes 0–11 of 2026) a published cell is made of. */
function monthsOf(indicator: Indicator, period: string): number[] {
  if (!period.startsWith('2026')) return [];
  const months =
    period.length === 4
      ? MONTHS.map((_, i) => i)
      : period.includes('Q')
        ? [0, 1, 2].map((i) => (Number(period.slice(6)) - 1) * 3 + i)
        : [Number(period.slice(5)) - 1];
  return INDICATOR_KINDS[indicator] === IndicatorKind.COUNT_AT_END ? months.slice(-1) : months;
}

const published = (a: Published) => !a.suppressed && a.period.startsWith('2026');
const find = (indicator: Indicator, district: string, period: string) =>
  answers.filter((a) => a.indicator === indicator && a.district === district && a.period === period);
const hiddenMonths = () => [
  ...new Map(
    answers
      .filter((a) => a.suppressed && a.period.length === 7 && !a.period.includes('Q') && a.district !== 'ALL')
      .map((a) => [`${a.indicator}|${a.district}|${a.period}`, a]),
  ).values(),
];

/** Rank over the rationals by elimination (small integer matrices). */
function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot], m[r]];
    for (let i = 0; i < m.length; i++) {
      if (i === r || Math.abs(m[i][c]) < 1e-9) continue;
      const f = m[i][c] / m[r][c];
      m[i] = m[i].map((v, j) => v - f * m[r][j]);
    }
    r++;
  }
  return r;
}

/**
 * One unknown per district and month; a published cell is the equation "the sum of its months is this value". The
 * numerator, the denominator and the pending count each give the same equations, so one system stands for all three.
 */
function equationsOf(indicator: Indicator, cells: readonly Published[]): number[][] {
  return cells
    .filter((a) => a.indicator === indicator && published(a))
    .map((a) => {
      const row = new Array(DISTRICTS.length * 12).fill(0);
      const districts = a.district === 'ALL' ? DISTRICTS : [a.district];
      for (const d of districts) for (const m of monthsOf(indicator, a.period)) row[DISTRICTS.indexOf(d) * 12 + m] = 1;
      return row;
    });
}

function derivable(equations: number[][], district: string, month: number): boolean {
  if (!equations.length) return false;
  const target = new Array(DISTRICTS.length * 12).fill(0);
  target[DISTRICTS.indexOf(district) * 12 + month] = 1;
  return rank([...equations, target]) === rank(equations);
}

describe('small numbers stay hidden', () => {
  it("hides Norr's December, the month the issue's analyst recovered", () => {
    expect(find(Indicator.protectionAssessmentOnTimeRate, 'Norr', '2026-12').every((a) => a.suppressed)).toBe(true);
    expect(find(Indicator.protectionAssessmentOnTimeRate, 'Norr', '2026-11')[0]).toMatchObject({
      suppressed: false,
      numerator: 6,
      denominator: 6,
    });
  });

  it('range minus range, quarter minus its months, year minus quarters, all districts minus the others: every total holding December is hidden', () => {
    const i = Indicator.protectionAssessmentOnTimeRate;
    for (const [district, period] of [
      ['Norr', '2026-Q4'],
      ['Norr', '2026'],
      ['ALL', '2026-12'],
      ['ALL', '2026-Q4'],
      ['ALL', '2026'],
    ]) {
      expect({ district, period, published: find(i, district, period).some(published) }).toEqual({ district, period, published: false });
    }
    // There is no free range: November–December is its two months, never their sum.
    expect(new Set(answers.map((a) => a.period)).has('2026-11–2026-12')).toBe(false);
  });

  it('no combination of the published numbers, from any role and the CSV, pins down a hidden month', () => {
    const hidden = hiddenMonths();
    expect(hidden.length).toBeGreaterThan(0);
    for (const h of hidden) {
      const cell = `${h.indicator} ${h.district} ${h.period}`;
      expect({ cell, derivable: derivable(equationsOf(h.indicator, answers), h.district, Number(h.period.slice(5)) - 1) }).toEqual({
        cell,
        derivable: false,
      });
    }
    const equations = Object.values(Indicator).reduce((n, i) => n + equationsOf(i, answers).length, 0);
    console.log(
      `suppression: ${answers.length} answers (${ASKED.length} periods × 3 roles × GraphQL and CSV), ${equations} published equations, ${hidden.length} hidden months: none derivable`,
    );
  });

  it("the check itself catches a leak: publish Norr's fourth quarter and December comes out", () => {
    const i = Indicator.protectionAssessmentOnTimeRate;
    const leaky: Published = {
      indicator: i,
      district: 'Norr',
      period: '2026-Q4',
      numerator: 6,
      denominator: 7,
      pending: 0,
      suppressed: false,
    };
    expect(derivable(equationsOf(i, [...answers, leaky]), 'Norr', 11)).toBe(true);
  });

  it('every published cell is the same number in GraphQL and in the CSV, and hours cells hide with their months', () => {
    for (const a of answers.filter((x) => INDICATOR_KINDS[x.indicator] === IndicatorKind.HOURS && published(x))) {
      const months = monthsOf(a.indicator, a.period);
      const districts = a.district === 'ALL' ? DISTRICTS : [a.district];
      for (const d of districts) for (const m of months) expect(find(a.indicator, d, MONTHS[m]).some((x) => x.suppressed)).toBe(false);
    }
    const key = (a: Published) => `${a.indicator}|${a.district}|${a.period}`;
    const seen = new Map<string, string>();
    for (const a of answers) {
      const value = JSON.stringify([a.numerator, a.denominator, a.pending, a.suppressed]);
      expect({ cell: key(a), value: seen.get(key(a)) ?? value }).toEqual({ cell: key(a), value });
      seen.set(key(a), value);
    }
  });

  it('the CSV: a byte order mark, Swedish headings, names, definitions and Ja/Nej in the Swedish file, English in the English one', async () => {
    const get = async (lang: string) =>
      Buffer.from(
        await (
          await fetch(`${base}/exports/indicators.csv?unit=MONTH&from=2026-11&to=2026-12&lang=${lang}`, {
            headers: { authorization: `Bearer ${await signDevToken(ANALYST, TEST_SECRET)}` },
          })
        ).arrayBuffer(),
      );
    const sv = await get('sv');
    expect([...sv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const svText = sv.toString('utf8');
    expect(svText).toContain('Område;Period;Indikator;Värde;Täljare;Nämnare;Pågående;Dold;Uppföljningen pågår;Definition\r\n');
    expect(svText).toContain(
      '\r\nNorr;2026-11;Skyddsbedömning inom 24 timmar;1;6;6;0;Nej;Nej;Anmälningar mottagna under perioden vars skyddsbedömning',
    );
    expect(svText).toContain('\r\nNorr;2026-12;Skyddsbedömning inom 24 timmar;;;;;Ja;Nej;');
    expect(svText).toContain('\r\nAlla områden;2026-12;');
    const en = (await get('en')).toString('utf8');
    expect(en).toContain('District,Period,Indicator,Value,Numerator,Denominator,Pending,Suppressed,Follow-up window open,Definition\r\n');
    expect(en).toContain(
      '\r\nNorr,2026-11,Protection assessment within 24 hours,1,6,6,0,No,No,"Reports received in the period whose protection assessment',
    );
    expect(en).toContain('\r\nAll districts,2026-12,');
    expect(en).not.toMatch(/Ja|Nej|Område/);
  });
});
