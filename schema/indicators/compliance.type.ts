import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DeadlineKind } from '../common/enums';

@ObjectType('ComplianceLateItem', { description: 'A clock not met by its limit: the report by reference, never a name.' })
export class ComplianceLateItemType {
  @Field(() => String)
  reference!: string;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null: still not done.' })
  doneAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The recorded reason (an exceptional reason, or the extension's); null when none was recorded.",
  })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  reasonText!: string | null;
}

@ObjectType('ComplianceRow', {
  description: 'One district, month and clock for supervision (the committee, IVO): the clocks that fell due, met or late.',
})
export class ComplianceRowType {
  @Field(() => ID)
  districtId!: string;

  @Field(() => String)
  districtName!: string;

  @Field(() => String, { description: 'The calendar month the clocks fell due in: 2026-11.' })
  month!: string;

  @Field(() => DeadlineKind)
  clock!: DeadlineKind;

  @Field(() => Int)
  fellDue!: number;

  @Field(() => Int)
  met!: number;

  @Field(() => Int)
  late!: number;

  @Field(() => Float, { nullable: true, description: 'met ÷ fell due; null when none fell due.' })
  shareMet!: number | null;

  @Field(() => [ComplianceLateItemType])
  lateItems!: ComplianceLateItemType[];
}
