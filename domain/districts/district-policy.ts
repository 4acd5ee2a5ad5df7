/**
 * Every number the law or the municipal documents name is a district setting.
 * The defaults are the documented ones (DOMAIN.md §3); districts change them
 * through versioned policy updates.
 */
export enum TalkDeadlineMode {
  /** Stockholm model: the talk is held within N hours. */
  HELD_WITHIN_HOURS = 'HELD_WITHIN_HOURS',
  /** DS 2024:30: the child and guardians are summoned within N hours. */
  SUMMONS_WITHIN_HOURS = 'SUMMONS_WITHIN_HOURS',
  /** The talk is held within N days. */
  HELD_WITHIN_DAYS = 'HELD_WITHIN_DAYS',
  /** No clock: the weekly collaboration forum decides (Gothenburg districts). */
  FORUM_DECIDES = 'FORUM_DECIDES',
}

export interface AgeBand {
  readonly min: number;
  readonly max: number;
}

export interface DistrictPolicy {
  readonly protectionAssessmentHours: number;
  readonly preliminaryAssessmentDays: number;
  readonly investigationMonths: number;
  /** Feedback to a reporter who asked for it, counted from receipt of the report. */
  readonly feedbackDays: number;
  readonly talkDeadlineMode: TalkDeadlineMode;
  /** Used by the *_HOURS modes. */
  readonly talkDeadlineHours: number | null;
  /** Used by HELD_WITHIN_DAYS. */
  readonly talkDeadlineDays: number | null;
  readonly talkMinimumAge: number;
  readonly ssffAgeBand: AgeBand;
  readonly sspfAgeBand: AgeBand;
  /** Reminder steps, as percentages of a deadline's window. */
  readonly reminderPercents: readonly number[];
  readonly timeZone: string;
  /** SSPF: below this age the guardians consent too, beside the youth. */
  readonly consentGuardianAge: number;
  /** An active collaboration case with no activity for this many days raises an alert. */
  readonly staleCaseDays: number;
  /** The coordinator is warned this many days before a consent's end date. */
  readonly consentExpiryWarningDays: number;
  /** The coordinator is reminded this many days before a follow-up meeting. */
  readonly followUpReminderDays: number;
}

export const DEFAULT_DISTRICT_POLICY: DistrictPolicy = Object.freeze({
  protectionAssessmentHours: 24,
  preliminaryAssessmentDays: 14,
  investigationMonths: 4,
  feedbackDays: 14,
  talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_HOURS,
  talkDeadlineHours: 48,
  talkDeadlineDays: null,
  talkMinimumAge: 10,
  ssffAgeBand: Object.freeze({ min: 6, max: 12 }),
  sspfAgeBand: Object.freeze({ min: 12, max: 18 }),
  reminderPercents: Object.freeze([50, 80]),
  timeZone: 'Europe/Stockholm',
  consentGuardianAge: 15,
  staleCaseDays: 30,
  consentExpiryWarningDays: 14,
  followUpReminderDays: 2,
});

/** DS 2024:30: summons at the latest within 24 hours. */
export const DS_2024_30_POLICY: DistrictPolicy = Object.freeze({
  ...DEFAULT_DISTRICT_POLICY,
  talkDeadlineMode: TalkDeadlineMode.SUMMONS_WITHIN_HOURS,
  talkDeadlineHours: 24,
});

/**
 * The longest a concern report's own clocks (protection, preliminary
 * assessment, feedback) may run under any valid policy: the upper bound of
 * feedbackDays below, which is longer than the other two.
 */
export const LONGEST_REPORT_CLOCK_DAYS = 120;

export interface PolicyProblem {
  readonly field: keyof DistrictPolicy;
  readonly message: string;
}

function wholeBetween(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Returns every problem with a policy; an empty list means it can be saved. */
export function validateDistrictPolicy(policy: DistrictPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const check = (ok: boolean, field: keyof DistrictPolicy, message: string) => {
    if (!ok) problems.push({ field, message });
  };
  check(wholeBetween(policy.protectionAssessmentHours, 1, 168), 'protectionAssessmentHours', 'must be 1–168 hours');
  check(wholeBetween(policy.preliminaryAssessmentDays, 1, 90), 'preliminaryAssessmentDays', 'must be 1–90 days');
  check(wholeBetween(policy.investigationMonths, 1, 24), 'investigationMonths', 'must be 1–24 months');
  check(wholeBetween(policy.feedbackDays, 1, LONGEST_REPORT_CLOCK_DAYS), 'feedbackDays', `must be 1–${LONGEST_REPORT_CLOCK_DAYS} days`);
  const needsHours = policy.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_HOURS
    || policy.talkDeadlineMode === TalkDeadlineMode.SUMMONS_WITHIN_HOURS;
  if (needsHours) {
    check(policy.talkDeadlineHours !== null && wholeBetween(policy.talkDeadlineHours, 1, 720), 'talkDeadlineHours', 'must be 1–720 hours for this talk deadline mode');
  }
  if (policy.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_DAYS) {
    check(policy.talkDeadlineDays !== null && wholeBetween(policy.talkDeadlineDays, 1, 60), 'talkDeadlineDays', 'must be 1–60 days for this talk deadline mode');
  }
  check(wholeBetween(policy.talkMinimumAge, 0, 17), 'talkMinimumAge', 'must be 0–17 years');
  for (const band of ['ssffAgeBand', 'sspfAgeBand'] as const) {
    const { min, max } = policy[band];
    check(wholeBetween(min, 0, 25) && wholeBetween(max, 0, 25) && min <= max, band, 'must be whole years 0–25 with min ≤ max');
  }
  check(
    policy.reminderPercents.length <= 5 && policy.reminderPercents.every((p) => wholeBetween(p, 1, 99)),
    'reminderPercents',
    'must be at most five whole percentages between 1 and 99',
  );
  check(isKnownTimeZone(policy.timeZone), 'timeZone', 'must be an IANA time zone such as Europe/Stockholm');
  check(wholeBetween(policy.consentGuardianAge, 0, 18), 'consentGuardianAge', 'must be 0–18 years');
  check(wholeBetween(policy.staleCaseDays, 1, 365), 'staleCaseDays', 'must be 1–365 days');
  check(wholeBetween(policy.consentExpiryWarningDays, 1, 90), 'consentExpiryWarningDays', 'must be 1–90 days');
  check(wholeBetween(policy.followUpReminderDays, 1, 30), 'followUpReminderDays', 'must be 1–30 days');
  return problems;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A stored policy read with today's defaults for settings added after it was saved. */
export function withPolicyDefaults(stored: Partial<DistrictPolicy>): DistrictPolicy {
  return { ...DEFAULT_DISTRICT_POLICY, ...stored };
}

/** A stored policy version; deadlines remember the version they were computed with. */
export interface VersionedPolicy {
  readonly districtId: string;
  readonly version: number;
  readonly policy: DistrictPolicy;
}
