import { CaseRow } from '../../db/collaboration/collaboration.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { meetingsCalendar } from '../../domain/collaboration/meeting-calendar';
import { MeetingKind, MEETING_KIND_LABELS } from '../../domain/collaboration/plan-rules';
import { Message } from '../../domain/notifications/notification-content';

/** The meeting's calendar entry as an e-mail carries it: the same UID as the feed, at the meeting's SEQUENCE. */
export function meetingCalendarEntry(
  theCase: CaseRow,
  meeting: { id: string; kind: MeetingKind; scheduledAt: Date; calendarSequence: number },
  method: 'REQUEST' | 'CANCEL',
  now: Date,
): string {
  const entry = {
    id: meeting.id,
    caseReference: theCase.reference,
    kindLabel: MEETING_KIND_LABELS[meeting.kind],
    scheduledAt: meeting.scheduledAt,
    sequence: meeting.calendarSequence,
    cancelled: method === 'CANCEL',
  };
  return meetingsCalendar([entry], now, method);
}

export interface MeetingNotice {
  readonly kind: string;
  readonly message: Message;
  readonly dedupeKey: (userId: string) => string;
  readonly calendar: string;
}

/** In the app and by e-mail, to every attendee but the one who made the change. */
export function tellAttendees(uow: UnitOfWork, theCase: CaseRow, attendees: readonly string[], by: string, notice: MeetingNotice): void {
  uow.notify(
    ...attendees
      .filter((userId) => userId !== by)
      .map((userId) => ({
        userId,
        kind: notice.kind,
        message: notice.message,
        subjectType: 'COLLABORATION_CASE',
        subjectId: theCase.id,
        dedupeKey: notice.dedupeKey(userId),
        email: true,
        calendar: notice.calendar,
      })),
  );
}
