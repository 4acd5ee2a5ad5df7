import { talkRepository, TalkRow } from '../../db/talks/talk.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { CalendarMethod, talksCalendar } from '../../domain/talks/talk-calendar';
import { talkCancelledMessage, talkMovedMessage } from '../../domain/talks/talk-messages';

/** The talk's calendar entry as an e-mail carries it: the same builder, UID and SEQUENCE as the feed. */
export function talkCalendarEntry(
  talk: Pick<TalkRow, 'id' | 'reference'>,
  booking: { scheduledAt: Date; location: string | null; sequence: number },
  method: Exclude<CalendarMethod, 'PUBLISH'>,
  now: Date,
): string {
  return talksCalendar([{ id: talk.id, reference: talk.reference, ...booking, cancelled: method === 'CANCEL' }], now, method);
}

/** Everyone with an account invited to the talk, and its responsible social worker; not the one who made the change. */
async function invitedUsers(uow: UnitOfWork, talk: TalkRow, actorUserId: string): Promise<string[]> {
  const participants = await talkRepository.participantsOf(uow.manager, [talk.id]);
  const users = new Set([...participants.map((p) => p.userId), talk.responsibleUserId]);
  users.delete(actorUserId);
  return [...users].filter((u): u is string => !!u);
}

/** A booked talk moved: the invited are told in the app and by e-mail, with the entry at a higher SEQUENCE. */
export async function tellInvitedOfMove(
  uow: UnitOfWork,
  talk: TalkRow,
  to: { scheduledAt: Date; location: string; sequence: number },
  actorUserId: string,
  timeZone: string,
): Promise<void> {
  const calendar = talkCalendarEntry(talk, to, 'REQUEST', uow.now);
  const message = talkMovedMessage(talk.reference, talk.scheduledAt!, to.scheduledAt, to.location, timeZone);
  uow.notify(
    ...(await invitedUsers(uow, talk, actorUserId)).map((userId) => ({
      userId,
      kind: 'TALK_MOVED',
      message,
      subjectType: 'TALK',
      subjectId: talk.id,
      dedupeKey: `talk-moved:${talk.id}:${to.sequence}:${userId}`,
      email: true,
      calendar,
    })),
  );
}

/** A booked talk will not take place: the invited are told, and their entry is cancelled (STATUS:CANCELLED). */
export async function tellInvitedOfCancellation(
  uow: UnitOfWork,
  talk: TalkRow,
  sequence: number,
  actorUserId: string,
  timeZone: string,
): Promise<void> {
  const calendar = talkCalendarEntry(talk, { scheduledAt: talk.scheduledAt!, location: talk.location, sequence }, 'CANCEL', uow.now);
  const message = talkCancelledMessage(talk.reference, talk.scheduledAt!, timeZone);
  uow.notify(
    ...(await invitedUsers(uow, talk, actorUserId)).map((userId) => ({
      userId,
      kind: 'TALK_CANCELLED',
      message,
      subjectType: 'TALK',
      subjectId: talk.id,
      dedupeKey: `talk-cancelled:${talk.id}:${userId}`,
      email: true,
      calendar,
    })),
  );
}
