import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { IndicatorCellType, IndicatorPeriodInput } from '../../schema/indicators/indicator.type';
import { ComplianceRowType } from '../../schema/indicators/compliance.type';
import { complianceRows } from './compliance.service';
import { RequestContext, requireScope } from '../context';
import { checkCalendarPeriod, indicatorCells } from './indicators.service';

@Resolver(() => IndicatorCellType)
export class IndicatorsResolver {
  @Query(() => [IndicatorCellType], {
    description:
      'Analysts (whole municipality) and supervisors (own districts): one cell per indicator, district and whole calendar period of the unit, ' +
      'plus one for all districts together. Aggregates only; a cell made of a hidden month is hidden too.',
  })
  indicators(@Arg('period', () => IndicatorPeriodInput) period: IndicatorPeriodInput, @Ctx() context: RequestContext) {
    const range = checkCalendarPeriod(period, 'period');
    return indicatorCells(context.db.manager, requireScope(context), period, range, context.deps.clock.now());
  }

  @Query(() => [ComplianceRowType], {
    description:
      'Supervisors (own districts), for the committee and IVO: per month and clock, every protection assessment, preliminary assessment, ' +
      'investigation and feedback clock that fell due, met or late with its recorded reason; the late ones by reference, never by name.',
  })
  complianceReport(@Arg('period', () => IndicatorPeriodInput) period: IndicatorPeriodInput, @Ctx() context: RequestContext) {
    const range = checkCalendarPeriod(period, 'period');
    return complianceRows(context.db.manager, requireScope(context), range, context.deps.clock.now());
  }
}
