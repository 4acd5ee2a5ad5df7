import { Field, ID, InputType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { DateInRange, LIST_MAX, OPTIONAL_TEXT, Text, Uuid } from '../common/validators';
import { ConsentForm, InformationCategory } from './consent.enums';

@InputType()
export class RecordConsentInput {
  @Field(() => ID)
  @Uuid()
  caseId!: string;

  @Field(() => Boolean)
  givenByYouth!: boolean;

  @Field(() => [ID], { description: "The guardians who consented (ids from the child's guardians)." })
  @ArrayMaxSize(10)
  @Uuid({ each: true })
  guardianIds!: string[];

  @Field(() => ConsentForm)
  form!: ConsentForm;

  @Field(() => String, { nullable: true, description: 'Required for oral consent: how and to whom it was given.' })
  @IsOptional()
  @Text(OPTIONAL_TEXT)
  oralNote?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 200, identifying: true })
  documentReference?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Defaults to now.' })
  @IsOptional()
  @DateInRange()
  givenAt?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  @IsOptional()
  @DateInRange()
  endsAt?: Date | null;

  @Field(() => [ID])
  @ArrayMaxSize(LIST_MAX)
  @Uuid({ each: true })
  agencyIds!: string[];

  @Field(() => [InformationCategory])
  @ArrayMaxSize(10)
  categories!: InformationCategory[];
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ID)
  @Uuid()
  consentId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(OPTIONAL_TEXT)
  note?: string | null;
}
