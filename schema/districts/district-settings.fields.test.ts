import 'reflect-metadata';
import { validate } from 'class-validator';
import { isNonNullType } from 'graphql';
import { buildAppSchema } from '../../api/schema';
import { REGISTRY } from '../../app/registry';
import { DISTRICT_SETTINGS } from '../../platform/districts/district-settings';
import { UpdateDistrictPolicyInput } from './district.inputs';

/** The district settings reach the API from their declarations in domain/<module>/<module>.settings.ts. */

const settings = Object.entries(DISTRICT_SETTINGS);

describe('district settings in the API', () => {
  it('are each a field of DistrictPolicy, nullable as declared, and an optional field of UpdateDistrictPolicyInput', async () => {
    const schema = await buildAppSchema(REGISTRY);
    const type = schema.getType('DistrictPolicy') as import('graphql').GraphQLObjectType;
    const input = schema.getType('UpdateDistrictPolicyInput') as import('graphql').GraphQLInputObjectType;
    expect(Object.keys(type.getFields()).sort()).toEqual(['version', ...settings.map(([key]) => key)].sort());
    expect(Object.keys(input.getFields()).sort()).toEqual(['districtId', ...settings.map(([key]) => key)].sort());
    for (const [key, { api }] of settings) {
      expect({ key, nullable: !isNonNullType(type.getFields()[key].type) }).toEqual({ key, nullable: api.nullable === true });
      expect({ key, optional: !isNonNullType(input.getFields()[key].type) }).toEqual({ key, optional: true });
    }
  });

  it.each([
    ['timeZone', 'x'.repeat(65), 'text'],
    ['talkQualifyingOffences', Array.from({ length: 51 }, (_, n) => `brott ${n}`), 'arrayMaxSize'],
    ['talkQualifyingOffences', ['x'.repeat(101)], 'text'],
  ])('refuses a %s beyond its declared input bounds before the rules run (%#)', async (field, value, constraint) => {
    const errors = await validate(Object.assign(new UpdateDistrictPolicyInput(), { districtId: crypto.randomUUID(), [field]: value }));
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([[field, [constraint]]]);
  });

  it('lets an omitted setting be, and a value within its bounds through', async () => {
    const input = Object.assign(new UpdateDistrictPolicyInput(), { districtId: crypto.randomUUID(), talkQualifyingOffences: ['rån'] });
    expect(await validate(input)).toEqual([]);
  });
});
