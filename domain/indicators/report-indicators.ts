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

export const REPORT_INDICATOR_FORMULAS: { readonly [I in ReportIndicator]: string } = {
  [ReportIndicator.PROTECTION_ASSESSMENT_ON_TIME]:
    'reports received in the period whose protection assessment was recorded by its deadline ÷ reports received in the period',
  [ReportIndicator.PRELIMINARY_ASSESSMENT_ON_TIME]:
    'reports received in the period decided by the preliminary-assessment deadline ÷ reports received in the period',
  [ReportIndicator.FEEDBACK_GIVEN]:
    'reports received in the period with feedback requested and given ÷ reports received in the period with feedback requested',
  [ReportIndicator.FEEDBACK_GIVEN_ON_TIME]:
    'reports received in the period with feedback requested and given by the feedback deadline ÷ reports received in the period with feedback requested',
};

/** Statistics never single out a child: a cell built from fewer children than this is suppressed. */
export const MIN_CHILDREN_PER_CELL = 5;

export interface IndicatorCounts {
  readonly numerator: number;
  readonly denominator: number;
  /** Distinct children behind the denominator. */
  readonly children: number;
}

export interface IndicatorValue {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly suppressed: boolean;
}

export function indicatorValue(counts: IndicatorCounts, minChildren: number = MIN_CHILDREN_PER_CELL): IndicatorValue {
  if (counts.children < minChildren) return { value: null, numerator: null, denominator: null, suppressed: true };
  return {
    value: counts.denominator === 0 ? null : counts.numerator / counts.denominator,
    numerator: counts.numerator,
    denominator: counts.denominator,
    suppressed: false,
  };
}
