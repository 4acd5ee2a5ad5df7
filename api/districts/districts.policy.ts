import type { AgeBandType, DistrictPolicyType, DistrictType } from '../../schema/districts/district.type';
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
    retentionReportMonths: anyoneSignedIn,
    retentionInvestigationMonths: anyoneSignedIn,
    retentionResearchException: anyoneSignedIn,
    retentionTalkMonths: anyoneSignedIn,
    retentionCollaborationMonths: anyoneSignedIn,
    retentionMessageMonths: anyoneSignedIn,
    retentionAuditMonths: anyoneSignedIn,
    retentionSessionMonths: anyoneSignedIn,
  },
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
