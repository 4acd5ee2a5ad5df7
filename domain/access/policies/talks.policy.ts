import type {
  ForumItemType, ForumMeetingType, TalkAssessmentType, TalkDisclosureType, TalkParticipantType, TalksDueType, TalkType,
} from '../../../schema/talks/talk.type';
import { invitedToTalk, sameDistrict } from '../conditions';
import { LegalBasis } from '../legal-basis';
import { definePolicy, grant } from '../policy';
import { Role, SOCIAL_SERVICES_ROLES } from '../roles';

interface TalkFacts {
  id: string;
  childId: string;
  districtId: string;
}

/** Social services in the child's district hold the talk. */
const socialServices = grant(SOCIAL_SERVICES_ROLES, sameDistrict, LegalBasis.SAME_AGENCY);
/** OSL 10 kap. 18 a §: social services tell the police what they need about someone under 21 at risk of crime, here the talk they are invited to. */
const invitedPolice = grant([Role.POLICE_OFFICER], invitedToTalk, LegalBasis.SOCIAL_SERVICES_TO_POLICE_UNDER_21);
/** OSL 10 kap. 2 §: the invited SSPF/SSFF coordinator needs the talk's time, place and who comes. */
const invitedCoordinator = grant([Role.SSPF_COORDINATOR], invitedToTalk, LegalBasis.NECESSARY_DISCLOSURE);

const handling = [socialServices];
/** What the invited see: time, place, the child's name and age, attendance, and the police's own pre-investigation facts. */
const invited = [socialServices, invitedPolice, invitedCoordinator];
/** Who may change a talk (the write side). */
export const TALK_HANDLERS = handling;
/** Who may load a talk at all. */
export const TALK_READERS = invited;

const talkFacts = (row: TalkFacts) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId, talkId: row.id });

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

/** The workload list of a district: social services only. */
const districtWorkload = [grant(SOCIAL_SERVICES_ROLES, sameDistrict, LegalBasis.SAME_AGENCY)];

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
  fields: { reportId: handling, eligible: handling, reasons: handling, reasonTexts: handling, youngAdult: handling, talk: handling },
});

export const forumMeetingPolicy = definePolicy<ForumMeetingType>()<ForumMeetingType & { districtId: string }>({
  type: 'ForumMeeting',
  personal: true,
  rows: handling,
  facts: (row) => ({ entityId: row.id, districtId: row.districtId }),
  fields: { id: handling, meetsOn: handling, items: handling },
});

export const forumItemPolicy = definePolicy<ForumItemType>()<ForumItemType & { districtId: string; reportId: string }>({
  type: 'ForumItem',
  personal: true,
  rows: handling,
  facts: (row) => ({ entityId: row.id, districtId: row.districtId }),
  fields: {
    id: handling, report: handling, holdTalk: handling, withUniformedPolice: handling, holderKind: handling, targetDate: handling,
    talk: handling, decidedAt: handling,
  },
});
