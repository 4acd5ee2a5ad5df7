import { indicatorValue, MIN_CHILDREN_PER_CELL, REPORT_INDICATOR_FORMULAS, ReportIndicator } from './report-indicators';

describe('indicatorValue', () => {
  it.each([
    [
      { numerator: 3, denominator: 4, pending: 1, children: 4 },
      { value: null, numerator: null, denominator: null, pending: null, suppressed: true },
    ],
    [
      { numerator: 0, denominator: 0, pending: 0, children: 0 },
      { value: null, numerator: null, denominator: null, pending: null, suppressed: true },
    ],
    [
      { numerator: 4, denominator: 5, pending: 2, children: 5 },
      { value: 0.8, numerator: 4, denominator: 5, pending: 2, suppressed: false },
    ],
    [
      { numerator: 9, denominator: 12, pending: 0, children: 7 },
      { value: 0.75, numerator: 9, denominator: 12, pending: 0, suppressed: false },
    ],
  ])('turns %j into %j', (counts, expected) => {
    expect(indicatorValue(counts)).toEqual(expected);
  });

  it('suppresses below the minimum cell size, which is 5 children by default', () => {
    expect(MIN_CHILDREN_PER_CELL).toBe(5);
    expect(indicatorValue({ numerator: 1, denominator: 10, pending: 0, children: 9 }, 10).suppressed).toBe(true);
  });

  it('has a written formula for every indicator', () => {
    for (const indicator of Object.values(ReportIndicator)) expect(REPORT_INDICATOR_FORMULAS[indicator]).toMatch(/÷[\s\S]*pending/);
  });

  it('says which limit "on time" compares against: the law\'s where it sets one, else the district\'s setting at receipt', () => {
    expect(REPORT_INDICATOR_FORMULAS[ReportIndicator.PROTECTION_ASSESSMENT_ON_TIME]).toContain(
      'legal limit (24 hours after receipt, SoL 11 kap. 1 a §)',
    );
    expect(REPORT_INDICATOR_FORMULAS[ReportIndicator.PRELIMINARY_ASSESSMENT_ON_TIME]).toContain(
      'legal limit (14 days after receipt, SoL 11 kap. 1 a §)',
    );
    expect(REPORT_INDICATOR_FORMULAS[ReportIndicator.FEEDBACK_GIVEN_ON_TIME]).toContain(
      "the district's setting in force when the report came in",
    );
  });
});
