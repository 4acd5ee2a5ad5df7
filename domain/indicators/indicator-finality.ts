import { DistrictPolicy } from '../districts/district-policy';
import { REPORTS_LEGAL_CEILINGS } from '../reports/reports.settings';
import { TalkDeadlineMode } from '../talks/talks.settings';
import { startOfLocalDay } from '../time/local-time';
import { FOLLOW_UP_MONTHS, Indicator } from './indicators';

/** How long after a month's end every clock counted in its cell has passed its limit. */
export interface Horizon {
  readonly months: number;
  readonly days: number;
  readonly hours: number;
}

const plus = (a: Horizon, b: Partial<Horizon>): Horizon => ({
  months: a.months + (b.months ?? 0),
  days: a.days + (b.days ?? 0),
  hours: a.hours + (b.hours ?? 0),
});
const max = (values: readonly number[]) => Math.max(0, ...values);

/** The longest talk clock any of the district's policy versions set; null when a forum decides (no clock at all). */
function talkClock(policies: readonly DistrictPolicy[]): Partial<Horizon> | null {
  if (policies.some((p) => p.talkDeadlineMode === TalkDeadlineMode.FORUM_DECIDES)) return null;
  const hours = policies.map((p) =>
    p.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_DAYS
      ? 0
      : (p.talkDeadlineHours ?? 0) + (p.talkDeadlineMode === TalkDeadlineMode.SUMMONS_WITHIN_HOURS ? p.talkSummonsToTalkHours : 0),
  );
  const days = policies.map((p) => (p.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_DAYS ? (p.talkDeadlineDays ?? 0) : 0));
  return { hours: max(hours), days: max(days) };
}

/**
 * When a district's month of the indicator is final: the time after the month's end by which every clock counted in
 * it has passed its limit, under every policy version the district has had (reports keep the version in force at
 * receipt) and the law's ceilings. It starts with the receipt backdating a district allows (a report registered after
 * the month may still land in it). Null: never final, always counted live.
 */
export function finalAfter(indicator: Indicator, policies: readonly DistrictPolicy[]): Horizon | null {
  const received: Horizon = { months: 0, days: max(policies.map((p) => p.receiptBackdateDays)), hours: 0 };
  const talk = talkClock(policies);
  const followUp = FOLLOW_UP_MONTHS[indicator];
  switch (indicator) {
    case Indicator.talkWithinDeadlineRate:
    case Indicator.reportToTalkHoursP50:
    case Indicator.reportToTalkHoursP90:
    case Indicator.talkDeclinedRate:
    case Indicator.policeAttendanceRate:
      return talk && plus(received, talk);
    case Indicator.feedbackGivenRate:
    case Indicator.feedbackOnTimeRate:
      return plus(received, { days: max(policies.map((p) => p.feedbackDays)) });
    case Indicator.protectionAssessmentOnTimeRate:
      return plus(received, { hours: REPORTS_LEGAL_CEILINGS.protectionAssessmentHours.max });
    case Indicator.preliminaryAssessmentOnTimeRate:
      return plus(received, { days: REPORTS_LEGAL_CEILINGS.preliminaryAssessmentDays.max });
    case Indicator.investigationOnTimeRate:
      return plus(received, {
        days: REPORTS_LEGAL_CEILINGS.preliminaryAssessmentDays.max,
        months: REPORTS_LEGAL_CEILINGS.investigationMonths.max,
      });
    case Indicator.activeCollaborationCases:
    case Indicator.consentWithdrawals:
      return { months: 0, days: 0, hours: 0 };
    // An overdue action done later leaves the count: it can change at any time.
    case Indicator.overduePlanActions:
      return null;
    default:
      // The effect follow-up: the talk (or its clock) in the month, then the window after it.
      return talk && plus(plus(received, talk), { months: followUp ?? 0 });
  }
}

/** The instant a month (an ordinal as in MonthRange) of a district in the time zone becomes final. */
export function finalAt(month: number, horizon: Horizon, timeZone: string): Date {
  const end = month + 1 + horizon.months;
  const start = startOfLocalDay(Math.floor(end / 12), (end % 12) + 1, 1 + horizon.days, timeZone);
  return new Date(start.getTime() + horizon.hours * 3_600_000);
}

/** The last month of [from, toExclusive) that is final at `now`, or from − 1 when none is. */
export function lastFinalMonth(from: number, toExclusive: number, horizon: Horizon | null, timeZone: string, now: Date): number {
  if (!horizon) return from - 1;
  for (let month = toExclusive - 1; month >= from; month--) {
    if (finalAt(month, horizon, timeZone).getTime() <= now.getTime()) return month;
  }
  return from - 1;
}
