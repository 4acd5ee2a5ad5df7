import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';

@ObjectType('LegalHold', { description: "A legal hold: the child's (or one case's) records are not swept until it is lifted." })
export class LegalHoldType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  childId!: string;

  @Field(() => ID, { nullable: true, description: 'Set when the hold is on one collaboration case only.' })
  caseId?: string | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  placedAt?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  liftedAt?: Date | null;

  @Field(() => String, { nullable: true })
  liftReason?: string | null;
}

@ObjectType('RetentionCount')
export class RetentionCountType {
  @Field(() => String, { description: 'REPORT_NO_INVESTIGATION, REPORT_INVESTIGATION, …' })
  recordType!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('RetentionRun', { description: "One night's retention run in one district: counts by record type, no personal data." })
export class RetentionRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  districtId!: string;

  @Field(() => String, { description: 'The calendar day of the run (YYYY-MM-DD).' })
  runDate!: string;

  @Field(() => GraphQLDateTime)
  startedAt!: Date;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'Empty while running, or when the run was stopped; the next start resumes it.',
  })
  finishedAt?: Date | null;

  @Field(() => [RetentionCountType])
  counts!: RetentionCountType[];
}
