import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../common/enums';
import { DistrictType } from '../districts';
import { AgencyType } from './agency.type';

@ObjectType('Viewer', { description: 'The signed-in user.' })
export class ViewerType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => AgencyType)
  agency?: AgencyType;

  @Field(() => [DistrictType])
  districts?: DistrictType[];
}
