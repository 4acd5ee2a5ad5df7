import { ArrayMaxSize, ArrayMinSize, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AgencyKind, Role } from '../common/enums';
import { NAME, Text, Uuid } from '../common/validators';

@InputType()
export class CreateAgencyInput {
  @Field(() => String)
  @Text(NAME)
  name!: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field(() => Boolean, { description: 'False for private associations: they never see crime data.' })
  isPublicAuthority!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether its staff have the duty to report (SoL 14:1); by default, a public authority does and a private association does not.',
  })
  @IsOptional()
  dutyToReport?: boolean | null;

  @Field(() => [ID], { description: 'The districts the agency works in.' })
  @ArrayMaxSize(100)
  @Uuid({ each: true })
  districtIds!: string[];
}

@InputType()
export class SetAgencyDistrictsInput {
  @Field(() => ID)
  @Uuid()
  agencyId!: string;

  @Field(() => [ID])
  @ArrayMaxSize(100)
  @Uuid({ each: true })
  districtIds!: string[];
}

@InputType({ description: "Records whether an agency's staff have the duty to report, which their right to feedback follows." })
export class SetAgencyDutyToReportInput {
  @Field(() => ID)
  @Uuid()
  agencyId!: string;

  @Field(() => Boolean)
  dutyToReport!: boolean;
}

@InputType()
export class CreateUserInput {
  @Field(() => ID)
  @Uuid()
  agencyId!: string;

  @Field(() => String, { description: 'Work e-mail; the first sign-in binds the account when the identity provider vouches for it.' })
  @Text({ min: 3, max: 254, identifying: true })
  email!: string;

  @Field(() => String)
  @Text(NAME)
  displayName!: string;

  @Field(() => [Role])
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  roles!: Role[];
}

@InputType({ description: "Another agency's case system that sends reports by API (OAuth2 client credentials)." })
export class RegisterIntakeClientInput {
  @Field(() => ID, { description: 'The one agency the client sends for (police, school or leisure).' })
  @Uuid()
  agencyId!: string;

  @Field(() => String, {
    description: "The `sub` claim of the client's access tokens, as the identity provider issues them (often the client id).",
  })
  @Text({ min: 3, max: 200 })
  subject!: string;

  @Field(() => String, { description: 'The system, as administrators and the audit log name it, e.g. "Polisen DurTvå".' })
  @Text(NAME)
  displayName!: string;
}

@InputType()
export class SetUserRolesInput {
  @Field(() => ID)
  @Uuid()
  userId!: string;

  @Field(() => [Role])
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'Move the user to this agency (and so its districts).' })
  @IsOptional()
  @Uuid()
  agencyId?: string | null;
}

@InputType()
export class CreateDistrictInput {
  @Field(() => String, { description: 'A short stable code, like "hisingen".' })
  @Text({ min: 1, max: 40 })
  code!: string;

  @Field(() => String)
  @Text(NAME)
  name!: string;
}
