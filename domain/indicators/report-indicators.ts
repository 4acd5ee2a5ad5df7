import { LEGAL_CEILINGS } from '../districts/district-policy';

/**
 * Indicators are defined once, here, with their formula in words, so every
 * district measures the same thing (the 48-hour indicator was dropped in 2023
 * because districts counted it differently).
 */
export enum ReportIndicator {
  PROTECTION_ASSESSMENT_ON_TIME = 'PROTECTION_ASSESSMENT_ON_TIME',
  PRELIMINARY_ASSESSMENT_ON_TIME = 'PRELIMINARY_ASSESSMENT_ON_TIME',
  FEEDBACK_GIVEN = 'FEEDBACK_GIVEN',
  FEEDBACK_GIVEN_ON_TIME = 'FEEDBACK_GIVEN_ON_TIME',
}

const { protectionAssessmentHours: PROTECTION, preliminaryAssessmentDays: PRELIMINARY } = LEGAL_CEILINGS;

/**
 * An item still within its limit and not done is pending: neither on time nor late, and outside the denominator.
 * "On time" compares against the law's limit where there is one (a district's stricter setting does not make an
 * item late here), else against the district's setting in force when the report came in.
 */
const PENDING = 'Reports still within the limit and not done are pending: counted in neither.';

export const REPORT_INDICATOR_FORMULAS: { readonly [I in ReportIndicator]: string } = {
  [ReportIndicator.PROTECTION_ASSESSMENT_ON_TIME]:
    `reports received in the period whose protection assessment was recorded within the legal limit (${PROTECTION.max} ${PROTECTION.unit} after receipt, ${PROTECTION.law}) ` +
    `÷ reports received in the period that were assessed or whose limit has passed. ${PENDING}`,
  [ReportIndicator.PRELIMINARY_ASSESSMENT_ON_TIME]:
    `reports received in the period decided within the legal limit (${PRELIMINARY.max} ${PRELIMINARY.unit} after receipt, ${PRELIMINARY.law}) ` +
    `÷ reports received in the period that were decided or whose limit has passed. ${PENDING}`,
  [ReportIndicator.FEEDBACK_GIVEN]:
    'reports received in the period with feedback requested and given ÷ reports received in the period with feedback requested that got it ' +
    "or whose feedback deadline has passed (the law sets none: the district's setting in force when the report came in). " +
    PENDING,
  [ReportIndicator.FEEDBACK_GIVEN_ON_TIME]:
    "reports received in the period with feedback requested and given by the feedback deadline (the law sets none: the district's setting " +
    'in force when the report came in) ÷ reports received in the period with feedback requested that got it or whose deadline has passed. ' +
    PENDING,
};

/** Statistics never single out a child: a cell built from fewer children than this is suppressed. */
export const MIN_CHILDREN_PER_CELL = 5;

export interface IndicatorCounts {
  readonly numerator: number;
  /** Done, or past the limit; pending items are in neither. */
  readonly denominator: number;
  /** Still within the limit and not done. */
  readonly pending: number;
  /** Distinct children behind the denominator. */
  readonly children: number;
}

export interface IndicatorValue {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly pending: number | null;
  readonly suppressed: boolean;
}

export function indicatorValue(counts: IndicatorCounts, minChildren: number = MIN_CHILDREN_PER_CELL): IndicatorValue {
  if (counts.children < minChildren) return { value: null, numerator: null, denominator: null, pending: null, suppressed: true };
  return {
    value: counts.denominator === 0 ? null : counts.numerator / counts.denominator,
    numerator: counts.numerator,
    denominator: counts.denominator,
    pending: counts.pending,
    suppressed: false,
  };
}
