import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReportIndicator } from '../../domain/indicators/report-indicators';

registerEnumType(ReportIndicator, { name: 'ReportIndicator' });

@ObjectType('IndicatorCell', { description: 'One indicator for one district and period. Cells built from fewer than 5 children are suppressed.' })
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

  @Field(() => Int, { nullable: true })
  denominator!: number | null;

  @Field(() => Boolean)
  suppressed!: boolean;

  @Field(() => String, { description: 'The definition, the same for every district.' })
  formula!: string;
}
