import { DistrictPolicy } from '../districts/district-policy';
import { TalkDeadlineMode } from './talks.settings';
import { addHours, addLocalDays, startOfLocalDay } from '../time/local-time';
import { CalendarDate, calendarDateAt } from '../time/calendar-date';

/** The two clocks a talk can have. Their names match the deadline kinds. */
export enum TalkClockKind {
  /** DS 2024:30: the child (and guardians) summoned. */
  TALK_SUMMONS = 'TALK_SUMMONS',
  /** The talk held. */
  TALK_HELD = 'TALK_HELD',
}

export interface PlannedTalkClock {
  readonly kind: TalkClockKind;
  readonly startsAt: Date;
  readonly dueAt: Date;
}

/**
 * The clocks that start when social services learn of the trigger. A policy
 * with no fixed deadline (FORUM_DECIDES) starts none: the forum's target date does.
 */
export function clocksAtOpen(policy: DistrictPolicy, learnedAt: Date): PlannedTalkClock[] {
  const clock = (kind: TalkClockKind, dueAt: Date): PlannedTalkClock[] => [{ kind, startsAt: learnedAt, dueAt }];
  switch (policy.talkDeadlineMode) {
    case TalkDeadlineMode.HELD_WITHIN_HOURS:
      return clock(TalkClockKind.TALK_HELD, addHours(learnedAt, requireSetting(policy.talkDeadlineHours, 'talkDeadlineHours')));
    case TalkDeadlineMode.SUMMONS_WITHIN_HOURS:
      return clock(TalkClockKind.TALK_SUMMONS, addHours(learnedAt, requireSetting(policy.talkDeadlineHours, 'talkDeadlineHours')));
    case TalkDeadlineMode.HELD_WITHIN_DAYS:
      return clock(
        TalkClockKind.TALK_HELD,
        addLocalDays(learnedAt, requireSetting(policy.talkDeadlineDays, 'talkDeadlineDays'), policy.timeZone),
      );
    case TalkDeadlineMode.FORUM_DECIDES:
      return [];
  }
}

/** In SUMMONS_WITHIN_HOURS mode the summons starts the second clock, for the talk itself. */
export function clocksAtSummons(policy: DistrictPolicy, summonedAt: Date, hasHeldClock: boolean): PlannedTalkClock[] {
  if (policy.talkDeadlineMode !== TalkDeadlineMode.SUMMONS_WITHIN_HOURS || hasHeldClock) return [];
  return [{ kind: TalkClockKind.TALK_HELD, startsAt: summonedAt, dueAt: addHours(summonedAt, policy.talkSummonsToTalkHours) }];
}

/** A target date (the forum's, or one set by hand) is met when the talk is held before that local day ends. */
export function clockForTargetDate(policy: DistrictPolicy, target: CalendarDate, decidedAt: Date): PlannedTalkClock {
  return {
    kind: TalkClockKind.TALK_HELD,
    startsAt: decidedAt,
    dueAt: startOfLocalDay(target.year, target.month, target.day + 1, policy.timeZone),
  };
}

/** When the invited officer is told of the talk: the notice period before it, or at once when that has passed. */
export function officerNoticeAt(policy: DistrictPolicy, scheduledAt: Date, now: Date): Date {
  const at = addHours(scheduledAt, -policy.talkOfficerNoticeHours);
  return at.getTime() < now.getTime() ? now : at;
}

export function isLate(heldAt: Date, heldDueAt: Date | null): boolean {
  return heldDueAt !== null && heldAt.getTime() > heldDueAt.getTime();
}

function requireSetting(value: number | null, name: string): number {
  // validateDistrictPolicy guarantees it for the mode; a stored policy that lacks it is a bug.
  if (value === null) throw new Error(`District policy lacks ${name} for its talk deadline mode`);
  return value;
}

export interface WeekBounds {
  readonly lastWeekStart: Date;
  readonly thisWeekStart: Date;
  readonly nextWeekStart: Date;
}

/** Monday-to-Monday weeks in the district's time zone around `now`, for the load figures. */
export function weekBounds(now: Date, timeZone: string): WeekBounds {
  const today = calendarDateAt(now, timeZone);
  const weekday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7;
  const monday = (offsetDays: number) => startOfLocalDay(today.year, today.month, today.day - weekday + offsetDays, timeZone);
  return { lastWeekStart: monday(-7), thisWeekStart: monday(0), nextWeekStart: monday(7) };
}
