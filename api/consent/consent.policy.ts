import type { ConsentType } from '../../schema/consent/consent.type';
import { caseFacts, CaseFactsRow, CASE_RECORD_READERS, COORDINATOR_ROLES } from '../../domain/collaboration/collaboration.grants';
import { definePolicy, ModuleAccess } from '../../domain/access/policy';

/** A consent is part of the case record. */
const caseRecord = CASE_RECORD_READERS;

export const consentPolicy = definePolicy<ConsentType>()<ConsentType & CaseFactsRow>({
  type: 'Consent',
  personal: true,
  rows: caseRecord,
  facts: (row) => ({ entityId: row.id, ...caseFacts(row) }),
  fields: {
    id: caseRecord,
    givenByYouth: caseRecord,
    guardianCount: caseRecord,
    complete: caseRecord,
    form: caseRecord,
    oralNote: caseRecord,
    documentReference: caseRecord,
    givenAt: caseRecord,
    endsAt: caseRecord,
    withdrawnAt: caseRecord,
    agencies: caseRecord,
    categories: caseRecord,
    valid: caseRecord,
    recordedBy: caseRecord,
  },
});

/** Coordinators record and withdraw consents. */
export const CONSENT_ACCESS: ModuleAccess = {
  types: [consentPolicy],
  mutations: { recordConsent: COORDINATOR_ROLES, withdrawConsent: COORDINATOR_ROLES },
};
