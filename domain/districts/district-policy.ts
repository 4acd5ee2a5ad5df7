import { ReportCategory } from '../reports/report-rules';
import { TalkHolderKind, TalkTrigger } from '../talks/talk-enums';

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
  /** Talks: no automatic talk above this age; null = no maximum (Hisingen: under 15, so 14). */
  readonly talkMaximumAge: number | null;
  /** Talks: what in a report starts one automatically. */
  readonly talkTrigger: TalkTrigger;
  /** Talks: the report categories that qualify (the Gothenburg motion's three by default). */
  readonly talkCategories: readonly ReportCategory[];
  /** Talks: offence types that qualify whatever the category ("strategiska brott"); matched without case. */
  readonly talkQualifyingOffences: readonly string[];
  /** Talks in SUMMONS_WITHIN_HOURS mode: the talk itself is held within this many hours of the summons. */
  readonly talkSummonsToTalkHours: number;
  /** Talks: who holds them unless the talk says otherwise. */
  readonly talkDefaultHolder: TalkHolderKind;
  /** Talks: the invited police officer is told this many hours before the talk. */
  readonly talkOfficerNoticeHours: number;
  /** Talks in SUMMONS_WITHIN_HOURS mode: young adults ("unga", DS 2024:30) up to this age get a summons without guardians; 17 = none. */
  readonly talkYoungAdultMaxAge: number;
  /** How many days back social services may set the receipt time of a phone call or letter. */
  readonly receiptBackdateDays: number;
  /** The longest one extension of an investigation may move its due date, in months. */
  readonly investigationExtensionMonths: number;
  /** Consent: below this age the guardians consent (the child is heard); from it the youth consents too. */
  readonly consentYouthAge: number;
  /** Consent: from this age the youth consents alone. */
  readonly consentAdultAge: number;
  /** An active collaboration case with no activity for this many days raises an alert. */
  readonly staleCaseDays: number;
  /** The coordinator is warned this many days before a consent's end date. */
  readonly consentExpiryWarningDays: number;
  /** The coordinator is reminded this many days before a follow-up meeting. */
  readonly followUpReminderDays: number;
  /** A report concerns a child or young person: someone this old or older at receipt is refused (LVU and OSL 10:18 a stop at 21). */
  readonly reportAgeLimit: number;
  /** Retention: a concern report that led to no investigation is anonymised this many months after its last entry. */
  readonly retentionReportMonths: number;
  /** Retention: a report whose investigation closed is anonymised this many months after the closure. */
  readonly retentionInvestigationMonths: number;
  /** Retention: records of children born on the 5th, 15th or 25th are kept for research (the old SoL 12 kap. rule). */
  readonly retentionResearchException: boolean;
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
  talkMaximumAge: null,
  talkTrigger: TalkTrigger.FIRST_SUSPICION,
  talkCategories: Object.freeze([ReportCategory.UNSUITABLE_ENVIRONMENT, ReportCategory.CRIMINAL_BEHAVIOUR, ReportCategory.SUSPECTED_CRIME]),
  talkQualifyingOffences: Object.freeze([]),
  /** Gothenburg: talks are usually held within a week. */
  talkSummonsToTalkHours: 168,
  talkDefaultHolder: TalkHolderKind.SOCIAL_SERVICES,
  talkOfficerNoticeHours: 24,
  talkYoungAdultMaxAge: 20,
  receiptBackdateDays: 14,
  investigationExtensionMonths: 2,
  consentYouthAge: 15,
  consentAdultAge: 18,
  staleCaseDays: 30,
  consentExpiryWarningDays: 14,
  followUpReminderDays: 2,
  reportAgeLimit: 21,
  retentionReportMonths: 60,
  retentionInvestigationMonths: 60,
  retentionResearchException: true,
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
  readonly messageSv: string;
}

/**
 * The clocks the law sets (DOMAIN.md §3). They are ceilings: a district may
 * be stricter, never looser. Every other setting has no legal ceiling.
 */
export const LEGAL_CEILINGS = {
  protectionAssessmentHours: {
    max: 24,
    unit: 'hours',
    unitSv: 'timmar',
    law: 'SoL 11 kap. 1 a §',
    what: 'protection assessment',
    whatSv: 'skyddsbedömningen',
  },
  preliminaryAssessmentDays: {
    max: 14,
    unit: 'days',
    unitSv: 'dagar',
    law: 'SoL 11 kap. 1 a §',
    what: 'preliminary assessment',
    whatSv: 'förhandsbedömningen',
  },
  investigationMonths: { max: 4, unit: 'months', unitSv: 'månader', law: 'SoL 11 kap. 2 §', what: 'investigation', whatSv: 'utredningen' },
  retentionReportMonths: {
    max: 60,
    unit: 'months',
    unitSv: 'månader',
    law: 'SoL 12 kap. 7 § (äldre lydelse)',
    what: 'retention of a personal file after its last entry',
    whatSv: 'gallring av personakten efter sista anteckningen',
  },
  retentionInvestigationMonths: {
    max: 60,
    unit: 'months',
    unitSv: 'månader',
    law: 'SoL 12 kap. 7 § (äldre lydelse)',
    what: 'retention of a personal file after its last entry',
    whatSv: 'gallring av personakten efter sista anteckningen',
  },
} as const satisfies { readonly [K in keyof DistrictPolicy]?: unknown };

export type LegalCeilingSetting = keyof typeof LEGAL_CEILINGS;

/** Settings without a legal ceiling, free within sane bounds (listed for the README and the API docs). */
export const SETTINGS_WITHOUT_CEILING: readonly Exclude<keyof DistrictPolicy, LegalCeilingSetting>[] = [
  'feedbackDays',
  'talkDeadlineMode',
  'talkDeadlineHours',
  'talkDeadlineDays',
  'talkMinimumAge',
  'ssffAgeBand',
  'sspfAgeBand',
  'reminderPercents',
  'timeZone',
  'receiptBackdateDays',
  'investigationExtensionMonths',
  'retentionResearchException',
];

function wholeBetween(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Returns every problem with a policy; an empty list means it can be saved. */
export function validateDistrictPolicy(policy: DistrictPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const check = (
    ok: boolean,
    field: keyof DistrictPolicy,
    message: string,
    messageSv = `Kontrollera ${field}: värdet ligger utanför det tillåtna.`,
  ) => {
    if (!ok) problems.push({ field, message, messageSv });
  };
  for (const [field, c] of Object.entries(LEGAL_CEILINGS) as [LegalCeilingSetting, (typeof LEGAL_CEILINGS)[LegalCeilingSetting]][]) {
    const value = policy[field];
    if (Number.isInteger(value) && value > c.max) {
      check(
        false,
        field,
        `may be at most ${c.max} ${c.unit}: ${c.law} sets ${c.max} ${c.unit} for the ${c.what}. A district may be stricter, never looser`,
        `Högst ${c.max} ${c.unitSv}: ${c.law} ger ${c.max} ${c.unitSv} för ${c.whatSv}. Ett område får vara strängare, aldrig mildare.`,
      );
    } else {
      check(
        wholeBetween(value, 1, c.max),
        field,
        `must be a whole number of ${c.unit}, 1–${c.max}`,
        `Ange ett helt antal ${c.unitSv}, 1–${c.max}.`,
      );
    }
  }
  check(wholeBetween(policy.feedbackDays, 1, LONGEST_REPORT_CLOCK_DAYS), 'feedbackDays', `must be 1–${LONGEST_REPORT_CLOCK_DAYS} days`);
  const needsHours =
    policy.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_HOURS || policy.talkDeadlineMode === TalkDeadlineMode.SUMMONS_WITHIN_HOURS;
  if (needsHours) {
    check(
      policy.talkDeadlineHours !== null && wholeBetween(policy.talkDeadlineHours, 1, 720),
      'talkDeadlineHours',
      'must be 1–720 hours for this talk deadline mode',
    );
  }
  if (policy.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_DAYS) {
    check(
      policy.talkDeadlineDays !== null && wholeBetween(policy.talkDeadlineDays, 1, 60),
      'talkDeadlineDays',
      'must be 1–60 days for this talk deadline mode',
    );
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
  check(
    policy.talkMaximumAge === null || (wholeBetween(policy.talkMaximumAge, 0, 17) && policy.talkMaximumAge >= policy.talkMinimumAge),
    'talkMaximumAge',
    'must be empty or whole years 0–17, not below talkMinimumAge',
  );
  check(Object.values(TalkTrigger).includes(policy.talkTrigger), 'talkTrigger', 'must be FIRST_SUSPICION or ARREST');
  check(
    policy.talkCategories.every((c) => Object.values(ReportCategory).includes(c)),
    'talkCategories',
    'must list report categories',
  );
  check(
    policy.talkQualifyingOffences.length <= 50 && policy.talkQualifyingOffences.every((o) => o.trim().length >= 1 && o.length <= 100),
    'talkQualifyingOffences',
    'must be at most 50 offence types of 1–100 characters',
  );
  check(wholeBetween(policy.talkSummonsToTalkHours, 1, 720), 'talkSummonsToTalkHours', 'must be 1–720 hours');
  check(Object.values(TalkHolderKind).includes(policy.talkDefaultHolder), 'talkDefaultHolder', 'must be a talk holder kind');
  check(wholeBetween(policy.talkOfficerNoticeHours, 1, 168), 'talkOfficerNoticeHours', 'must be 1–168 hours');
  check(wholeBetween(policy.talkYoungAdultMaxAge, 17, 20), 'talkYoungAdultMaxAge', 'must be 17 (none) to 20 years');
  check(wholeBetween(policy.receiptBackdateDays, 0, 60), 'receiptBackdateDays', 'must be 0–60 days');
  check(wholeBetween(policy.investigationExtensionMonths, 1, 12), 'investigationExtensionMonths', 'must be 1–12 months');
  check(wholeBetween(policy.consentYouthAge, 0, 18), 'consentYouthAge', 'must be 0–18 years');
  check(
    wholeBetween(policy.consentAdultAge, 15, 21) && policy.consentAdultAge >= policy.consentYouthAge,
    'consentAdultAge',
    'must be 15–21 years, not below consentYouthAge',
    'Ange 15–21 år, inte lägre än åldern då den unga samtycker själv.',
  );
  check(wholeBetween(policy.staleCaseDays, 1, 365), 'staleCaseDays', 'must be 1–365 days');
  check(wholeBetween(policy.consentExpiryWarningDays, 1, 90), 'consentExpiryWarningDays', 'must be 1–90 days');
  check(wholeBetween(policy.followUpReminderDays, 1, 30), 'followUpReminderDays', 'must be 1–30 days');
  check(
    wholeBetween(policy.reportAgeLimit, 18, 21),
    'reportAgeLimit',
    'must be 18–21 years: reports concern children and young people under 21 (LVU, OSL 10 kap. 18 a §)',
    'Ange 18–21 år: anmälningar gäller barn och unga under 21 år (LVU, OSL 10 kap. 18 a §).',
  );
  check(typeof policy.retentionResearchException === 'boolean', 'retentionResearchException', 'must be true or false');
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

/** Two policies hold the same settings (key order and unset keys aside). */
export function samePolicy(a: DistrictPolicy, b: DistrictPolicy): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]);
    }
    return value;
  };
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** A stored policy version; deadlines remember the version they were computed with. */
export interface VersionedPolicy {
  readonly districtId: string;
  readonly version: number;
  readonly policy: DistrictPolicy;
}

/** Policies stored before a setting existed read it as its default. */
export function withPolicyDefaults(stored: Partial<DistrictPolicy>): DistrictPolicy {
  return { ...DEFAULT_DISTRICT_POLICY, ...stored };
}
