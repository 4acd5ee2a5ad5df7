import { CalendarMethod, icalendar } from '../time/icalendar';

export { escapeText } from '../time/icalendar';
export type { CalendarMethod } from '../time/icalendar';

/** A talk in a calendar: its reference and place, never the child (domain/time/icalendar.ts). */
export interface CalendarTalk {
  readonly id: string;
  readonly reference: string;
  readonly scheduledAt: Date;
  readonly location: string | null;
  readonly sequence: number;
  readonly cancelled: boolean;
}

/** A talk is booked for an hour unless the calendar says otherwise. */
export const TALK_CALENDAR_MINUTES = 60;

const TALKS = { productId: '-//Samverka//Samtal//SV', name: 'Samverka samtal' };

export function talksCalendar(talks: readonly CalendarTalk[], now: Date, method: CalendarMethod = 'PUBLISH'): string {
  return icalendar(
    talks.map((t) => ({
      uid: `talk-${t.id}@samverka`,
      summary: `Samtal ${t.reference}`,
      start: t.scheduledAt,
      minutes: TALK_CALENDAR_MINUTES,
      location: t.location,
      sequence: t.sequence,
      cancelled: t.cancelled,
    })),
    TALKS,
    now,
    method,
  );
}
