import type { DistrictPolicyType, AgeBandType, DistrictType } from '../../../schema/districts/district.type';
import type { AgencyType } from '../../../schema/organisation/agency.type';
import type { ViewerType } from '../../../schema/organisation/viewer.type';
import type { UserAccountType } from '../../../schema/organisation/user-account.type';
import type { PageInfoType } from '../../../schema/common/page.type';
import { always, sameMunicipality, self } from '../../../domain/access/conditions';
import { definePolicy, grant } from '../../../domain/access/policy';
import { ALL_ROLES, Role } from '../../../domain/access/roles';

/** Reference data about the organisation: no child, so no legal basis is involved. */
const anyoneInMunicipality = [grant(ALL_ROLES, sameMunicipality, null)];
const anyoneSignedIn = [grant(ALL_ROLES, always, null)];
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
    id: anyoneInMunicipality, name: anyoneInMunicipality, kind: anyoneInMunicipality, isPublicAuthority: anyoneInMunicipality,
    districts: anyoneInMunicipality, dutyToReport: anyoneInMunicipality,
  },
});

export const districtPolicy = definePolicy<DistrictType>()<DistrictType & { municipalityId: string }>({
  type: 'District',
  personal: false,
  rows: anyoneInMunicipality,
  facts: (row) => ({ municipalityId: row.municipalityId }),
  fields: { id: anyoneInMunicipality, code: anyoneInMunicipality, name: anyoneInMunicipality, policy: anyoneInMunicipality },
});

/** Policy numbers are public within the municipality: everyone should know the clocks. */
export const districtPolicySettingsPolicy = definePolicy<DistrictPolicyType>()({
  type: 'DistrictPolicy',
  personal: false,
  rows: anyoneSignedIn,
  facts: () => ({}),
  fields: {
    version: anyoneSignedIn,
    protectionAssessmentHours: anyoneSignedIn,
    preliminaryAssessmentDays: anyoneSignedIn,
    investigationMonths: anyoneSignedIn,
    feedbackDays: anyoneSignedIn,
    talkDeadlineMode: anyoneSignedIn,
    talkDeadlineHours: anyoneSignedIn,
    talkDeadlineDays: anyoneSignedIn,
    talkMinimumAge: anyoneSignedIn,
    ssffAgeBand: anyoneSignedIn,
    sspfAgeBand: anyoneSignedIn,
    reminderPercents: anyoneSignedIn,
    timeZone: anyoneSignedIn,
    talkMaximumAge: anyoneSignedIn,
    talkTrigger: anyoneSignedIn,
    talkCategories: anyoneSignedIn,
    talkQualifyingOffences: anyoneSignedIn,
    talkSummonsToTalkHours: anyoneSignedIn,
    talkDefaultHolder: anyoneSignedIn,
    talkOfficerNoticeHours: anyoneSignedIn,
    talkYoungAdultMaxAge: anyoneSignedIn,
    receiptBackdateDays: anyoneSignedIn,
    investigationExtensionMonths: anyoneSignedIn,
    consentYouthAge: anyoneSignedIn,
    consentAdultAge: anyoneSignedIn,
    staleCaseDays: anyoneSignedIn,
    consentExpiryWarningDays: anyoneSignedIn,
    followUpReminderDays: anyoneSignedIn,
    reportAgeLimit: anyoneSignedIn,
  },
});

export const ageBandPolicy = definePolicy<AgeBandType>()({
  type: 'AgeBand',
  personal: false,
  rows: anyoneSignedIn,
  facts: () => ({}),
  fields: { min: anyoneSignedIn, max: anyoneSignedIn },
});

export const pageInfoPolicy = definePolicy<PageInfoType>()({
  type: 'PageInfo',
  personal: false,
  rows: anyoneSignedIn,
  facts: () => ({}),
  fields: { hasNextPage: anyoneSignedIn, endCursor: anyoneSignedIn },
});

/** Connection and edge wrappers carry no data of their own; their nodes have their own policy. */
export function connectionPolicies(node: string) {
  return [
    definePolicy<{ edges: unknown; pageInfo: unknown }>()({
      type: `${node}Connection`, personal: false, rows: anyoneSignedIn, facts: () => ({}),
      fields: { edges: anyoneSignedIn, pageInfo: anyoneSignedIn },
    }),
    definePolicy<{ cursor: unknown; node: unknown }>()({
      type: `${node}Edge`, personal: false, rows: anyoneSignedIn, facts: () => ({}),
      fields: { cursor: anyoneSignedIn, node: anyoneSignedIn },
    }),
  ];
}

/** Accounts as administrators manage them: staff data, no child, so no legal basis. */
const administrators = [grant([Role.ADMIN], sameMunicipality, null)];

export const userAccountPolicy = definePolicy<UserAccountType>()<UserAccountType & { municipalityId: string }>({
  type: 'UserAccount',
  personal: false,
  rows: administrators,
  facts: (row) => ({ municipalityId: row.municipalityId }),
  fields: {
    id: administrators, email: administrators, displayName: administrators, roles: administrators, agency: administrators,
    signedIn: administrators, disabledAt: administrators,
  },
});
