import { indicatorValue, MIN_CHILDREN_PER_CELL, REPORT_INDICATOR_FORMULAS, ReportIndicator } from './report-indicators';

describe('indicatorValue', () => {
  it.each([
    [{ numerator: 3, denominator: 4, children: 4 }, { value: null, numerator: null, denominator: null, suppressed: true }],
    [{ numerator: 0, denominator: 0, children: 0 }, { value: null, numerator: null, denominator: null, suppressed: true }],
    [{ numerator: 4, denominator: 5, children: 5 }, { value: 0.8, numerator: 4, denominator: 5, suppressed: false }],
    [{ numerator: 9, denominator: 12, children: 7 }, { value: 0.75, numerator: 9, denominator: 12, suppressed: false }],
  ])('turns %j into %j', (counts, expected) => {
    expect(indicatorValue(counts)).toEqual(expected);
  });

  it('suppresses below the minimum cell size, which is 5 children by default', () => {
    expect(MIN_CHILDREN_PER_CELL).toBe(5);
    expect(indicatorValue({ numerator: 1, denominator: 10, children: 9 }, 10).suppressed).toBe(true);
  });

  it('has a written formula for every indicator', () => {
    for (const indicator of Object.values(ReportIndicator)) expect(REPORT_INDICATOR_FORMULAS[indicator]).toMatch(/÷/);
  });
});
