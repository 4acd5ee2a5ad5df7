import type { RegisterExtractPartType, RegisterExtractType } from '../../schema/retention/extract.type';
import type { LegalHoldType, RetentionCountType, RetentionRunType } from '../../schema/retention/retention.type';
import { always, sameDistrict } from '../../domain/access/conditions';
import { LegalBasis } from '../../domain/access/legal-basis';
import { definePolicy, grant, ModuleAccess } from '../../domain/access/policy';
import { Role } from '../../domain/access/roles';

/** Supervisors of social services decide holds on the records of their districts. */
const HOLD_KEEPERS = [grant([Role.SOCIAL_SERVICES_SUPERVISOR], sameDistrict, LegalBasis.SAME_AGENCY)];
/** A run's counts name no one: the administrators and supervisors of the district follow them. */
const RUN_READERS = [grant([Role.ADMIN, Role.SOCIAL_SERVICES_SUPERVISOR], sameDistrict, null)];
const anyReader = [grant([Role.ADMIN, Role.SOCIAL_SERVICES_SUPERVISOR], always, null)];

export const legalHoldPolicy = definePolicy<LegalHoldType>()<LegalHoldType & { districtId: string }>({
  type: 'LegalHold',
  personal: true,
  rows: HOLD_KEEPERS,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: HOLD_KEEPERS,
    childId: HOLD_KEEPERS,
    caseId: HOLD_KEEPERS,
    reason: HOLD_KEEPERS,
    placedAt: HOLD_KEEPERS,
    liftedAt: HOLD_KEEPERS,
    liftReason: HOLD_KEEPERS,
  },
});

export const retentionRunPolicy = definePolicy<RetentionRunType>()({
  type: 'RetentionRun',
  personal: false,
  rows: RUN_READERS,
  facts: (row) => ({ districtId: row.districtId }),
  fields: {
    id: RUN_READERS,
    districtId: RUN_READERS,
    runDate: RUN_READERS,
    startedAt: RUN_READERS,
    finishedAt: RUN_READERS,
    counts: RUN_READERS,
  },
});

export const retentionCountPolicy = definePolicy<RetentionCountType>()({
  type: 'RetentionCount',
  personal: false,
  rows: anyReader,
  facts: () => ({}),
  fields: { recordType: anyReader, count: anyReader },
});

/** The supervisor who reviews a register extract reads every part, marked or not: that is the review. */
const EXTRACT_REVIEWERS = HOLD_KEEPERS;

export const registerExtractPolicy = definePolicy<RegisterExtractType>()<RegisterExtractType & { districtId: string }>({
  type: 'RegisterExtract',
  personal: true,
  rows: EXTRACT_REVIEWERS,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: EXTRACT_REVIEWERS,
    childId: EXTRACT_REVIEWERS,
    requestedAt: EXTRACT_REVIEWERS,
    ready: EXTRACT_REVIEWERS,
    parts: EXTRACT_REVIEWERS,
    document: EXTRACT_REVIEWERS,
  },
});

export const registerExtractPartPolicy = definePolicy<RegisterExtractPartType>()<
  RegisterExtractPartType & { extractId: string; childId: string; districtId: string }
>({
  type: 'RegisterExtractPart',
  personal: true,
  rows: EXTRACT_REVIEWERS,
  facts: (row) => ({ entityId: row.extractId, childId: row.childId, districtId: row.districtId }),
  fields: {
    key: EXTRACT_REVIEWERS,
    title: EXTRACT_REVIEWERS,
    marks: EXTRACT_REVIEWERS,
    rowCount: EXTRACT_REVIEWERS,
    content: EXTRACT_REVIEWERS,
    decision: EXTRACT_REVIEWERS,
    reason: EXTRACT_REVIEWERS,
    decidedAt: EXTRACT_REVIEWERS,
  },
});

export const RETENTION_ACCESS: ModuleAccess = {
  types: [legalHoldPolicy, retentionRunPolicy, retentionCountPolicy, registerExtractPolicy, registerExtractPartPolicy],
  queries: {
    legalHolds: [Role.SOCIAL_SERVICES_SUPERVISOR],
    registerExtract: [Role.SOCIAL_SERVICES_SUPERVISOR],
    registerExtracts: [Role.SOCIAL_SERVICES_SUPERVISOR],
    retentionRuns: [Role.ADMIN, Role.SOCIAL_SERVICES_SUPERVISOR],
  },
  mutations: {
    placeLegalHold: [Role.SOCIAL_SERVICES_SUPERVISOR],
    liftLegalHold: [Role.SOCIAL_SERVICES_SUPERVISOR],
    childDataExport: [Role.SOCIAL_SERVICES_SUPERVISOR],
    decideExtractPart: [Role.SOCIAL_SERVICES_SUPERVISOR],
  },
};
