import type { ChildType, GuardianType } from '../../../schema/children/child.type';
import { CHILD_READERS } from '../../../domain/access/grants/children.grants';
import { definePolicy } from '../../../domain/access/policy';

const socialServicesInDistrict = CHILD_READERS;

export const childPolicy = definePolicy<ChildType>()<ChildType & { districtId: string }>({
  type: 'Child',
  personal: true,
  rows: socialServicesInDistrict,
  facts: (row) => ({ entityId: row.id, childId: row.id, districtId: row.districtId }),
  fields: {
    id: socialServicesInDistrict,
    personalIdentityNumber: socialServicesInDistrict,
    isCoordinationNumber: socialServicesInDistrict,
    birthDate: socialServicesInDistrict,
    age: socialServicesInDistrict,
    givenName: socialServicesInDistrict,
    familyName: socialServicesInDistrict,
    district: socialServicesInDistrict,
    school: socialServicesInDistrict,
    guardians: socialServicesInDistrict,
  },
});

export const guardianPolicy = definePolicy<GuardianType>()<GuardianType & { childId: string; districtId: string }>({
  type: 'Guardian',
  personal: true,
  rows: socialServicesInDistrict,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: socialServicesInDistrict,
    name: socialServicesInDistrict,
    contact: socialServicesInDistrict,
    relation: socialServicesInDistrict,
  },
});
