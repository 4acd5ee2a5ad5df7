import { LegalCeiling, SettingsDeclaration, unless, wholeBetween } from '../districts/district-setting';

export interface ReportsSettings {
  readonly protectionAssessmentHours: number;
  readonly preliminaryAssessmentDays: number;
  readonly investigationMonths: number;
  /** Feedback to a reporter who asked for it, counted from receipt of the report. */
  readonly feedbackDays: number;
  /** How many days back social services may set the receipt time of a phone call or letter. */
  readonly receiptBackdateDays: number;
  /** The longest one extension of an investigation may move its due date, in months. */
  readonly investigationExtensionMonths: number;
  /** A report concerns a child or young person: someone this old or older at receipt is refused (LVU and OSL 10:18 a stop at 21). */
  readonly reportAgeLimit: number;
}

/** The clocks the law sets (DOMAIN.md §3). They are ceilings: a district may be stricter, never looser. */
export const REPORTS_LEGAL_CEILINGS = {
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
} as const satisfies { readonly [K in keyof ReportsSettings]?: LegalCeiling };

/**
 * The longest a concern report's own clocks (protection, preliminary assessment, feedback) may run under any valid
 * policy: the upper bound of feedbackDays below, which is longer than the other two.
 */
export const LONGEST_REPORT_CLOCK_DAYS = 120;

export const REPORTS_SETTINGS: SettingsDeclaration<ReportsSettings> = {
  protectionAssessmentHours: {
    api: {
      type: 'Int',
      description:
        'Protection assessment (skyddsbedömning), hours from receipt. Default and legal ceiling 24 (SoL 11 kap. 1 a §): stricter only.',
    },
    default: 24,
    reference: 'SoL 11 kap. 1 a §',
    ceiling: REPORTS_LEGAL_CEILINGS.protectionAssessmentHours,
  },
  preliminaryAssessmentDays: {
    api: {
      type: 'Int',
      description:
        'Preliminary assessment (förhandsbedömning), days from receipt. Default and legal ceiling 14 (SoL 11 kap. 1 a §): stricter only.',
    },
    default: 14,
    reference: 'SoL 11 kap. 1 a §',
    ceiling: REPORTS_LEGAL_CEILINGS.preliminaryAssessmentDays,
  },
  investigationMonths: {
    api: {
      type: 'Int',
      description:
        'Investigation (utredning), months from the decision to open it. Default and legal ceiling 4 (SoL 11 kap. 2 §): stricter only.',
    },
    default: 4,
    reference: 'SoL 11 kap. 2 §',
    ceiling: REPORTS_LEGAL_CEILINGS.investigationMonths,
  },
  feedbackDays: {
    api: {
      type: 'Int',
      description: 'Feedback (återkoppling) to a reporter who asked for it, days from receipt. No legal ceiling. Default 14.',
    },
    default: 14,
    reference: 'SoL 14 kap. 1 b § (feedback to a professional reporter); the 14 days are practice',
    check: (s) => unless(wholeBetween(s.feedbackDays, 1, LONGEST_REPORT_CLOCK_DAYS), `must be 1–${LONGEST_REPORT_CLOCK_DAYS} days`),
  },
  receiptBackdateDays: {
    api: {
      type: 'Int',
      description: 'Social services may set the receipt time of a phone call or letter back this many days. No legal ceiling. Default 14.',
    },
    default: 14,
    reference: 'practice: the clocks run from receipt by social services (DOMAIN.md §3)',
    check: (s) => unless(wholeBetween(s.receiptBackdateDays, 0, 60), 'must be 0–60 days'),
  },
  investigationExtensionMonths: {
    api: {
      type: 'Int',
      description: 'One investigation extension moves the due date at most this many months. No legal ceiling. Default 2.',
    },
    default: 2,
    reference: 'SoL 11 kap. 2 § (an extension needs a recorded reason)',
    check: (s) => unless(wholeBetween(s.investigationExtensionMonths, 1, 12), 'must be 1–12 months'),
  },
  reportAgeLimit: {
    api: {
      type: 'Int',
      description:
        'A report concerns someone younger than this at receipt; older is refused. 18–21 (LVU, OSL 10:18 a stop at 21). Default 21.',
    },
    default: 21,
    reference: 'LVU; OSL 10 kap. 18 a §',
    check: (s) =>
      unless(
        wholeBetween(s.reportAgeLimit, 18, 21),
        'must be 18–21 years: reports concern children and young people under 21 (LVU, OSL 10 kap. 18 a §)',
        'Ange 18–21 år: anmälningar gäller barn och unga under 21 år (LVU, OSL 10 kap. 18 a §).',
      ),
  },
};

declare module '../districts/district-policy' {
  interface DistrictPolicy extends ReportsSettings {}
}
