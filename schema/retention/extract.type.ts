import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ExtractPartDecision, SecrecyMark } from '../../domain/retention/extract-rules';

registerEnumType(SecrecyMark, { name: 'SecrecyMark', description: 'Why a part of a register extract waits for the secrecy review.' });
registerEnumType(ExtractPartDecision, { name: 'ExtractPartDecision' });

@ObjectType('RegisterExtractPart', {
  description: 'One part of a register extract: what one module holds, its secrecy marks and the decision.',
})
export class RegisterExtractPartType {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  title!: string;

  @Field(() => [SecrecyMark], { nullable: true })
  marks?: SecrecyMark[] | null;

  @Field(() => Int, { nullable: true })
  rowCount?: number | null;

  @Field(() => String, { nullable: true, description: 'The records as JSON, for the reviewer.' })
  content?: string | null;

  @Field(() => ExtractPartDecision, { nullable: true })
  decision?: ExtractPartDecision | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  decidedAt?: Date | null;
}

@ObjectType('RegisterExtract', { description: "A child's register extract (GDPR art. 15), handed out only when every part is decided." })
export class RegisterExtractType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  childId!: string;

  @Field(() => GraphQLDateTime, { nullable: true })
  requestedAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Every part released or withheld: the extract can be downloaded.' })
  ready?: boolean | null;

  @Field(() => [RegisterExtractPartType], { nullable: true })
  parts?: RegisterExtractPartType[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The extract as JSON: released parts with their records, withheld parts with their reason only. Refused before the review.',
  })
  document?: string | null;
}
