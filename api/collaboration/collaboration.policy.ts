import type {
  ActionNoteType,
  AgencyGoalType,
  CaseChildType,
  CaseStateChangeType,
  CollaborationAgendaType,
  CollaborationCaseType,
  MeetingType,
  PlanActionType,
  TeamCandidateType,
  TeamMemberType,
} from '../../schema/collaboration/collaboration-case.type';
import {
  ACTION_READERS,
  ACTION_TEXT_READERS,
  AGENDA_READERS,
  CASE_PART_READERS,
  CASE_READERS,
  CASE_RECORD_READERS,
  CASE_SHARED_READERS,
  CASE_WRITERS,
  caseFacts,
  CaseFactsRow,
  COORDINATOR_ROLES,
  MEETING_READERS,
  PARTNER_ROLES,
} from '../../domain/collaboration/collaboration.grants';
import { AgencyKind } from '../../domain/access/roles';
import { categoryOfAgency } from '../../domain/consent/consent-rules';
import { actionCategory, ActionKind } from '../../domain/collaboration/plan-rules';
import { definePolicy, OperationPolicy } from '../../domain/access/policy';
import { SOCIAL_SERVICES_ROLES } from '../../domain/access/roles';

const caseRecord = CASE_RECORD_READERS;
/** That the case exists and who coordinates it. */
const caseExists = CASE_READERS;
const sharedWithTeam = CASE_SHARED_READERS;
const partContent = CASE_PART_READERS;
const actionRows = ACTION_READERS;
const actionText = ACTION_TEXT_READERS;
const meetingRows = MEETING_READERS;
const agendaReaders = AGENDA_READERS;

export const collaborationCasePolicy = definePolicy<CollaborationCaseType>()<
  CollaborationCaseType & { childId: string; districtId: string }
>({
  type: 'CollaborationCase',
  personal: true,
  rows: caseExists,
  facts: (row) => ({ entityId: row.id, caseId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: caseExists,
    reference: caseExists,
    state: caseExists,
    child: caseExists,
    coordinator: caseExists,
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
  rows: caseExists,
  facts: (row) => ({ entityId: row.id, ...caseFacts(row) }),
  fields: { id: caseExists, givenName: caseExists, familyName: caseExists, age: caseExists },
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
  fields: {
    id: caseRecord,
    person: caseRecord,
    agency: caseRecord,
    role: caseRecord,
    addedAt: caseRecord,
    endedAt: caseRecord,
    endReason: caseRecord,
  },
});

/** Staff names by agency: no child data, but which agencies the consent covers is the case's, so only its coordinators. */
export const teamCandidatePolicy = definePolicy<TeamCandidateType>()<TeamCandidateType & CaseFactsRow>({
  type: 'TeamCandidate',
  personal: false,
  rows: CASE_WRITERS,
  facts: (row) => ({ entityId: row.id, ...caseFacts(row) }),
  fields: { id: CASE_WRITERS, displayName: CASE_WRITERS, agency: CASE_WRITERS },
});

export interface GoalFactsRow extends CaseFactsRow {
  readonly agencyKind: AgencyKind;
  readonly crimeInformation: boolean;
}

/** An agency's goal falls under that agency's consent category. */
export const goalFacts = (row: GoalFactsRow & { id: string }) => ({
  entityId: row.id,
  ...caseFacts(row),
  category: categoryOfAgency(row.agencyKind),
  crimeInformation: row.crimeInformation,
});

export const agencyGoalPolicy = definePolicy<AgencyGoalType>()<AgencyGoalType & GoalFactsRow>({
  type: 'AgencyGoal',
  personal: true,
  rows: partContent,
  facts: goalFacts,
  fields: { id: partContent, agency: partContent, text: partContent, crimeInformation: partContent },
});

export interface ActionFactsRow extends CaseFactsRow {
  readonly kind: ActionKind;
  readonly responsibleAgencyId: string;
  readonly responsibleAgencyKind: AgencyKind;
  readonly crimeInformation: boolean;
}

/** An action's content falls under its category; a note carries its own crime mark (`crimeInformation` of the note). */
export const actionFacts = (row: ActionFactsRow) => ({
  ...caseFacts(row),
  agencyId: row.responsibleAgencyId,
  crimeInformation: row.crimeInformation,
  category: actionCategory({ kind: row.kind, responsibleAgencyKind: row.responsibleAgencyKind }),
});

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
    crimeInformation: actionText,
    overdue: actionRows,
    notes: actionText,
  },
});

export const actionNotePolicy = definePolicy<ActionNoteType>()<ActionNoteType & ActionFactsRow>({
  type: 'ActionNote',
  personal: true,
  rows: actionText,
  facts: (row) => ({ entityId: row.id, ...actionFacts(row) }),
  fields: { id: actionText, text: actionText, crimeInformation: actionText, writtenAt: actionText, author: actionText },
});

export const meetingPolicy = definePolicy<MeetingType>()<MeetingType & CaseFactsRow & { attendingUserId: string | null }>({
  type: 'CollaborationMeeting',
  personal: true,
  rows: meetingRows,
  facts: (row) => ({ entityId: row.id, ...caseFacts(row), userId: row.attendingUserId }),
  fields: {
    id: meetingRows,
    kind: meetingRows,
    scheduledAt: meetingRows,
    heldAt: meetingRows,
    // Who else is invited (staff names and agencies, no child data): an invited partner needs it to take part.
    attendees: meetingRows,
    decisions: caseRecord,
    planChanges: caseRecord,
    // An invited partner must see that the meeting is off, like its date; the reason is the case record's.
    cancelledAt: meetingRows,
    cancelReason: caseRecord,
  },
});

export const collaborationAgendaPolicy = definePolicy<CollaborationAgendaType>()({
  type: 'CollaborationAgenda',
  personal: false,
  rows: agendaReaders,
  facts: () => ({}),
  fields: { weekStart: agendaReaders, newIntakes: agendaReaders, dueForFollowUp: agendaReaders, overdueActions: agendaReaders },
});

export const COLLABORATION_POLICIES = [
  collaborationCasePolicy,
  caseChildPolicy,
  caseStateChangePolicy,
  teamMemberPolicy,
  agencyGoalPolicy,
  planActionPolicy,
  actionNotePolicy,
  meetingPolicy,
  collaborationAgendaPolicy,
  teamCandidatePolicy,
] as const;

const takingPart = [...COORDINATOR_ROLES, ...SOCIAL_SERVICES_ROLES, ...PARTNER_ROLES];

export const COLLABORATION_QUERIES: OperationPolicy = {
  collaborationCase: takingPart,
  myCollaborationCases: takingPart,
  myActions: takingPart,
  collaborationAgenda: [...COORDINATOR_ROLES, ...SOCIAL_SERVICES_ROLES],
  teamCandidates: COORDINATOR_ROLES,
};

/** Coordinators run the case; partners update and annotate the actions of their own agency. */
export const COLLABORATION_MUTATIONS: OperationPolicy = {
  openCollaborationCase: COORDINATOR_ROLES,
  addTeamMember: COORDINATOR_ROLES,
  removeTeamMember: COORDINATOR_ROLES,
  markCrimeInformation: COORDINATOR_ROLES,
  setGoals: COORDINATOR_ROLES,
  addPlanAction: COORDINATOR_ROLES,
  updatePlanAction: [...COORDINATOR_ROLES, ...PARTNER_ROLES],
  addActionNote: [...COORDINATOR_ROLES, ...PARTNER_ROLES],
  scheduleFollowUp: COORDINATOR_ROLES,
  recordFollowUp: COORDINATOR_ROLES,
  rescheduleMeeting: COORDINATOR_ROLES,
  cancelMeeting: COORDINATOR_ROLES,
  closeCollaborationCase: COORDINATOR_ROLES,
};
