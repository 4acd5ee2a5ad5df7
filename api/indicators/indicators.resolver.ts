import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { IndicatorCellType, IndicatorPeriodInput } from '../../schema/indicators/indicator.type';
import { RequestContext, requireScope } from '../context';
import { checkCalendarPeriod, reportIndicatorCells } from './indicators.service';

@Resolver(() => IndicatorCellType)
export class IndicatorsResolver {
  @Query(() => [IndicatorCellType], {
    description:
      'Analysts (whole municipality) and supervisors (own districts): concern-report indicators over whole calendar periods. Aggregates only.',
  })
  reportIndicators(@Arg('period', () => IndicatorPeriodInput) period: IndicatorPeriodInput, @Ctx() context: RequestContext) {
    const range = checkCalendarPeriod(period, 'period');
    return reportIndicatorCells(context.db.manager, requireScope(context), range, context.deps.clock.now());
  }
}
