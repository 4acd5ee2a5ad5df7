import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DeadlineKind, DeadlineStatus } from '../common/enums';

@ObjectType('Deadline', { description: 'A legal clock on a case; the district policy version it was computed with is kept.' })
export class DeadlineType {
  @Field(() => ID)
  id!: string;

  @Field(() => DeadlineKind, { nullable: true })
  kind!: DeadlineKind | null;

  @Field(() => String, { nullable: true, description: 'What the clock runs on, by its reference (OA-…, SA-…): never a name.' })
  subjectReference!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  startsAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  dueAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  metAt!: Date | null;

  @Field(() => DeadlineStatus, { nullable: true })
  status?: DeadlineStatus | null;

  @Field(() => Int, { nullable: true })
  policyVersion!: number | null;

  @Field(() => Int, { nullable: true, description: '0 until the breach is escalated to the supervisors.' })
  escalationLevel!: number | null;
}
