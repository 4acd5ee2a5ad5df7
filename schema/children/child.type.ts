import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CollaborationCaseType } from '../collaboration';
import { ConnectionType } from '../common/page.type';
import { DistrictType } from '../districts';
import { AgencyType } from '../organisation';

@ObjectType('Guardian', { description: 'Vårdnadshavare: a legal custodian of the child.' })
export class GuardianType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  contact!: string | null;

  @Field(() => String, { nullable: true })
  relation!: string | null;
}

@ObjectType('Child')
export class ChildType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: '12 digits; null when unknown.' })
  personalIdentityNumber!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True for a samordningsnummer.' })
  isCoordinationNumber!: boolean | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  birthDate!: string | null;

  @Field(() => Int, { nullable: true, description: "Age today in the district's time zone." })
  age?: number | null;

  @Field(() => String, { nullable: true })
  givenName!: string | null;

  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Field(() => DistrictType, { nullable: true })
  district?: DistrictType | null;

  @Field(() => AgencyType, { nullable: true })
  school?: AgencyType | null;

  @Field(() => [GuardianType], { nullable: true })
  guardians?: GuardianType[] | null;

  @Field(() => [CollaborationCaseType], { nullable: true, description: "SSPF/SSFF cases; each answers to the case's own policy." })
  collaborationCases?: CollaborationCaseType[] | null;

  // The child page's lists. Their fields come from the reports, talks and deadlines modules' field resolvers
  // (`Child.reports`, `Child.talks`, `Child.openDeadlines`): those types import this one, so they are not declared here.
  reports?: readonly object[] | null;
  talks?: readonly object[] | null;
  openDeadlines?: readonly object[] | null;
}

export const ChildConnection = ConnectionType('Child', ChildType);
