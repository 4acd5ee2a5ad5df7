import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { reportIndicatorCounts } from '../../db/indicators/indicator.repository';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { Role } from '../../domain/access/roles';
import { indicatorValue, REPORT_INDICATOR_FORMULAS, ReportIndicator } from '../../domain/indicators/report-indicators';
import { IndicatorCellType } from '../../schema/indicators/indicator.type';
import { RequestContext, requireScope } from '../context';
import { checkPeriod } from '../period';

const MAX_PERIOD_DAYS = 3 * 366;

@Resolver(() => IndicatorCellType)
export class IndicatorsResolver {
  @Query(() => [IndicatorCellType], { description: 'Analysts (whole municipality) and supervisors (own districts): concern-report indicators. Aggregates only.' })
  async reportIndicators(
    @Arg('from', () => GraphQLDateTime) from: Date,
    @Arg('to', () => GraphQLDateTime) to: Date,
    @Ctx() context: RequestContext,
  ) {
    checkPeriod(from, to, MAX_PERIOD_DAYS);
    const scope = requireScope(context);
    const manager = context.deps.dataSource.manager;
    const districtIds = scope.roles.has(Role.ANALYST)
      ? await organisationRepository.districtIdsOfMunicipality(manager, scope.municipalityId)
      : [...scope.districtIds];
    const districts = await reportIndicatorCounts(manager, districtIds, from, to);
    return districts.flatMap((d) => Object.values(ReportIndicator).map((indicator) => ({
      indicator, districtId: d.districtId, districtName: d.districtName, municipalityId: scope.municipalityId,
      formula: REPORT_INDICATOR_FORMULAS[indicator], ...indicatorValue(d.counts[indicator]),
    })));
  }
}
