import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PeriodUnit } from '../../domain/indicators/indicator-period';
import { Indicator } from '../../domain/indicators/indicators';
import { Text } from '../common/validators';

registerEnumType(Indicator, {
  name: 'Indicator',
  description: 'The indicators of DOMAIN.md §5, one definition each (README: Indicators).',
});
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
  description:
    'One indicator for one district (or all together) and one whole calendar period. A month built from 1–4 children is hidden, ' +
    'and so is every cell that contains such a month: no set of answers can reveal a hidden value.',
})
export class IndicatorCellType {
  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => ID, { nullable: true, description: 'Null: every district the viewer sees, together.' })
  districtId!: string | null;

  @Field(() => String)
  districtName!: string;

  @Field(() => String, { description: 'The calendar period: 2026-01, 2026-Q1 or 2026.' })
  period!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'numerator ÷ denominator for rates, hours for reportToTalkHours, the count for counts; null when suppressed, empty or not yet due.',
  })
  value!: number | null;

  @Field(() => Int, { nullable: true })
  numerator!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Items done, or past their limit; pending items are not counted. Null when suppressed and for counts.',
  })
  denominator!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Items still within their limit and not done: neither on time nor late. Null when suppressed.',
  })
  pending!: number | null;

  @Field(() => Boolean)
  suppressed!: boolean;

  @Field(() => Boolean, { description: 'Effect follow-up: its window has not passed for the whole period, so there is no value yet.' })
  windowOpen!: boolean;

  @Field(() => String, { description: 'The definition in plain Swedish, the same for every district.' })
  definitionSv!: string;

  @Field(() => String, { description: 'The definition in plain English, the same for every district.' })
  definitionEn!: string;
}
