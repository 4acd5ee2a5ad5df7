import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { IndicatorCellType } from '../../schema/indicators/indicator.type';
import { RequestContext, requireScope } from '../context';
import { reportIndicatorCells } from './indicators.service';

@Resolver(() => IndicatorCellType)
export class IndicatorsResolver {
  @Query(() => [IndicatorCellType], { description: 'Analysts (whole municipality) and supervisors (own districts): concern-report indicators. Aggregates only.' })
  reportIndicators(
    @Arg('from', () => GraphQLDateTime) from: Date,
    @Arg('to', () => GraphQLDateTime) to: Date,
    @Ctx() context: RequestContext,
  ) {
    return reportIndicatorCells(context.db.manager, requireScope(context), from, to);
  }
}
