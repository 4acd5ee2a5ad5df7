import { Field, ID, ObjectType } from 'type-graphql';
import { AgencyKind } from '../common/enums';
import { DistrictType } from '../districts';

@ObjectType('Agency', { description: 'A school, social services office, police area, leisure organisation or the municipality.' })
export class AgencyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field(() => Boolean, { description: 'False for private associations, which never see crime data.' })
  isPublicAuthority!: boolean;

  @Field(() => [DistrictType], { description: 'The districts the agency works in; its users see these.' })
  districts?: DistrictType[];

  @Field(() => Boolean, {
    description:
      'Its staff have the duty to report concerns about children (SoL 14:1), and so are owed feedback on their reports. ' +
      'Schools, social services, police and health care have it; a private association does not, by default.',
  })
  dutyToReport!: boolean;
}
