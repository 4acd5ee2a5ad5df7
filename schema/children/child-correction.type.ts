import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { IsOptional } from 'class-validator';
import { NAME, Text, Uuid } from '../common/validators';

@ObjectType('ChildCorrection', { description: "One corrected value of a child's identity, with the value it replaced (GDPR art. 16)." })
export class ChildCorrectionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'givenName, familyName, personalIdentityNumber or birthDate (which follows the number).',
  })
  field?: string | null;

  @Field(() => String, { nullable: true })
  oldValue?: string | null;

  @Field(() => String, { nullable: true })
  newValue?: string | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  correctedAt?: Date | null;
}

@InputType()
export class CorrectChildInput {
  @Field(() => ID)
  @Uuid()
  childId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(NAME)
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(NAME)
  familyName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 20, identifying: true })
  personalIdentityNumber?: string | null;

  @Field(() => String, { description: 'Why the value was wrong (the guardian showed a passport, the Tax Agency register).' })
  @Text({ min: 5, max: 1000, multiline: true })
  reason!: string;
}
