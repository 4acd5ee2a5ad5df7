import { gridCells, isHiddenMonth, MIN_CHILDREN_PER_CELL, MonthCounts } from './indicator-grid';
import { monthRange, MonthRange, PeriodUnit } from './indicator-period';
import { Indicator } from './indicators';

const range = monthRange(PeriodUnit.YEAR, '2026', '2026') as MonthRange;
const NOV = 2026 * 12 + 10;
const DEC = NOV + 1;
const never = () => false;

const month = (
  districtId: string,
  m: number,
  numerator: number,
  denominator: number,
  children: number,
  indicator = Indicator.protectionAssessmentOnTimeRate,
): MonthCounts => ({ indicator, districtId, month: m, numerator, denominator, pending: 0, children });

function cellOf(
  cells: ReturnType<typeof gridCells>,
  districtId: string | null,
  period: string,
  indicator = Indicator.protectionAssessmentOnTimeRate,
) {
  return cells.find((c) => c.indicator === indicator && c.districtId === districtId && c.period === period)!;
}

describe('the published grid', () => {
  it('hides a month of 1–4 children and shows 0 and 5', () => {
    expect(MIN_CHILDREN_PER_CELL).toBe(5);
    expect([0, 1, 4, 5].map((children) => isHiddenMonth({ children }))).toEqual([false, true, true, false]);
  });

  it('hides every quarter, year and all-district total that contains a hidden month, and sums the rest', () => {
    const atoms = [month('norr', NOV, 0, 6, 6), month('norr', DEC, 0, 1, 1), month('syd', NOV, 4, 5, 5), month('syd', DEC, 5, 5, 5)];
    const months = gridCells(atoms, [], range, PeriodUnit.MONTH, ['norr', 'syd'], never);
    expect(cellOf(months, 'norr', '2026-12')).toMatchObject({ suppressed: true, numerator: null, denominator: null });
    expect(cellOf(months, 'norr', '2026-11')).toMatchObject({ suppressed: false, numerator: 0, denominator: 6 });
    expect(cellOf(months, null, '2026-12')).toMatchObject({ suppressed: true });
    expect(cellOf(months, null, '2026-11')).toMatchObject({ suppressed: false, numerator: 4, denominator: 11 });
    const quarters = gridCells(atoms, [], range, PeriodUnit.QUARTER, ['norr', 'syd'], never);
    expect(cellOf(quarters, 'norr', '2026-Q4').suppressed).toBe(true);
    expect(cellOf(quarters, 'syd', '2026-Q4')).toMatchObject({ suppressed: false, numerator: 9, denominator: 10, value: 0.9 });
    expect(cellOf(quarters, 'norr', '2026-Q1')).toMatchObject({ suppressed: false, numerator: 0, denominator: 0, value: null });
    const years = gridCells(atoms, [], range, PeriodUnit.YEAR, ['norr', 'syd'], never);
    expect([
      cellOf(years, 'norr', '2026').suppressed,
      cellOf(years, 'syd', '2026').suppressed,
      cellOf(years, null, '2026').suppressed,
    ]).toEqual([true, false, true]);
  });

  it('takes a stock at the end of the period, and hides it only by that month', () => {
    const i = Indicator.activeCollaborationCases;
    const atoms = [month('norr', NOV - 1, 2, 0, 2, i), month('norr', DEC, 7, 0, 7, i)];
    const quarters = gridCells(atoms, [], range, PeriodUnit.QUARTER, ['norr'], never);
    expect(cellOf(quarters, 'norr', '2026-Q4', i)).toMatchObject({ value: 7, numerator: 7, denominator: null, suppressed: false });
  });

  it('gives no value while the follow-up window is open', () => {
    const i = Indicator.reReportRate6m;
    const cells = gridCells([month('norr', NOV, 1, 6, 6, i)], [], range, PeriodUnit.MONTH, ['norr'], (indicator) => indicator === i);
    expect(cellOf(cells, 'norr', '2026-11', i)).toMatchObject({
      windowOpen: true,
      value: null,
      numerator: null,
      denominator: null,
      suppressed: false,
    });
  });
});
