import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PeriodUnit } from '../../domain/indicators/indicator-period';
import { ReportIndicator } from '../../domain/indicators/report-indicators';
import { Text } from '../common/validators';

registerEnumType(ReportIndicator, { name: 'ReportIndicator' });
registerEnumType(PeriodUnit, { name: 'PeriodUnit', description: "Whole calendar periods in the district's time zone." });

@InputType({
  description:
    'Whole calendar months, quarters or years, both ends included: { unit: MONTH, from: "2026-01", to: "2026-06" } is January to June.',
})
export class IndicatorPeriodInput {
  @Field(() => PeriodUnit)
  unit!: PeriodUnit;

  @Field(() => String, { description: 'The first period: 2026-01 (MONTH), 2026-Q1 (QUARTER) or 2026 (YEAR).' })
  @Text({ min: 1, max: 20 })
  from!: string;

  @Field(() => String, { description: 'The last period, included; at most 36 months after the first one starts.' })
  @Text({ min: 1, max: 20 })
  to!: string;
}

@ObjectType('IndicatorCell', {
  description: 'One indicator for one district and period. Cells built from fewer than 5 children are suppressed.',
})
export class IndicatorCellType {
  @Field(() => ReportIndicator)
  indicator!: ReportIndicator;

  @Field(() => ID)
  districtId!: string;

  @Field(() => String)
  districtName!: string;

  @Field(() => Float, { nullable: true, description: 'numerator ÷ denominator; null when suppressed or empty.' })
  value!: number | null;

  @Field(() => Int, { nullable: true })
  numerator!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Items done, or past their limit; pending items are not counted. Null when suppressed.',
  })
  denominator!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Items still within their limit and not done: neither on time nor late. Null when suppressed.',
  })
  pending!: number | null;

  @Field(() => Boolean)
  suppressed!: boolean;

  @Field(() => String, {
    description: 'The definition, the same for every district: which limit "on time" compares against, and what is pending.',
  })
  formula!: string;
}
