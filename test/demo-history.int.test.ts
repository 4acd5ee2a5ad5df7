/**
 * The history `npm start` seeds (db/seed/demo-history.ts): three years of serious talks in Norr and Syd, enough that the
 * indicator pages and the politicians' page show figures, not "too few children", under the same hiding rule.
 */
import { asSystem } from '../db/access/row-scope';
import { seedDemoHistory } from '../db/seed/demo-history';
import { seedDemoTalk } from '../scripts/demo-talk';
import { FakeClock } from '../domain/time/clock';
import { ANALYST, indicatorCells } from './helpers/indicators';
import { createTestApp, TestApp } from './helpers/test-app';

const NOW = '2026-11-23T08:00:00Z';
const TALK_INDICATORS = [
  'talkWithinDeadlineRate',
  'reportToTalkHoursP50',
  'talkDeclinedRate',
  'policeAttendanceRate',
  'reReportRate6m',
  'reReportRate6mComparison',
  'reReportRate12m',
  'reReportRate12mComparison',
];

interface Cell {
  indicator: string;
  districtName: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  windowOpen: boolean;
}

let app: TestApp;
let seeded: { children: number; talks: number };

const cells = (unit: string, from: string, to: string, email = ANALYST): Promise<Cell[]> =>
  indicatorCells(app, { unit, from, to }, 'indicator districtName period value numerator denominator suppressed windowOpen', email);

const find = (all: Cell[], indicator: string, district: string, period: string) =>
  all.find((c) => c.indicator === indicator && c.districtName === district && c.period === period)!;

beforeAll(async () => {
  app = await createTestApp({ clock: new FakeClock(NOW) });
  seeded = await asSystem(app.dataSource, (manager) => seedDemoHistory(manager, new Date(NOW)));
});

afterAll(() => app?.close());

it('seeds twelve quarters of cohorts in both districts, every talk closed', async () => {
  expect(seeded.talks).toBeGreaterThanOrEqual(2 * 12 * 11);
  const [open] = await app.sql(`SELECT count(*)::int AS n FROM talk WHERE state NOT IN ('HELD', 'DECLINED', 'CANCELLED')`);
  expect(open.n).toBe(0);
  const [running] = await app.sql(`SELECT count(*)::int AS n FROM deadline WHERE met_at IS NULL AND cancelled_at IS NULL`);
  expect(running.n).toBe(0);
});

it('no cell is hidden in any month, quarter or year of the last three years', async () => {
  for (const [unit, from, to] of [
    ['YEAR', '2024', '2026'],
    ['QUARTER', '2024-Q1', '2026-Q4'],
    ['MONTH', '2024-01', '2026-11'],
  ]) {
    const all = await cells(unit, from, to);
    expect(all.filter((c) => c.suppressed).map((c) => `${c.indicator} ${c.districtName} ${c.period}`)).toEqual([]);
  }
});

it('the politicians figures per district and year: talks held, within the deadline, the median, and the effect beside its comparison', async () => {
  const years = await cells('YEAR', '2024', '2026');
  for (const district of ['Norr', 'Syd', 'Alla områden']) {
    const held = find(years, 'policeAttendanceRate', district, '2025');
    expect(held.denominator).toBeGreaterThanOrEqual(4 * 6);
    // Declined and cancelled talks count against the deadline too: five in each cohort of 11–13.
    const within = find(years, 'talkWithinDeadlineRate', district, '2025');
    expect(within.value).toBeGreaterThan(0.3);
    expect(within.value).toBeLessThan(1);
    expect(find(years, 'reportToTalkHoursP50', district, '2025').value).toBeGreaterThan(0);
    // 2024's year has passed its 12 months; 2025's not yet (November 2026), but its 6 months have.
    for (const indicator of TALK_INDICATORS.filter((i) => i.startsWith('reReport'))) {
      const cell = find(years, indicator, district, '2024');
      expect(cell).toMatchObject({ suppressed: false, windowOpen: false });
      expect(cell.denominator).toBeGreaterThanOrEqual(5);
      expect(cell.numerator).toBeGreaterThan(0);
    }
    expect(find(years, 'reReportRate6m', district, '2025').windowOpen).toBe(false);
    expect(find(years, 'reReportRate12m', district, '2025').windowOpen).toBe(true);
    // The comparison group is re-reported more often in the demo: the page has a difference to explain with its caution.
    expect(find(years, 'reReportRate12mComparison', district, '2024').value!).toBeGreaterThan(
      find(years, 'reReportRate12m', district, '2024').value!,
    );
  }
});

it('a supervisor sees the same figures for the own district', async () => {
  const analyst = await cells('YEAR', '2025', '2025');
  const supervisor = await cells('YEAR', '2025', '2025', 'chef.syd@samverka.test');
  expect(supervisor.every((c) => c.districtName === 'Syd')).toBe(true);
  for (const indicator of TALK_INDICATORS) {
    expect(find(supervisor, indicator, 'Syd', '2025')).toEqual(find(analyst, indicator, 'Syd', '2025'));
  }
});

it('the live demo talk still opens after the history', async () => {
  const { talkId } = await seedDemoTalk(app.runtime, app.api);
  const [talk] = await app.sql(`SELECT state FROM talk WHERE id = $1`, [talkId]);
  expect(talk.state).toBe('SCHEDULED');
});
