import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';

@ObjectType('ParkedEmail', {
  description:
    'An e-mail whose attempts all failed. The reconciler retries it an hour after parking (3 rounds); an administrator can retry it at once.',
})
export class ParkedEmailType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The staff member it is for.' })
  recipientEmail!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => Int, { description: 'Attempts in the last round.' })
  attempts!: number;

  @Field(() => Int, { description: 'Rounds of attempts given after parking.' })
  retryRound!: number;

  @Field(() => String, { nullable: true, description: 'What the mail server said last.' })
  lastError!: string | null;

  @Field(() => GraphQLDateTime)
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  parkedAt!: Date | null;
}
