import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import type { DistrictPolicy } from '../../domain/districts/district-policy';
import '../common/enums';
import '../talks';
import { Text, Uuid } from '../common/validators';
import { DISTRICT_SETTING_FIELDS, settingType } from './district-settings.fields';

@InputType('AgeBandInput')
export class AgeBandInput {
  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;
}

/** Omitted fields keep their current value. The domain validates the result as a whole. */
@InputType()
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface below
export class UpdateDistrictPolicyInput {
  @Field(() => ID)
  @Uuid()
  districtId!: string;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the settings' fields are added below, from their declarations
export interface UpdateDistrictPolicyInput extends Partial<DistrictPolicy> {}

for (const [key, api] of DISTRICT_SETTING_FIELDS) {
  const at = UpdateDistrictPolicyInput.prototype;
  if (api.text) Text(api.text, api.list ? { each: true } : undefined)(at, key);
  if (api.maxItems !== undefined) ArrayMaxSize(api.maxItems)(at, key);
  IsOptional()(at, key);
  Field(settingType(api, { AgeBand: AgeBandInput }), { nullable: true })(at, key);
}
