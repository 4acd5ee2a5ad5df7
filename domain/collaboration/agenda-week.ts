import { addLocalDays } from '../time/local-time';

/** The Monday of an ISO week ("2026-W49"), or null when the text is no such week. */
export function mondayOfIsoWeek(week: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1Monday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  const monday = new Date(week1Monday + (number - 1) * 7 * 86_400_000);
  const weeksInYear = mondayIsoYear(new Date(Date.UTC(year, 11, 28))) === year ? isoWeekNumber(new Date(Date.UTC(year, 11, 28))) : 52;
  if (number < 1 || number > weeksInYear) return null;
  return { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() };
}

function mondayIsoYear(date: Date): number {
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  return thursday.getUTCFullYear();
}

function isoWeekNumber(date: Date): number {
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  return (
    1 +
    Math.round((thursday.getTime() - firstThursday.getTime() - (3 - ((firstThursday.getUTCDay() + 6) % 7)) * 86_400_000) / (7 * 86_400_000))
  );
}

/** Midnight at the start of a calendar date in a time zone (districts change DST at night, never at midnight). */
export function localMidnight(date: { year: number; month: number; day: number }, timeZone: string): Date {
  const utcMidnight = Date.UTC(date.year, date.month - 1, date.day);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(new Date(utcMidnight))
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(utcMidnight - (shown - utcMidnight));
}

/** The week [start, end) in the district's time zone. */
export function weekWindow(week: string, timeZone: string): { start: Date; end: Date } | null {
  const monday = mondayOfIsoWeek(week);
  if (!monday) return null;
  const start = localMidnight(monday, timeZone);
  return { start, end: addLocalDays(start, 7, timeZone) };
}
