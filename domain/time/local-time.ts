import { DAY_MS } from './clock';

/**
 * Calendar arithmetic in a district's time zone. "14 days" means the same
 * wall-clock time 14 calendar days later, across daylight-saving changes;
 * "24 hours" means 24 elapsed hours.
 */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: instant.getUTCMilliseconds(),
  };
}

function asUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant` (ms since the epoch). */
function offsetAt(instant: number, timeZone: string): number {
  return asUtc(wallClockAt(new Date(instant), timeZone)) - instant;
}

/**
 * The instant that shows wall-clock `w` in `timeZone`. A time skipped by DST
 * moves forward by the length of the gap (02:30 → 03:30); a time that occurs
 * twice resolves to the later occurrence. Neither ever makes a deadline earlier.
 */
function instantOf(w: WallClock, timeZone: string): Date {
  const local = asUtc(w);
  // Every real offset is well under a day, so these are the offsets before and after any change near `w`.
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const matches = [local - before, local - after].filter((t) => asUtc(wallClockAt(new Date(t), timeZone)) === local);
  return new Date(matches.length ? Math.max(...matches) : local - before);
}

export function addHours(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * 3_600_000);
}

export function addLocalDays(start: Date, days: number, timeZone: string): Date {
  const w = wallClockAt(start, timeZone);
  const shifted = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return instantOf({ ...w, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }, timeZone);
}

/** Calendar months; a day past the target month's end lands on its last day (31 Jan + 1 month = 28/29 Feb). */
export function addLocalMonths(start: Date, months: number, timeZone: string): Date {
  const w = wallClockAt(start, timeZone);
  const firstOfTarget = new Date(Date.UTC(w.year, w.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  return instantOf(
    {
      ...w,
      year: firstOfTarget.getUTCFullYear(),
      month: firstOfTarget.getUTCMonth() + 1,
      day: Math.min(w.day, lastDay),
    },
    timeZone,
  );
}

/** For messages: "2026-12-07 10:00" in the district's time zone. */
export function formatLocal(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** Local midnight at the start of a calendar day (day may overflow: 32 Jan = 1 Feb). */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const d = new Date(Date.UTC(year, month - 1, day));
  return instantOf(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    },
    timeZone,
  );
}

/** The instant a wall clock in `timeZone` shows this date and time (for forms that take the district's time). */
export function instantAtLocal(year: number, month: number, day: number, hour: number, minute: number, timeZone: string, second = 0): Date {
  const d = new Date(Date.UTC(year, month - 1, day));
  return instantOf(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute, second, millisecond: 0 },
    timeZone,
  );
}

/** The date and time `timeZone`'s wall clock shows at `instant` (to fill a form's date and time fields). */
export function wallClockIn(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const { year, month, day, hour, minute } = wallClockAt(instant, timeZone);
  return { year, month, day, hour, minute };
}

const messageFormatters = new Map<string, Intl.DateTimeFormat>();

/** For notifications, as the web app's pages show times: "7 dec. 2026 12:10" in the district's zone. */
export function formatForMessage(instant: Date, timeZone: string): string {
  let f = messageFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short', timeZone });
    messageFormatters.set(timeZone, f);
  }
  return f.format(instant);
}
