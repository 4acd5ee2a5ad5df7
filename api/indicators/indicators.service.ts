import { EntityManager } from 'typeorm';
import { reportIndicatorCounts } from '../../db/indicators/indicator.repository';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { Role } from '../../domain/access/roles';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { indicatorValue, REPORT_INDICATOR_FORMULAS, ReportIndicator } from '../../domain/indicators/report-indicators';
import { checkPeriod } from '../period';

const MAX_PERIOD_DAYS = 3 * 366;

export interface IndicatorCellRow {
  readonly indicator: ReportIndicator;
  readonly districtId: string;
  readonly districtName: string;
  readonly municipalityId: string;
  readonly formula: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly suppressed: boolean;
}

/** The cells of `reportIndicators` and of the CSV export: analysts see the municipality, supervisors their districts. */
export async function reportIndicatorCells(manager: EntityManager, scope: ViewerScope, from: Date, to: Date): Promise<IndicatorCellRow[]> {
  checkPeriod(from, to, MAX_PERIOD_DAYS);
  const districtIds = scope.roles.has(Role.ANALYST)
    ? await organisationRepository.districtIdsOfMunicipality(manager, scope.municipalityId)
    : [...scope.districtIds];
  const districts = await reportIndicatorCounts(manager, districtIds, from, to);
  return districts.flatMap((d) => Object.values(ReportIndicator).map((indicator) => ({
    indicator, districtId: d.districtId, districtName: d.districtName, municipalityId: scope.municipalityId,
    formula: REPORT_INDICATOR_FORMULAS[indicator], ...indicatorValue(d.counts[indicator]),
  })));
}
