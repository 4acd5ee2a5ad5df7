/**
 * The indicators of issue 25, one definition each for every district. The definitions (Swedish and English) sit
 * next to the SQL that computes them, in db/indicators/indicator-definitions.ts.
 */
export enum Indicator {
  talkWithinDeadlineRate = 'talkWithinDeadlineRate',
  reportToTalkHoursP50 = 'reportToTalkHoursP50',
  reportToTalkHoursP90 = 'reportToTalkHoursP90',
  talkDeclinedRate = 'talkDeclinedRate',
  policeAttendanceRate = 'policeAttendanceRate',
  feedbackGivenRate = 'feedbackGivenRate',
  feedbackOnTimeRate = 'feedbackOnTimeRate',
  protectionAssessmentOnTimeRate = 'protectionAssessmentOnTimeRate',
  preliminaryAssessmentOnTimeRate = 'preliminaryAssessmentOnTimeRate',
  investigationOnTimeRate = 'investigationOnTimeRate',
  activeCollaborationCases = 'activeCollaborationCases',
  overduePlanActions = 'overduePlanActions',
  consentWithdrawals = 'consentWithdrawals',
  reReportRate6m = 'reReportRate6m',
  reReportRate6mComparison = 'reReportRate6mComparison',
  reReportRate12m = 'reReportRate12m',
  reReportRate12mComparison = 'reReportRate12mComparison',
}

/**
 * How a month's counts make up a longer period. SUM: items belong to the one month they happened in (a report's
 * receipt, a withdrawal), so a quarter is the sum of its months. LAST: a stock at the end of the period, so a quarter
 * is its last month. PERCENTILE: hours, computed over the whole period in SQL; its months only decide suppression.
 */
export enum IndicatorKind {
  RATE = 'RATE',
  COUNT_AT_END = 'COUNT_AT_END',
  COUNT = 'COUNT',
  HOURS = 'HOURS',
}

export const INDICATOR_KINDS: { readonly [I in Indicator]: IndicatorKind } = {
  talkWithinDeadlineRate: IndicatorKind.RATE,
  reportToTalkHoursP50: IndicatorKind.HOURS,
  reportToTalkHoursP90: IndicatorKind.HOURS,
  talkDeclinedRate: IndicatorKind.RATE,
  policeAttendanceRate: IndicatorKind.RATE,
  feedbackGivenRate: IndicatorKind.RATE,
  feedbackOnTimeRate: IndicatorKind.RATE,
  protectionAssessmentOnTimeRate: IndicatorKind.RATE,
  preliminaryAssessmentOnTimeRate: IndicatorKind.RATE,
  investigationOnTimeRate: IndicatorKind.RATE,
  activeCollaborationCases: IndicatorKind.COUNT_AT_END,
  overduePlanActions: IndicatorKind.COUNT,
  consentWithdrawals: IndicatorKind.COUNT,
  reReportRate6m: IndicatorKind.RATE,
  reReportRate6mComparison: IndicatorKind.RATE,
  reReportRate12m: IndicatorKind.RATE,
  reReportRate12mComparison: IndicatorKind.RATE,
};

/** The effect follow-up's window in months; its cells are shown only once the window has passed for the whole period. */
export const FOLLOW_UP_MONTHS: { readonly [I in Indicator]?: number } = {
  reReportRate6m: 6,
  reReportRate6mComparison: 6,
  reReportRate12m: 12,
  reReportRate12mComparison: 12,
};

export interface Definition {
  readonly sv: string;
  readonly en: string;
}

/** Short names for headings, charts and the CSV. */
export const INDICATOR_NAMES: { readonly [I in Indicator]: Definition } = {
  talkWithinDeadlineRate: { sv: 'Samtal inom områdets frist', en: "Talks within the district's deadline" },
  reportToTalkHoursP50: { sv: 'Anmälan till samtal, median (timmar)', en: 'Report to talk, median (hours)' },
  reportToTalkHoursP90: { sv: 'Anmälan till samtal, 90:e percentil (timmar)', en: 'Report to talk, 90th percentile (hours)' },
  talkDeclinedRate: { sv: 'Samtal avböjda eller inställda', en: 'Talks declined or cancelled' },
  policeAttendanceRate: { sv: 'Polis närvarande vid samtalet', en: 'Police at the talk' },
  feedbackGivenRate: { sv: 'Återkoppling given', en: 'Feedback given' },
  feedbackOnTimeRate: { sv: 'Återkoppling i tid', en: 'Feedback on time' },
  protectionAssessmentOnTimeRate: { sv: 'Skyddsbedömning inom 24 timmar', en: 'Protection assessment within 24 hours' },
  preliminaryAssessmentOnTimeRate: { sv: 'Förhandsbedömning inom 14 dagar', en: 'Preliminary assessment within 14 days' },
  investigationOnTimeRate: { sv: 'Utredning inom 4 månader', en: 'Investigation within 4 months' },
  activeCollaborationCases: { sv: 'Aktiva SSPF/SSFF-ärenden', en: 'Active SSPF/SSFF cases' },
  overduePlanActions: { sv: 'Försenade insatser', en: 'Overdue plan actions' },
  consentWithdrawals: { sv: 'Återkallade samtycken', en: 'Consents withdrawn' },
  reReportRate6m: { sv: 'Ny anmälan inom 6 månader efter samtal', en: 'New report within 6 months after a talk' },
  reReportRate6mComparison: {
    sv: 'Ny anmälan inom 6 månader, utan samtal (jämförelse)',
    en: 'New report within 6 months, no talk (comparison)',
  },
  reReportRate12m: { sv: 'Ny anmälan inom 12 månader efter samtal', en: 'New report within 12 months after a talk' },
  reReportRate12mComparison: {
    sv: 'Ny anmälan inom 12 månader, utan samtal (jämförelse)',
    en: 'New report within 12 months, no talk (comparison)',
  },
};
