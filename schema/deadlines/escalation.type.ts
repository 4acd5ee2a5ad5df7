import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DeadlineKind } from '../common/enums';
import { StaffMemberType } from '../organisation';

@ObjectType('Escalation', {
  description: "A clock that ran out without action and was escalated to the district's supervisors; gone once it is met.",
})
export class EscalationType {
  @Field(() => ID, { description: 'The deadline.' })
  id!: string;

  @Field(() => DeadlineKind, { nullable: true, description: 'Why: which clock ran out.' })
  kind!: DeadlineKind | null;

  @Field(() => String, { nullable: true, description: 'The report (OA-…) or talk (SA-…) reference.' })
  reference!: string | null;

  @Field(() => ID, { nullable: true, description: 'The report, when the clock is a report’s.' })
  reportId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The talk, when the clock is a talk’s or its summons’.' })
  talkId?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  dueAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Since when: the escalation fired.' })
  escalatedAt!: Date | null;

  @Field(() => Int, { nullable: true })
  escalationLevel!: number | null;

  @Field(() => StaffMemberType, { nullable: true, description: 'Who is responsible now; null while nobody is.' })
  responsible?: StaffMemberType | null;
}
