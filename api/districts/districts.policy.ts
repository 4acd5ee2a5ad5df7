import type { DistrictPolicy } from '../../domain/districts/district-policy';
import type { AgeBandType, DistrictPolicyType, DistrictType } from '../../schema/districts/district.type';
import { DISTRICT_SETTING_FIELDS } from '../../schema/districts/district-settings.fields';
import { always, sameMunicipality } from '../../domain/access/conditions';
import { definePolicy, grant, ModuleAccess } from '../../domain/access/policy';
import { ALL_ROLES, Role } from '../../domain/access/roles';

/** Districts are reference data about the organisation: no child, so no legal basis is involved. */
const anyoneInMunicipality = [grant(ALL_ROLES, sameMunicipality, null)];
const anyoneSignedIn = [grant(ALL_ROLES, always, null)];

export const districtPolicy = definePolicy<DistrictType>()<DistrictType & { municipalityId: string }>({
  type: 'District',
  personal: false,
  rows: anyoneInMunicipality,
  facts: (row) => ({ municipalityId: row.municipalityId }),
  fields: { id: anyoneInMunicipality, code: anyoneInMunicipality, name: anyoneInMunicipality, policy: anyoneInMunicipality },
});

/** Policy numbers are public within the municipality: everyone should know the clocks. One rule for every setting. */
const settingRules = Object.fromEntries(DISTRICT_SETTING_FIELDS.map(([key]) => [key, anyoneSignedIn])) as Record<
  keyof DistrictPolicy,
  typeof anyoneSignedIn
>;

export const districtPolicySettingsPolicy = definePolicy<DistrictPolicyType>()({
  type: 'DistrictPolicy',
  personal: false,
  rows: anyoneSignedIn,
  facts: () => ({}),
  fields: { version: anyoneSignedIn, ...settingRules },
});

export const ageBandPolicy = definePolicy<AgeBandType>()({
  type: 'AgeBand',
  personal: false,
  rows: anyoneSignedIn,
  facts: () => ({}),
  fields: { min: anyoneSignedIn, max: anyoneSignedIn },
});

export const DISTRICTS_ACCESS: ModuleAccess = {
  types: [districtPolicy, districtPolicySettingsPolicy, ageBandPolicy],
  queries: { districts: ALL_ROLES },
  mutations: { updateDistrictPolicy: [Role.ADMIN] },
};
