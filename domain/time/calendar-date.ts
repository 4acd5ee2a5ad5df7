/** Calendar dates in a time zone: districts count days in theirs, and ages by the Swedish calendar date. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const STOCKHOLM_TIME_ZONE = 'Europe/Stockholm';

/** The calendar date at an instant in a time zone (districts use Europe/Stockholm). */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

export function calendarDateAt(instant: Date, timeZone: string = STOCKHOLM_TIME_ZONE): CalendarDate {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Whole years completed on `on`; a 29 February birthday counts from 1 March in common years. */
export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  let age = on.year - birthDate.year;
  if (on.month < birthDate.month || (on.month === birthDate.month && on.day < birthDate.day)) age -= 1;
  return age;
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseCalendarDate(iso: string): CalendarDate {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return { year, month, day };
}
