import { isPeriodProblem, monthRange, periodBounds, periodKey, PeriodUnit } from './indicator-period';

describe('indicator periods', () => {
  it.each([
    [PeriodUnit.MONTH, '2026-01', '2026-06', 2026 * 12, 2026 * 12 + 6],
    [PeriodUnit.MONTH, '2026-12', '2026-12', 2026 * 12 + 11, 2027 * 12],
    [PeriodUnit.QUARTER, '2026-Q2', '2026-Q3', 2026 * 12 + 3, 2026 * 12 + 9],
    [PeriodUnit.YEAR, '2025', '2026', 2025 * 12, 2027 * 12],
  ])('%s %s to %s covers whole periods, both ends included', (unit, from, to, fromMonth, toMonthExclusive) => {
    expect(monthRange(unit, from, to)).toEqual({ fromMonth, toMonthExclusive });
  });

  it.each([
    [PeriodUnit.MONTH, '2026-01-01', '2026-02', { kind: 'FORMAT', field: 'from', example: '2026-01' }],
    [PeriodUnit.MONTH, '2026-13', '2026-12', { kind: 'FORMAT', field: 'from', example: '2026-01' }],
    [PeriodUnit.QUARTER, '2026-Q1', '2026-Q5', { kind: 'FORMAT', field: 'to', example: '2026-Q1' }],
    [PeriodUnit.YEAR, '2026-11-01T00:00:00.001Z', '2026', { kind: 'FORMAT', field: 'from', example: '2026' }],
    [PeriodUnit.MONTH, '2026-06', '2026-01', { kind: 'TO_BEFORE_FROM' }],
    [PeriodUnit.YEAR, '2020', '2026', { kind: 'TOO_LONG', maxMonths: 36 }],
  ])('refuses %s %s to %s', (unit, from, to, problem) => {
    const result = monthRange(unit, from, to);
    expect(isPeriodProblem(result)).toBe(true);
    expect(result).toEqual(problem);
  });

  it("starts and ends at local midnight in the district's time zone, across summer time", () => {
    const range = monthRange(PeriodUnit.MONTH, '2026-03', '2026-10');
    if (isPeriodProblem(range)) throw new Error('expected a range');
    expect(periodBounds(range, 'Europe/Stockholm')).toEqual({
      from: new Date('2026-02-28T23:00:00Z'),
      to: new Date('2026-10-31T23:00:00Z'),
    });
    expect(periodBounds(range, 'UTC')).toEqual({ from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') });
  });
});

describe('periodKey', () => {
  it.each([
    [PeriodUnit.MONTH, 2026 * 12 + 10, '2026-11'],
    [PeriodUnit.QUARTER, 2026 * 12 + 10, '2026-Q4'],
    [PeriodUnit.YEAR, 2026 * 12 + 10, '2026'],
  ])('names the %s holding month %i as %s, which parses back to a range holding it', (unit, month, key) => {
    expect(periodKey(unit, month)).toBe(key);
    const range = monthRange(unit, key, key);
    if (isPeriodProblem(range)) throw new Error('expected a range');
    expect(range.fromMonth <= month && month < range.toMonthExclusive).toBe(true);
  });
});
