import { CalendarMethod, icalendar } from '../time/icalendar';

/** A case meeting in a calendar: its kind, the case's reference and the time; never the child or crime information. */
export interface CalendarMeeting {
  readonly id: string;
  readonly caseReference: string;
  /** Lower case, as in MEETING_KIND_LABELS: "nätverksmöte". */
  readonly kindLabel: string;
  readonly scheduledAt: Date;
  readonly sequence: number;
  readonly cancelled: boolean;
}

/** A meeting is booked for an hour in the receiver's calendar. */
export const MEETING_CALENDAR_MINUTES = 60;

const MEETINGS = { productId: '-//Samverka//Samverkan//SV', name: 'Samverka möten' };

export function meetingsCalendar(meetings: readonly CalendarMeeting[], now: Date, method: CalendarMethod = 'PUBLISH'): string {
  return icalendar(
    meetings.map((m) => ({
      uid: `meeting-${m.id}@samverka`,
      summary: `${m.kindLabel.charAt(0).toUpperCase()}${m.kindLabel.slice(1)} i ärende ${m.caseReference}`,
      start: m.scheduledAt,
      minutes: MEETING_CALENDAR_MINUTES,
      location: null,
      sequence: m.sequence,
      cancelled: m.cancelled,
    })),
    MEETINGS,
    now,
    method,
  );
}
