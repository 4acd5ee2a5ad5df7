import type { AgencyType } from '../../schema/organisation/agency.type';
import type { ViewerType } from '../../schema/organisation/viewer.type';
import type { UserAccountType } from '../../schema/organisation/user-account.type';
import { sameMunicipality, self } from '../../domain/access/conditions';
import { definePolicy, grant, ModuleAccess } from '../../domain/access/policy';
import { ALL_ROLES, Role } from '../../domain/access/roles';
import { COORDINATOR_ROLES } from '../../domain/collaboration/collaboration.grants';

/** Reference data about the organisation: no child, so no legal basis is involved. */
const anyoneInMunicipality = [grant(ALL_ROLES, sameMunicipality, null)];
const theViewerThemself = [grant(ALL_ROLES, self, null)];

export const viewerPolicy = definePolicy<ViewerType>()<ViewerType & { id: string }>({
  type: 'Viewer',
  personal: false,
  rows: theViewerThemself,
  facts: (row) => ({ userId: row.id }),
  fields: {
    id: theViewerThemself,
    email: theViewerThemself,
    displayName: theViewerThemself,
    roles: theViewerThemself,
    agency: theViewerThemself,
    districts: theViewerThemself,
  },
});

export const agencyPolicy = definePolicy<AgencyType>()<AgencyType & { municipalityId: string }>({
  type: 'Agency',
  personal: false,
  rows: anyoneInMunicipality,
  facts: (row) => ({ municipalityId: row.municipalityId }),
  fields: {
    id: anyoneInMunicipality,
    name: anyoneInMunicipality,
    kind: anyoneInMunicipality,
    isPublicAuthority: anyoneInMunicipality,
    districts: anyoneInMunicipality,
    dutyToReport: anyoneInMunicipality,
  },
});

/** Accounts as administrators manage them: staff data, no child, so no legal basis. */
const administrators = [grant([Role.ADMIN], sameMunicipality, null)];

export const userAccountPolicy = definePolicy<UserAccountType>()<UserAccountType & { municipalityId: string }>({
  type: 'UserAccount',
  personal: false,
  rows: administrators,
  facts: (row) => ({ municipalityId: row.municipalityId }),
  fields: {
    id: administrators,
    email: administrators,
    displayName: administrators,
    roles: administrators,
    agency: administrators,
    signedIn: administrators,
    disabledAt: administrators,
  },
});

export const ORGANISATION_ACCESS: ModuleAccess = {
  types: [viewerPolicy, userAccountPolicy, agencyPolicy],
  queries: {
    viewer: ALL_ROLES,
    /** Coordinators name the agencies a consent covers. */
    agencies: [Role.ADMIN, ...COORDINATOR_ROLES],
    users: [Role.ADMIN],
  },
  mutations: {
    createDistrict: [Role.ADMIN],
    createAgency: [Role.ADMIN],
    setAgencyDistricts: [Role.ADMIN],
    setAgencyDutyToReport: [Role.ADMIN],
    createUser: [Role.ADMIN],
    registerIntakeClient: [Role.ADMIN],
    setUserRoles: [Role.ADMIN],
    disableUser: [Role.ADMIN],
    enableUser: [Role.ADMIN],
  },
};
