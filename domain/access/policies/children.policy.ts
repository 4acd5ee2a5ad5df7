import type { ChildType, GuardianType } from '../../../schema/children/child.type';
import { sameDistrict } from '../conditions';
import { LegalBasis } from '../legal-basis';
import { definePolicy, grant } from '../policy';
import { Role, SOCIAL_SERVICES_ROLES } from '../roles';

/** Social services hold the child register for their own districts; the SSPF coordinators work from it. */
export const socialServicesInDistrict = [grant([...SOCIAL_SERVICES_ROLES, Role.SSPF_COORDINATOR], sameDistrict, LegalBasis.SAME_AGENCY)];

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
    collaborationCases: socialServicesInDistrict,
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
