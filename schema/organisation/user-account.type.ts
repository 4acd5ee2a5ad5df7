import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Role } from '../common/enums';
import { AgencyType } from './agency.type';

@ObjectType('UserAccount', { description: 'A user as administrators manage it.' })
export class UserAccountType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The e-mail the identity provider must vouch for (email_verified) at the first sign-in.' })
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => AgencyType)
  agency?: AgencyType;

  @Field(() => Boolean, { description: "Whether a sign-in has bound the identity provider's subject to this account." })
  signedIn!: boolean;

  @Field(() => GraphQLDateTime, { nullable: true })
  disabledAt!: Date | null;
}
