import { isPeriodProblem, monthRange, MONTHS_PER_UNIT, periodKey, PeriodUnit } from '../../../domain/indicators/indicator-period';

export interface Period {
  readonly unit: PeriodUnit;
  readonly from: string;
  readonly to: string;
}

const CHOICE_YEARS = 3;

/** The periods a manager can pick: those of the last three calendar years, oldest first. */
export function periodChoices(unit: PeriodUnit, now: Date): string[] {
  const first = (now.getFullYear() - CHOICE_YEARS + 1) * 12;
  const keys: string[] = [];
  for (let month = first; month < first + CHOICE_YEARS * 12; month += MONTHS_PER_UNIT[unit]) keys.push(periodKey(unit, month));
  return keys;
}

/** The current calendar year so far, month by month. */
export function yearToDate(now: Date): Period {
  const january = now.getFullYear() * 12;
  return { unit: PeriodUnit.MONTH, from: periodKey(PeriodUnit.MONTH, january), to: periodKey(PeriodUnit.MONTH, january + now.getMonth()) };
}

/** A period picked in one unit, moved to another: the periods of that unit holding its first and last month. */
export function inUnit(period: Period, unit: PeriodUnit): Period {
  const range = monthRange(period.unit, period.from, period.to, Number.POSITIVE_INFINITY);
  if (isPeriodProblem(range)) return inUnit(yearToDate(new Date()), unit);
  return { unit, from: periodKey(unit, range.fromMonth), to: periodKey(unit, range.toMonthExclusive - 1) };
}
