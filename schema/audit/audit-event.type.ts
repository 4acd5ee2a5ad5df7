import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { LegalBasis } from '../common/enums';
import { AgencyType, StaffMemberType } from '../organisation';

@ObjectType('AuditEvent', {
  description: 'One read or write of personal data: who, which child, what, when, on which basis, allowed or denied.',
})
export class AuditEventType {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLDateTime, { nullable: true })
  occurredAt!: Date | null;

  @Field(() => StaffMemberType, { nullable: true })
  actor?: StaffMemberType | null;

  @Field(() => AgencyType, { nullable: true })
  actorAgency?: AgencyType | null;

  @Field(() => [String], { nullable: true })
  actorRoles!: string[] | null;

  @Field(() => String, { nullable: true, description: 'READ, CREATE, UPDATE or SYSTEM.' })
  action!: string | null;

  @Field(() => String, { nullable: true })
  entityType!: string | null;

  @Field(() => String, { nullable: true })
  entityId!: string | null;

  @Field(() => ID, { nullable: true })
  childId!: string | null;

  @Field(() => [String], { nullable: true })
  fields!: string[] | null;

  @Field(() => LegalBasis, { nullable: true })
  legalBasis!: LegalBasis | null;

  @Field(() => ID, { nullable: true, description: "The consent a partner's read or write rested on." })
  consentId!: string | null;

  @Field(() => String, { nullable: true, description: 'ALLOWED or DENIED.' })
  outcome!: string | null;

  @Field(() => String, { nullable: true })
  requestId!: string | null;
}
