import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AgencyType } from './agency.type';

@ObjectType('StaffMember', { description: 'A colleague, as shown inside social services.' })
export class StaffMemberType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => AgencyType, { nullable: true, description: 'Where the colleague works: partners at a meeting see who comes from where.' })
  agency?: AgencyType | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Load when choosing whom to assign: reports in your districts they are responsible for that are still open.',
  })
  openReports?: number | null;

  @Field(() => Int, { nullable: true, description: 'Load: talks in your districts they are responsible for, not yet held or ended.' })
  openTalks?: number | null;
}
