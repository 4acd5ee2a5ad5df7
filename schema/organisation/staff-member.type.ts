import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('StaffMember', { description: 'A colleague, as shown inside social services.' })
export class StaffMemberType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;
}
