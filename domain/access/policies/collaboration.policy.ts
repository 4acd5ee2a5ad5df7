import type {
  ActionNoteType, AgencyGoalType, CaseChildType, CaseStateChangeType, CollaborationAgendaType, CollaborationCaseType, MeetingType, PlanActionType,
  TeamMemberType,
} from '../../../schema/collaboration/collaboration-case.type';
import type { ConsentType } from '../../../schema/consent/consent.type';
import { InformationCategory } from '../../consent/consent-rules';
import { always, and, publicAuthorityForCrimeData, sameAgency, sameDistrict, self, teamMemberWithConsent } from '../conditions';
import { LegalBasis } from '../legal-basis';
import { definePolicy, grant, Grant } from '../policy';
import { Role, SOCIAL_SERVICES_ROLES } from '../roles';

/** Partners take part in a case only through the team and the consent. */
export const PARTNER_ROLES: readonly Role[] = [Role.SCHOOL_STAFF, Role.POLICE_OFFICER, Role.LEISURE_STAFF];
export const COORDINATOR_ROLES: readonly Role[] = [Role.SSPF_COORDINATOR];

/** The district's coordinators run its cases: everything in a case. */
const coordinators = grant(COORDINATOR_ROLES, sameDistrict, LegalBasis.SAME_AGENCY);
/** Social services in the district: the case and their own agency's part of it. */
const socialServices = grant(SOCIAL_SERVICES_ROLES, sameDistrict, LegalBasis.SAME_AGENCY);
const socialServicesOwnAgency = grant(SOCIAL_SERVICES_ROLES, and(sameDistrict, sameAgency), LegalBasis.SAME_AGENCY);
/** A partner on the team, while a valid consent covers their agency and the basic facts. */
const partner = grant(PARTNER_ROLES, teamMemberWithConsent(InformationCategory.BASIC_FACTS), LegalBasis.CONSENT);
/** ... and only the actions of their own agency; crime information never reaches a private association. */
const partnerOwnAgency = grant(PARTNER_ROLES, and(teamMemberWithConsent(InformationCategory.BASIC_FACTS), sameAgency), LegalBasis.CONSENT);
const partnerOwnAgencyText = grant(PARTNER_ROLES,
  and(teamMemberWithConsent(InformationCategory.BASIC_FACTS), sameAgency, publicAuthorityForCrimeData), LegalBasis.CONSENT);
/** A partner sees a meeting they attend (the attendance fact is the viewer's own). */
const partnerAttending = grant(PARTNER_ROLES, and(teamMemberWithConsent(InformationCategory.BASIC_FACTS), self), LegalBasis.CONSENT);

const wholeCase: readonly Grant[] = [coordinators];
const caseRecord: readonly Grant[] = [coordinators, socialServices];
const sharedWithTeam: readonly Grant[] = [coordinators, socialServices, partner];
const actionRows: readonly Grant[] = [coordinators, socialServicesOwnAgency, partnerOwnAgency];
const actionText: readonly Grant[] = [coordinators, socialServicesOwnAgency, partnerOwnAgencyText];
const meetingRows: readonly Grant[] = [coordinators, socialServices, partnerAttending];

/** Who may change a case (the write side): its district's coordinators. */
export const CASE_WRITERS = wholeCase;
/** Who may update an action and write notes on it: coordinators and the responsible agency's team members. */
export const ACTION_WRITERS: readonly Grant[] = [coordinators, partnerOwnAgency];

export interface CaseFactsRow {
  readonly caseId: string;
  readonly childId: string;
  readonly districtId: string;
}

const caseFacts = (row: CaseFactsRow) => ({ caseId: row.caseId, childId: row.childId, districtId: row.districtId });

export const collaborationCasePolicy = definePolicy<CollaborationCaseType>()<CollaborationCaseType & { childId: string; districtId: string }>({
  type: 'CollaborationCase',
  personal: true,
  rows: sharedWithTeam,
  facts: (row) => ({ entityId: row.id, caseId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: sharedWithTeam,
    reference: sharedWithTeam,
    state: sharedWithTeam,
    child: sharedWithTeam,
    coordinator: sharedWithTeam,
    youthGoals: sharedWithTeam,
    agencyGoals: sharedWithTeam,
    actions: sharedWithTeam,
    meetings: sharedWithTeam,
    model: caseRecord,
    modelOverrideReason: caseRecord,
    suggestedModel: caseRecord,
    source: caseRecord,
    concern: caseRecord,
    stateHistory: caseRecord,
    openedAt: caseRecord,
    lastActivityAt: caseRecord,
    closedAt: caseRecord,
    closingReason: caseRecord,
    closingNote: caseRecord,
    consents: caseRecord,
    team: caseRecord,
    nextFollowUpAt: caseRecord,
  },
});

export const caseChildPolicy = definePolicy<CaseChildType>()<CaseChildType & CaseFactsRow>({
  type: 'CaseChild',
  personal: true,
  rows: sharedWithTeam,
  facts: (row) => ({ entityId: row.id, ...caseFacts(row) }),
  fields: { id: sharedWithTeam, givenName: sharedWithTeam, familyName: sharedWithTeam, age: sharedWithTeam },
});

export const caseStateChangePolicy = definePolicy<CaseStateChangeType>()<CaseStateChangeType & CaseFactsRow>({
  type: 'CaseStateChange',
  personal: true,
  rows: caseRecord,
  facts: (row) => ({ entityId: row.caseId, ...caseFacts(row) }),
  fields: { state: caseRecord, at: caseRecord, actor: caseRecord },
});

export const teamMemberPolicy = definePolicy<TeamMemberType>()<TeamMemberType & CaseFactsRow>({
  type: 'TeamMember',
  personal: true,
  rows: caseRecord,
  facts: (row) => ({ entityId: row.id, ...caseFacts(row) }),
  fields: { id: caseRecord, person: caseRecord, agency: caseRecord, role: caseRecord, addedAt: caseRecord },
});

export const agencyGoalPolicy = definePolicy<AgencyGoalType>()<AgencyGoalType & CaseFactsRow>({
  type: 'AgencyGoal',
  personal: true,
  rows: sharedWithTeam,
  facts: (row) => ({ entityId: row.caseId, ...caseFacts(row) }),
  fields: { agency: sharedWithTeam, text: sharedWithTeam },
});

export interface ActionFactsRow extends CaseFactsRow {
  readonly responsibleAgencyId: string;
  readonly crimeInformation: boolean;
}

const actionFacts = (row: ActionFactsRow) => ({ ...caseFacts(row), agencyId: row.responsibleAgencyId, crimeInformation: row.crimeInformation });

export const planActionPolicy = definePolicy<PlanActionType>()<PlanActionType & ActionFactsRow>({
  type: 'PlanAction',
  personal: true,
  rows: actionRows,
  facts: (row) => ({ entityId: row.id, ...actionFacts(row) }),
  fields: {
    id: actionRows,
    caseId: actionRows,
    caseReference: actionRows,
    kind: actionRows,
    description: actionText,
    responsibleAgency: actionRows,
    responsible: actionRows,
    dueAt: actionRows,
    status: actionRows,
    cancelReason: actionText,
    overdue: actionRows,
    notes: actionText,
  },
});

export const actionNotePolicy = definePolicy<ActionNoteType>()<ActionNoteType & ActionFactsRow>({
  type: 'ActionNote',
  personal: true,
  rows: actionText,
  facts: (row) => ({ entityId: row.id, ...actionFacts(row) }),
  fields: { id: actionText, text: actionText, writtenAt: actionText, author: actionText },
});

export const meetingPolicy = definePolicy<MeetingType>()<MeetingType & CaseFactsRow & { attendingUserId: string | null }>({
  type: 'CollaborationMeeting',
  personal: true,
  rows: meetingRows,
  facts: (row) => ({ entityId: row.id, ...caseFacts(row), userId: row.attendingUserId }),
  fields: {
    id: meetingRows, kind: meetingRows, scheduledAt: meetingRows, heldAt: meetingRows,
    attendees: caseRecord, decisions: caseRecord, planChanges: caseRecord,
  },
});

export const consentPolicy = definePolicy<ConsentType>()<ConsentType & CaseFactsRow>({
  type: 'Consent',
  personal: true,
  rows: caseRecord,
  facts: (row) => ({ entityId: row.id, ...caseFacts(row) }),
  fields: {
    id: caseRecord, givenByYouth: caseRecord, guardianCount: caseRecord, complete: caseRecord, form: caseRecord, oralNote: caseRecord,
    documentReference: caseRecord, givenAt: caseRecord, endsAt: caseRecord, withdrawnAt: caseRecord, agencies: caseRecord,
    categories: caseRecord, valid: caseRecord, recordedBy: caseRecord,
  },
});

/** The agenda is a container; each case and action on it answers to its own policy. */
const agendaReaders = [grant([...COORDINATOR_ROLES, ...SOCIAL_SERVICES_ROLES], always, null)];

export const collaborationAgendaPolicy = definePolicy<CollaborationAgendaType>()({
  type: 'CollaborationAgenda',
  personal: false,
  rows: agendaReaders,
  facts: () => ({}),
  fields: { weekStart: agendaReaders, newIntakes: agendaReaders, dueForFollowUp: agendaReaders, overdueActions: agendaReaders },
});
