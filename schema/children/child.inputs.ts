import { Field, ID, InputType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { NAME, Text, Uuid } from '../common/validators';

@InputType()
export class CreateChildInput {
  @Field(() => String, { nullable: true, description: 'Personnummer or samordningsnummer, 10 or 12 digits.' })
  @IsOptional()
  @Text({ max: 20, identifying: true })
  personalIdentityNumber?: string | null;

  @Field(() => String)
  @Text(NAME)
  givenName!: string;

  @Field(() => String)
  @Text(NAME)
  familyName!: string;

  @Field(() => ID)
  @Uuid()
  districtId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Uuid()
  schoolAgencyId?: string | null;
}

@InputType()
export class UpdateChildInput {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(NAME)
  givenName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(NAME)
  familyName?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Uuid()
  districtId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Uuid()
  schoolAgencyId?: string | null;
}

@InputType()
export class AddGuardianInput {
  @Field(() => ID)
  @Uuid()
  childId!: string;

  @Field(() => String)
  @Text(NAME)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Phone, e-mail or address.' })
  @IsOptional()
  @Text({ max: 500, multiline: true, identifying: true })
  contact?: string | null;

  @Field(() => String, { description: 'For example mother, father, appointed custodian.' })
  @Text({ min: 1, max: 100 })
  relation!: string;
}

@InputType({ description: 'Links a report by name only to a child already registered; the provisional record is merged into it.' })
export class LinkReportToChildInput {
  @Field(() => ID)
  @Uuid()
  reportId!: string;

  @Field(() => ID)
  @Uuid()
  childId!: string;
}

@InputType({
  description: 'Two records of the same child: everything moves to the kept one; the other stays as a tombstone pointing to it.',
})
export class MergeChildrenInput {
  @Field(() => ID)
  @Uuid()
  keptChildId!: string;

  @Field(() => ID)
  @Uuid()
  mergedChildId!: string;
}
