import { childPolicy, guardianPolicy } from './policies/children.policy';
import {
  ageBandPolicy, agencyPolicy, connectionPolicies, districtPolicy, districtPolicySettingsPolicy, pageInfoPolicy, userAccountPolicy, viewerPolicy,
} from './policies/organisation.policy';
import { auditEventPolicy } from './policies/audit.policy';
import { indicatorCellPolicy } from './policies/indicators.policy';
import { notificationPolicy, parkedEmailPolicy } from './policies/notifications.policy';
import { deadlinePolicy, earlierReportPolicy, investigationExtensionPolicy, reportFeedbackPolicy, reportPolicy, staffMemberPolicy } from './policies/reports.policy';
import { identityMismatchPolicy } from './policies/reports.policy';
import {
  forumItemPolicy, forumMeetingPolicy, policeClearancePolicy, talkAssessmentPolicy, talkDisclosurePolicy, talkParticipantPolicy, talkPolicy, talksDuePolicy,
} from './policies/talks.policy';
import { COORDINATOR_ROLES } from '../../domain/access/grants/collaboration.grants';
import {
  COLLABORATION_MUTATIONS, COLLABORATION_POLICIES, COLLABORATION_QUERIES,
} from './policies/collaboration.policy';
import { OperationPolicy, TypePolicy } from '../../domain/access/policy';
import { ALL_ROLES, REPORTER_ROLES, Role, SOCIAL_SERVICES_ROLES } from '../../domain/access/roles';

/**
 * THE access policy. Every GraphQL object type and root operation is listed
 * here; anything missing is denied at run time and fails the access-matrix test.
 * `docs/access-matrix.md` is generated from this table.
 */
export const TYPE_POLICIES: ReadonlyMap<string, TypePolicy> = new Map(
  [
    viewerPolicy,
    userAccountPolicy,
    agencyPolicy,
    districtPolicy,
    districtPolicySettingsPolicy,
    ageBandPolicy,
    pageInfoPolicy,
    childPolicy,
    guardianPolicy,
    ...connectionPolicies('Child'),
    reportPolicy,
    reportFeedbackPolicy,
    earlierReportPolicy,
    investigationExtensionPolicy,
    deadlinePolicy,
    staffMemberPolicy,
    notificationPolicy,
    parkedEmailPolicy,
    auditEventPolicy,
    indicatorCellPolicy,
    ...connectionPolicies('Report'),
    talkPolicy,
    talkParticipantPolicy,
    talkDisclosurePolicy,
    policeClearancePolicy,
    talksDuePolicy,
    talkAssessmentPolicy,
    forumMeetingPolicy,
    forumItemPolicy,
    ...COLLABORATION_POLICIES,
    identityMismatchPolicy,
  ].map((p) => [p.type, p as TypePolicy]),
);

export const QUERY_POLICY: OperationPolicy = {
  viewer: ALL_ROLES,
  districts: ALL_ROLES,
  child: [...SOCIAL_SERVICES_ROLES, ...COORDINATOR_ROLES],
  children: [...SOCIAL_SERVICES_ROLES, ...COORDINATOR_ROLES],
  intakeQueue: SOCIAL_SERVICES_ROLES,
  report: [...SOCIAL_SERVICES_ROLES, ...REPORTER_ROLES],
  reportByReference: [...SOCIAL_SERVICES_ROLES, ...REPORTER_ROLES],
  intakeSearch: SOCIAL_SERVICES_ROLES,
  /** Whom a supervisor can assign a report to. */
  staff: [Role.SOCIAL_SERVICES_SUPERVISOR],
  myReports: REPORTER_ROLES,
  reportFeedback: REPORTER_ROLES,
  myNotifications: ALL_ROLES,
  parkedEmails: [Role.ADMIN],
  /** Coordinators name the agencies a consent covers. */
  agencies: [Role.ADMIN, ...COORDINATOR_ROLES],
  users: [Role.ADMIN],
  auditTrail: [Role.SOCIAL_SERVICES_SUPERVISOR],
  accessLog: [Role.SOCIAL_SERVICES_SUPERVISOR],
  auditSample: [Role.SOCIAL_SERVICES_SUPERVISOR],
  reportIndicators: [Role.ANALYST, Role.SOCIAL_SERVICES_SUPERVISOR],
  talk: [...SOCIAL_SERVICES_ROLES, Role.POLICE_OFFICER, Role.SSPF_COORDINATOR],
  talksForChild: SOCIAL_SERVICES_ROLES,
  myTalks: [...SOCIAL_SERVICES_ROLES, Role.POLICE_OFFICER, Role.SSPF_COORDINATOR],
  talksDue: SOCIAL_SERVICES_ROLES,
  talkInvitees: SOCIAL_SERVICES_ROLES,
  reportTalkAssessment: SOCIAL_SERVICES_ROLES,
  forumMeeting: [...SOCIAL_SERVICES_ROLES, Role.POLICE_OFFICER, Role.SSPF_COORDINATOR],
  forumMeetings: [...SOCIAL_SERVICES_ROLES, Role.POLICE_OFFICER, Role.SSPF_COORDINATOR],
  ...COLLABORATION_QUERIES,
};

export const MUTATION_POLICY: OperationPolicy = {
  createChild: SOCIAL_SERVICES_ROLES,
  updateChild: SOCIAL_SERVICES_ROLES,
  addGuardian: SOCIAL_SERVICES_ROLES,
  updateDistrictPolicy: [Role.ADMIN],
  flagConcern: [Role.SCHOOL_STAFF, Role.LEISURE_STAFF],
  reportConcern: [Role.POLICE_OFFICER],
  registerConcern: SOCIAL_SERVICES_ROLES,
  assignReport: SOCIAL_SERVICES_ROLES,
  recordProtectionAssessment: SOCIAL_SERVICES_ROLES,
  recordPreliminaryAssessment: SOCIAL_SERVICES_ROLES,
  /** SoL 11:2: extending an investigation is the supervisor's decision. */
  extendInvestigation: [Role.SOCIAL_SERVICES_SUPERVISOR],
  closeInvestigation: SOCIAL_SERVICES_ROLES,
  sendFeedback: SOCIAL_SERVICES_ROLES,
  updatePoliceInformation: [Role.POLICE_OFFICER],
  markNotificationRead: ALL_ROLES,
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
  retryParkedEmail: [Role.ADMIN],
  createDistrict: [Role.ADMIN],
  createAgency: [Role.ADMIN],
  setAgencyDistricts: [Role.ADMIN],
  setAgencyDutyToReport: [Role.ADMIN],
  createUser: [Role.ADMIN],
  setUserRoles: [Role.ADMIN],
  disableUser: [Role.ADMIN],
  enableUser: [Role.ADMIN],
  ...COLLABORATION_MUTATIONS,
  linkReportToChild: SOCIAL_SERVICES_ROLES,
  confirmNewChild: SOCIAL_SERVICES_ROLES,
  /**
   * Merging moves one record's reports, talks and cases into another child's file: a wrong merge discloses one child's
   * secret information (OSL 26:1) in another's file and rewrites whose history it is, so it is the supervisor's decision,
   * like an extension (SoL 11:2). Linking a provisional record made by one report at intake is everyday intake work.
   */
  mergeChildren: [Role.SOCIAL_SERVICES_SUPERVISOR],
};

export const OPERATION_POLICIES: Readonly<Record<'Query' | 'Mutation', OperationPolicy>> = {
  Query: QUERY_POLICY,
  Mutation: MUTATION_POLICY,
};
