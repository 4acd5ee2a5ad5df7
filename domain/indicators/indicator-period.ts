import { startOfLocalDay } from '../time/local-time';

/**
 * Indicator periods are whole calendar months, quarters or years in the district's time zone. Free timestamps would
 * let a user subtract two windows a millisecond apart and read one report's outcome.
 */
export enum PeriodUnit {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

const KEY_PATTERNS: { readonly [U in PeriodUnit]: RegExp } = {
  [PeriodUnit.MONTH]: /^(\d{4})-(0[1-9]|1[0-2])$/,
  [PeriodUnit.QUARTER]: /^(\d{4})-Q([1-4])$/,
  [PeriodUnit.YEAR]: /^(\d{4})$/,
};

export const PERIOD_KEY_EXAMPLES: { readonly [U in PeriodUnit]: string } = {
  [PeriodUnit.MONTH]: '2026-01',
  [PeriodUnit.QUARTER]: '2026-Q1',
  [PeriodUnit.YEAR]: '2026',
};

export const MONTHS_PER_UNIT: { readonly [U in PeriodUnit]: number } = {
  [PeriodUnit.MONTH]: 1,
  [PeriodUnit.QUARTER]: 3,
  [PeriodUnit.YEAR]: 12,
};

/** The longest period an indicator covers. */
export const MAX_PERIOD_MONTHS = 36;

/** Months counted from year 0 (year × 12 + month − 1), so periods are plain integer ranges. */
export interface MonthRange {
  /** The first month of the period. */
  readonly fromMonth: number;
  /** The month after the period's last one. */
  readonly toMonthExclusive: number;
}

export type PeriodProblem =
  | { readonly kind: 'FORMAT'; readonly field: 'from' | 'to'; readonly example: string }
  | { readonly kind: 'TO_BEFORE_FROM' }
  | { readonly kind: 'TOO_LONG'; readonly maxMonths: number };

function startMonth(unit: PeriodUnit, key: string): number | null {
  const match = KEY_PATTERNS[unit].exec(key.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const index = match[2] === undefined ? 0 : (Number(match[2]) - 1) * MONTHS_PER_UNIT[unit];
  return year * 12 + index;
}

/** `from` and `to` name whole periods of the unit, both included: MONTH 2026-01 to 2026-06 is January to June. */
export function monthRange(unit: PeriodUnit, from: string, to: string, maxMonths = MAX_PERIOD_MONTHS): MonthRange | PeriodProblem {
  const fromMonth = startMonth(unit, from);
  if (fromMonth === null) return { kind: 'FORMAT', field: 'from', example: PERIOD_KEY_EXAMPLES[unit] };
  const lastStart = startMonth(unit, to);
  if (lastStart === null) return { kind: 'FORMAT', field: 'to', example: PERIOD_KEY_EXAMPLES[unit] };
  if (lastStart < fromMonth) return { kind: 'TO_BEFORE_FROM' };
  const toMonthExclusive = lastStart + MONTHS_PER_UNIT[unit];
  if (toMonthExclusive - fromMonth > maxMonths) return { kind: 'TOO_LONG', maxMonths };
  return { fromMonth, toMonthExclusive };
}

export function isPeriodProblem(value: MonthRange | PeriodProblem): value is PeriodProblem {
  return 'kind' in value;
}

/** The half-open instants [from, to) of a month range: local midnight on the first day of each end, in the time zone. */
export function periodBounds(range: MonthRange, timeZone: string): { readonly from: Date; readonly to: Date } {
  const at = (month: number) => startOfLocalDay(Math.floor(month / 12), (month % 12) + 1, 1, timeZone);
  return { from: at(range.fromMonth), to: at(range.toMonthExclusive) };
}

/** The key of the period of `unit` that holds the month (a month ordinal as in MonthRange): the inverse of parsing. */
export function periodKey(unit: PeriodUnit, month: number): string {
  const year = Math.floor(month / 12);
  const index = month % 12;
  if (unit === PeriodUnit.YEAR) return String(year);
  if (unit === PeriodUnit.QUARTER) return `${year}-Q${Math.floor(index / 3) + 1}`;
  return `${year}-${String(index + 1).padStart(2, '0')}`;
}

/** The month ordinal (as in MonthRange) holding the instant, in the time zone. */
export function monthOf(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return get('year') * 12 + get('month') - 1;
}
