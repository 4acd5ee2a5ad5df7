import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DistrictPolicy } from '../../domain/districts/district-policy';
import '../common/enums';
import '../talks';
import { DISTRICT_SETTING_FIELDS, settingType } from './district-settings.fields';

@ObjectType('AgeBand')
export class AgeBandType {
  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;
}

@ObjectType('DistrictPolicy', { description: 'Every legal and local number the district applies, with its version.' })
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface below
export class DistrictPolicyType {
  @Field(() => Int, { description: 'Deadlines remember the version they were computed with.' })
  version!: number;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the settings' fields are added below, from their declarations
export interface DistrictPolicyType extends DistrictPolicy {}

for (const [key, api] of DISTRICT_SETTING_FIELDS) {
  Field(settingType(api, { AgeBand: AgeBandType }), { nullable: api.nullable, description: api.description })(
    DistrictPolicyType.prototype,
    key,
  );
}

@ObjectType('District', { description: 'A stadsdel or stadsområde: the unit whose policy applies.' })
export class DistrictType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DistrictPolicyType)
  policy?: DistrictPolicyType;
}
