import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, Length, MaxLength } from 'class-validator';

@InputType()
export class CreateChildInput {
  @Field(() => String, { nullable: true, description: 'Personnummer or samordningsnummer, 10 or 12 digits.' })
  @IsOptional()
  @MaxLength(20)
  personalIdentityNumber?: string | null;

  @Field(() => String)
  @Length(1, 200)
  givenName!: string;

  @Field(() => String)
  @Length(1, 200)
  familyName!: string;

  @Field(() => ID)
  @IsUUID()
  districtId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schoolAgencyId?: string | null;
}

@InputType()
export class UpdateChildInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  givenName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  familyName?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schoolAgencyId?: string | null;
}

@InputType()
export class AddGuardianInput {
  @Field(() => ID)
  @IsUUID()
  childId!: string;

  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Phone, e-mail or address.' })
  @IsOptional()
  @MaxLength(500)
  contact?: string | null;

  @Field(() => String, { description: 'For example mother, father, appointed custodian.' })
  @Length(1, 100)
  relation!: string;
}
