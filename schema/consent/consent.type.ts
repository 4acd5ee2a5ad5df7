import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { AgencyType, StaffMemberType } from '../organisation';
import { ConsentForm, InformationCategory } from './consent.enums';

@ObjectType('Consent', { description: 'Samtycke: who gave it, in which form, for which agencies and information, and for how long.' })
export class ConsentType {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean, { nullable: true })
  givenByYouth!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'How many guardians consented.' })
  guardianCount?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Every person the model and the age require has consented.' })
  complete!: boolean | null;

  @Field(() => ConsentForm, { nullable: true })
  form!: ConsentForm | null;

  @Field(() => String, { nullable: true, description: 'How an oral consent was given.' })
  oralNote!: string | null;

  @Field(() => String, { nullable: true })
  documentReference!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  givenAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  endsAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => [AgencyType], { nullable: true })
  agencies?: AgencyType[] | null;

  @Field(() => [InformationCategory], { nullable: true })
  categories!: InformationCategory[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Holds now: complete, given, not ended, not withdrawn.' })
  valid?: boolean | null;

  @Field(() => StaffMemberType, { nullable: true })
  recordedBy?: StaffMemberType | null;
}
