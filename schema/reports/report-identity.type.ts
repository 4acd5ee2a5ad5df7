import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum IdentityStatus {
  CONFIRMED = 'CONFIRMED',
  /** A report by name only: social services link it to a child or confirm a new one. */
  UNCONFIRMED = 'UNCONFIRMED',
}

registerEnumType(IdentityStatus, { name: 'IdentityStatus', description: "Whether the report's child is confirmed as one record." });

@ObjectType('IdentityMismatch', { description: "A personal identity number sent with a name other than the record's." })
export class IdentityMismatchType {
  @Field(() => String, { nullable: true, description: 'Name and number as the reporter sent them.' })
  sent!: string | null;

  @Field(() => String, { nullable: true, description: "The registered child's name when the report came in." })
  recordName!: string | null;
}
