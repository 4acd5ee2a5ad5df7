import { DistrictPolicy } from '../districts/district-policy';
import { TalkDeadlineMode } from '../talks/talks.settings';
import { addHours, addLocalDays, addLocalMonths } from '../time/local-time';

/**
 * Every clock the product keeps. The names of the talks and collaboration
 * clocks are pre-declared here so the stored kind and the GraphQL enum stay
 * in one place; their rules are below (docs/adding-a-module.md).
 */
export enum DeadlineKind {
  PROTECTION_ASSESSMENT = 'PROTECTION_ASSESSMENT',
  PRELIMINARY_ASSESSMENT = 'PRELIMINARY_ASSESSMENT',
  INVESTIGATION = 'INVESTIGATION',
  FEEDBACK = 'FEEDBACK',
  /** The serious talk is held (Stockholm model, or within days). */
  TALK_HELD = 'TALK_HELD',
  /** The child and guardians are summoned (DS 2024:30). */
  TALK_SUMMONS = 'TALK_SUMMONS',
  PLAN_ACTION_DUE = 'PLAN_ACTION_DUE',
  FOLLOW_UP_REMINDER = 'FOLLOW_UP_REMINDER',
  CONSENT_EXPIRY = 'CONSENT_EXPIRY',
  CASE_STALE = 'CASE_STALE',
  /** Not a deadline but a notice: the invited officer hears of the talk before it (due = the talk's time). */
  TALK_OFFICER_NOTICE = 'TALK_OFFICER_NOTICE',
}

/** What a clock runs on. The subject's registry entry is in deadline-subjects.ts. */
export enum DeadlineSubject {
  REPORT = 'REPORT',
  TALK = 'TALK',
  SUMMONS = 'SUMMONS',
  COLLABORATION_CASE = 'COLLABORATION_CASE',
  PLAN_ACTION = 'PLAN_ACTION',
  CONSENT = 'CONSENT',
  FOLLOW_UP = 'FOLLOW_UP',
}

/**
 * Where a clock's due time comes from: the district policy (which may say
 * "no clock" by returning null, e.g. a forum decides), or the caller (a
 * forum's target date, an action's due date, a consent's end).
 */
export type DueRule =
  { readonly from: 'policy'; readonly at: (policy: DistrictPolicy, startsAt: Date) => Date | null } | { readonly from: 'caller' };

export interface KindRule {
  /** Swedish label used in messages to staff. */
  readonly label: string;
  readonly due: DueRule;
  /** Escalate to the subject's escalation role when breached. */
  readonly escalates: boolean;
  /** A notice clock: one `notice` step this many hours before the due time (the event), no reminders and no breach. */
  readonly noticeHoursBefore?: (policy: DistrictPolicy) => number;
  /** False for an alert that only the breach carries (a stale case); default: the policy's reminders. */
  readonly reminders?: boolean;
}

const fromPolicy = (at: (policy: DistrictPolicy, startsAt: Date) => Date | null): DueRule => ({ from: 'policy', at });
const fromCaller: DueRule = { from: 'caller' };

export const DEADLINE_KINDS: { readonly [K in DeadlineKind]: KindRule } = {
  [DeadlineKind.PROTECTION_ASSESSMENT]: {
    label: 'skyddsbedömning',
    due: fromPolicy((p, start) => addHours(start, p.protectionAssessmentHours)),
    escalates: true,
  },
  [DeadlineKind.PRELIMINARY_ASSESSMENT]: {
    label: 'förhandsbedömning',
    due: fromPolicy((p, start) => addLocalDays(start, p.preliminaryAssessmentDays, p.timeZone)),
    escalates: true,
  },
  [DeadlineKind.INVESTIGATION]: {
    label: 'utredning',
    due: fromPolicy((p, start) => addLocalMonths(start, p.investigationMonths, p.timeZone)),
    escalates: true,
  },
  [DeadlineKind.FEEDBACK]: {
    label: 'återkoppling',
    due: fromPolicy((p, start) => addLocalDays(start, p.feedbackDays, p.timeZone)),
    escalates: true,
  },
  [DeadlineKind.TALK_HELD]: {
    label: 'allvarssamtal',
    // Under SUMMONS_WITHIN_HOURS the summons clock runs instead; under FORUM_DECIDES no clock (the forum's date comes from the caller).
    due: fromPolicy((p, start) => {
      if (p.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_HOURS && p.talkDeadlineHours) return addHours(start, p.talkDeadlineHours);
      if (p.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_DAYS && p.talkDeadlineDays)
        return addLocalDays(start, p.talkDeadlineDays, p.timeZone);
      return null;
    }),
    escalates: true,
  },
  [DeadlineKind.TALK_SUMMONS]: {
    label: 'kallelse till allvarssamtal',
    due: fromPolicy((p, start) =>
      p.talkDeadlineMode === TalkDeadlineMode.SUMMONS_WITHIN_HOURS && p.talkDeadlineHours ? addHours(start, p.talkDeadlineHours) : null,
    ),
    escalates: true,
  },
  // Overdue actions escalate to the district's coordinators (deadline-subjects.ts).
  [DeadlineKind.PLAN_ACTION_DUE]: { label: 'insats', due: fromCaller, escalates: true },
  [DeadlineKind.FOLLOW_UP_REMINDER]: { label: 'uppföljning', due: fromCaller, escalates: false },
  [DeadlineKind.CONSENT_EXPIRY]: { label: 'samtycke', due: fromCaller, escalates: false },
  [DeadlineKind.TALK_OFFICER_NOTICE]: {
    label: 'samtal',
    due: fromCaller,
    escalates: false,
    noticeHoursBefore: (p) => p.talkOfficerNoticeHours,
  },
  [DeadlineKind.CASE_STALE]: { label: 'samverkansärende', due: fromCaller, escalates: false, reminders: false },
};

/**
 * The due time of a clock, or null when the policy sets none (then no clock
 * starts). A due time from the caller wins; a kind whose due time comes from
 * the caller must be given one.
 */
export function resolveDueAt(kind: DeadlineKind, policy: DistrictPolicy, startsAt: Date, callerDueAt?: Date | null): Date | null {
  if (callerDueAt) return callerDueAt;
  const due = DEADLINE_KINDS[kind].due;
  if (due.from === 'caller') throw new Error(`A ${kind} clock needs its due time from the caller`);
  return due.at(policy, startsAt);
}

/** The policy's due time for a kind that always has one (the report clocks). */
export function computeDueAt(kind: DeadlineKind, policy: DistrictPolicy, startsAt: Date): Date {
  const dueAt = resolveDueAt(kind, policy, startsAt);
  if (!dueAt) throw new Error(`The policy sets no ${kind} clock`);
  return dueAt;
}
