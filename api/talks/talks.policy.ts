import type {
  ChildTalkType,
  PoliceClearanceType,
  ForumItemType,
  ForumMeetingType,
  TalkAssessmentType,
  TalkDisclosureType,
  TalkParticipantType,
  TalksDueType,
  TalkType,
} from '../../schema/talks/talk.type';
import { CLEARANCE_READERS, FORUM_MEMBERS, TALK_HANDLERS, TALK_READERS } from '../../domain/talks/talks.grants';
import { definePolicy, ModuleAccess } from '../../domain/access/policy';
import { Role, SOCIAL_SERVICES_ROLES } from '../../domain/access/roles';

interface TalkFacts {
  id: string;
  childId: string;
  districtId: string;
}

const handling = TALK_HANDLERS;
const invited = TALK_READERS;

const talkFacts = (row: TalkFacts) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId, talkId: row.id });

/** The child page's talk: the same grants as the talk's own fields. */
export const childTalkPolicy = definePolicy<ChildTalkType>()<ChildTalkType & TalkFacts>({
  type: 'ChildTalk',
  personal: true,
  rows: invited,
  facts: talkFacts,
  fields: { id: invited, reference: invited, kind: invited, state: invited, scheduledAt: invited },
});

export const talkPolicy = definePolicy<TalkType>()<TalkType & TalkFacts>({
  type: 'Talk',
  personal: true,
  rows: invited,
  facts: talkFacts,
  fields: {
    id: invited,
    reference: invited,
    kind: invited,
    state: invited,
    origin: handling,
    child: handling,
    childName: invited,
    childAge: invited,
    report: handling,
    reports: handling,
    holderKind: handling,
    holderAgency: invited,
    responsible: handling,
    youngAdult: handling,
    preInvestigationRunning: invited,
    guardianContactOnHold: invited,
    policeClearedAt: invited,
    withUniformedPolice: invited,
    dueAt: handling,
    summonedAt: handling,
    summonsIncludesGuardians: handling,
    scheduledAt: invited,
    location: invited,
    heldAt: invited,
    heldLate: handling,
    delayReason: handling,
    delayReasonText: handling,
    closedReason: handling,
    childVoice: handling,
    outcomes: handling,
    outcomeNote: handling,
    participants: invited,
    disclosures: invited,
    clearances: invited,
    deadlines: handling,
  },
});

interface PartFacts {
  id: string;
  talkId: string;
  childId: string;
  districtId: string;
}

const partFacts = (row: PartFacts) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId, talkId: row.talkId });

export const talkParticipantPolicy = definePolicy<TalkParticipantType>()<TalkParticipantType & PartFacts>({
  type: 'TalkParticipant',
  personal: true,
  rows: invited,
  facts: partFacts,
  fields: {
    id: invited,
    role: invited,
    // Guardians' and colleagues' names stay with social services; the invited see roles and attendance.
    displayName: handling,
    agency: invited,
    invitedAt: invited,
    attended: invited,
    uniformed: invited,
  },
});

export const talkDisclosurePolicy = definePolicy<TalkDisclosureType>()<TalkDisclosureType & PartFacts>({
  type: 'TalkDisclosure',
  personal: true,
  rows: invited,
  facts: partFacts,
  fields: { id: invited, agency: invited, explainedBy: invited, explainedAt: invited },
});

export const policeClearancePolicy = definePolicy<PoliceClearanceType>()<PoliceClearanceType & PartFacts & { agencyId: string }>({
  type: 'PoliceClearance',
  personal: true,
  rows: CLEARANCE_READERS,
  facts: (row) => ({ ...partFacts(row), agencyId: row.agencyId }),
  fields: {
    id: CLEARANCE_READERS,
    talkReference: CLEARANCE_READERS,
    kind: CLEARANCE_READERS,
    recordedAt: CLEARANCE_READERS,
    note: CLEARANCE_READERS,
  },
});

/** The workload list of a district: social services only. */
const districtWorkload = TALK_HANDLERS;

export const talksDuePolicy = definePolicy<TalksDueType>()<TalksDueType & { districtId: string }>({
  type: 'TalksDue',
  personal: true,
  rows: districtWorkload,
  facts: (row) => ({ districtId: row.districtId }),
  fields: { talks: districtWorkload, dueThisWeek: districtWorkload, heldLastWeek: districtWorkload },
});

interface ReportRef {
  reportId: string;
  childId: string;
  districtId: string;
}

export const talkAssessmentPolicy = definePolicy<TalkAssessmentType>()<TalkAssessmentType & ReportRef>({
  type: 'TalkAssessment',
  personal: true,
  rows: handling,
  facts: (row) => ({ entityId: row.reportId, childId: row.childId, districtId: row.districtId }),
  fields: {
    reportId: handling,
    eligible: handling,
    reasons: handling,
    reasonTexts: handling,
    youngAdult: handling,
    knownBefore: handling,
    talk: handling,
    standing: handling,
    forumItem: handling,
  },
});

/** The forum's members: social services, and the district's police and SSPF coordinator on a talk's need-to-know terms. */
const members = FORUM_MEMBERS;

export const forumMeetingPolicy = definePolicy<ForumMeetingType>()<ForumMeetingType & { districtId: string }>({
  type: 'ForumMeeting',
  personal: true,
  rows: members,
  facts: (row) => ({ entityId: row.id, districtId: row.districtId }),
  fields: { id: members, meetsOn: members, items: members },
});

export const forumItemPolicy = definePolicy<ForumItemType>()<ForumItemType & { districtId: string; reportId: string; childId: string }>({
  type: 'ForumItem',
  personal: true,
  rows: members,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: members,
    meetsOn: members,
    reportReference: members,
    childName: members,
    childAge: members,
    category: members,
    suspectedOffence: members,
    preInvestigationRunning: members,
    earlierReports: members,
    earlierTalks: members,
    holdTalk: members,
    withUniformedPolice: members,
    holderKind: members,
    targetDate: members,
    decidedAt: members,
    noReason: members,
    // The report, the talk, the decision's text and who recorded it stay with social services.
    report: handling,
    talk: handling,
    noReasonText: handling,
    decidedBy: handling,
  },
});

export const TALKS_ACCESS: ModuleAccess = {
  types: [
    talkPolicy,
    childTalkPolicy,
    talkParticipantPolicy,
    talkDisclosurePolicy,
    policeClearancePolicy,
    talksDuePolicy,
    talkAssessmentPolicy,
    forumMeetingPolicy,
    forumItemPolicy,
  ],
  queries: {
    talk: [...SOCIAL_SERVICES_ROLES, Role.POLICE_OFFICER, Role.SSPF_COORDINATOR],
    talksForChild: SOCIAL_SERVICES_ROLES,
    myTalks: [...SOCIAL_SERVICES_ROLES, Role.POLICE_OFFICER, Role.SSPF_COORDINATOR],
    talksDue: SOCIAL_SERVICES_ROLES,
    talkInvitees: SOCIAL_SERVICES_ROLES,
    reportTalkAssessment: SOCIAL_SERVICES_ROLES,
    forumMeeting: [...SOCIAL_SERVICES_ROLES, Role.POLICE_OFFICER, Role.SSPF_COORDINATOR],
    forumMeetings: [...SOCIAL_SERVICES_ROLES, Role.POLICE_OFFICER, Role.SSPF_COORDINATOR],
  },
  mutations: {
    openTalk: SOCIAL_SERVICES_ROLES,
    assignTalk: SOCIAL_SERVICES_ROLES,
    summonTalk: SOCIAL_SERVICES_ROLES,
    scheduleTalk: SOCIAL_SERVICES_ROLES,
    addTalkParticipant: SOCIAL_SERVICES_ROLES,
    recordTalkAttendance: SOCIAL_SERVICES_ROLES,
    recordDisclosure: [...SOCIAL_SERVICES_ROLES, Role.POLICE_OFFICER, Role.SSPF_COORDINATOR],
    recordPoliceClearance: [Role.POLICE_OFFICER],
    holdTalk: SOCIAL_SERVICES_ROLES,
    recordChildVoice: SOCIAL_SERVICES_ROLES,
    recordTalkOutcome: SOCIAL_SERVICES_ROLES,
    declineTalk: SOCIAL_SERVICES_ROLES,
    cancelTalk: SOCIAL_SERVICES_ROLES,
    createForumMeeting: SOCIAL_SERVICES_ROLES,
    decideForumItem: SOCIAL_SERVICES_ROLES,
  },
};
