import { CalendarDate, calendarDateAt } from '../time/calendar-date';

export interface WeekTalk {
  readonly scheduledAt: Date | null;
  readonly dueAt: Date | null;
}

/**
 * The day the week view files a talk under: the day it is booked for, where the people are expected; a talk not yet
 * booked under the day its clock falls due, where a due time of midnight ("held by the end of the day") belongs to
 * the day before. Null: neither booked nor due.
 */
export function talkWeekDay(talk: WeekTalk, timeZone: string): CalendarDate | null {
  if (talk.scheduledAt) return calendarDateAt(talk.scheduledAt, timeZone);
  if (talk.dueAt) return calendarDateAt(new Date(talk.dueAt.getTime() - 1), timeZone);
  return null;
}
