import type { ChildCorrectionType } from '../../schema/children/child-correction.type';
import type { ChildType, GuardianType } from '../../schema/children/child.type';
import { CHILD_READERS } from '../../domain/children/children.grants';
import { definePolicy, ModuleAccess } from '../../domain/access/policy';
import { COORDINATOR_ROLES } from '../../domain/collaboration/collaboration.grants';
import { SOCIAL_SERVICES_ROLES } from '../../domain/access/roles';
import { connectionPolicies } from '../access/connection.policy';

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
    collaborationCases: socialServicesInDistrict,
    reports: socialServicesInDistrict,
    talks: socialServicesInDistrict,
    openDeadlines: socialServicesInDistrict,
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

/** A correction keeps a replaced name or number: read by those who read the child. */
export const childCorrectionPolicy = definePolicy<ChildCorrectionType>()<ChildCorrectionType & { childId: string; districtId: string }>({
  type: 'ChildCorrection',
  personal: true,
  rows: socialServicesInDistrict,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: socialServicesInDistrict,
    field: socialServicesInDistrict,
    oldValue: socialServicesInDistrict,
    newValue: socialServicesInDistrict,
    reason: socialServicesInDistrict,
    correctedAt: socialServicesInDistrict,
  },
});

export const CHILDREN_ACCESS: ModuleAccess = {
  types: [childPolicy, guardianPolicy, childCorrectionPolicy, ...connectionPolicies('Child')],
  queries: {
    child: [...SOCIAL_SERVICES_ROLES, ...COORDINATOR_ROLES],
    children: [...SOCIAL_SERVICES_ROLES, ...COORDINATOR_ROLES],
    childCorrections: SOCIAL_SERVICES_ROLES,
  },
  mutations: {
    createChild: SOCIAL_SERVICES_ROLES,
    updateChild: SOCIAL_SERVICES_ROLES,
    addGuardian: SOCIAL_SERVICES_ROLES,
    correctChild: SOCIAL_SERVICES_ROLES,
  },
};
