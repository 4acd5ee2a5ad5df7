import { addLocalMonths } from '../time/local-time';

/** Records of children born on these days of a month are kept for research (the old SoL 12 kap. rule, SOSFS 2014:5). */
export const RESEARCH_BIRTH_DAYS: readonly number[] = Object.freeze([5, 15, 25]);

/** Why a due record stays: shown to the administrator with the district's research switch. */
export const RESEARCH_EXCEPTION_REASON_SV =
  'Uppgifter om barn födda den 5, 15 eller 25 i månaden sparas för forskning, enligt den äldre regeln i SoL 12 kap. och SOSFS 2014:5.';

/** A record measured from an event before this instant has reached its retention time. */
export function retentionCutoff(now: Date, months: number, timeZone: string): Date {
  return addLocalMonths(now, -months, timeZone);
}

/** Born on a research day: the 5th, 15th or 25th (from the ISO birth date). */
export function bornOnResearchDay(birthDate: string | null): boolean {
  return birthDate !== null && RESEARCH_BIRTH_DAYS.includes(Number(birthDate.slice(8, 10)));
}

export const HOLD_REASON_MIN = 5;
export const HOLD_REASON_MAX = 1000;

/** Records swept per transaction: small enough that a run never holds locks for long, large enough to finish a city's night. */
export const RETENTION_BATCH = 500;
