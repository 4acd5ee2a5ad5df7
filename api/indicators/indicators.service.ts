import { EntityManager } from 'typeorm';
import { DistrictPeriod, reportIndicatorCounts } from '../../db/indicators/indicator.repository';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { Role } from '../../domain/access/roles';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { BadInput } from '../../domain/errors';
import { isPeriodProblem, monthRange, MonthRange, periodBounds, PeriodUnit } from '../../domain/indicators/indicator-period';
import { indicatorValue, REPORT_INDICATOR_FORMULAS, ReportIndicator } from '../../domain/indicators/report-indicators';

export interface IndicatorCellRow {
  readonly indicator: ReportIndicator;
  readonly districtId: string;
  readonly districtName: string;
  readonly municipalityId: string;
  readonly formula: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly pending: number | null;
  readonly suppressed: boolean;
}

export interface CalendarPeriod {
  readonly unit: PeriodUnit;
  readonly from: string;
  readonly to: string;
}

/** The period as whole months, or BAD_USER_INPUT naming the part to fix; `argument` is where the period arrived, if in one. */
export function checkCalendarPeriod(period: CalendarPeriod, argument: string | null): MonthRange {
  const range = monthRange(period.unit, period.from, period.to);
  if (!isPeriodProblem(range)) return range;
  const field = (part: 'from' | 'to') => (argument ? `${argument}.${part}` : part);
  switch (range.kind) {
    case 'FORMAT': {
      const en = range.field === 'from' ? 'the first period' : 'the last period';
      const sv = range.field === 'from' ? 'första perioden' : 'sista perioden';
      throw new BadInput(field(range.field), `Write ${en} like ${range.example}.`, `Skriv ${sv} som ${range.example}.`);
    }
    case 'TO_BEFORE_FROM':
      throw new BadInput(field('to'), 'The last period cannot come before the first.', 'Sista perioden kan inte komma före den första.');
    case 'TOO_LONG':
      throw new BadInput(field('to'), `Choose at most ${range.maxMonths} months.`, `Välj högst ${range.maxMonths} månader.`);
  }
}

/**
 * The cells of `reportIndicators` and of the CSV export: analysts see the municipality, supervisors their districts.
 * Each district's period runs from local midnight to local midnight in its own time zone.
 */
export async function reportIndicatorCells(
  manager: EntityManager,
  scope: ViewerScope,
  range: MonthRange,
  now: Date,
): Promise<IndicatorCellRow[]> {
  const districts = scope.roles.has(Role.ANALYST)
    ? await organisationRepository.districtsOfMunicipality(manager, scope.municipalityId)
    : await organisationRepository.districtsByIds(manager, [...scope.districtIds]);
  const policies = await organisationRepository.policiesByKeys(
    manager,
    districts.map((d) => ({ districtId: d.id, version: d.policyVersion })),
  );
  const periods: DistrictPeriod[] = policies.map((p) => ({ districtId: p.districtId, ...periodBounds(range, p.settings.timeZone) }));
  const counts = await reportIndicatorCounts(manager, periods, now);
  return counts.flatMap((d) =>
    Object.values(ReportIndicator).map((indicator) => ({
      indicator,
      districtId: d.districtId,
      districtName: d.districtName,
      municipalityId: scope.municipalityId,
      formula: REPORT_INDICATOR_FORMULAS[indicator],
      ...indicatorValue(d.counts[indicator]),
    })),
  );
}
