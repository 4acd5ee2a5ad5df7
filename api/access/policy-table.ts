import { childPolicy, guardianPolicy } from './policies/children.policy';
import {
  ageBandPolicy, agencyPolicy, connectionPolicies, districtPolicy, districtPolicySettingsPolicy, pageInfoPolicy, viewerPolicy,
} from './policies/organisation.policy';
import { auditEventPolicy } from './policies/audit.policy';
import { indicatorCellPolicy } from './policies/indicators.policy';
import { notificationPolicy } from './policies/notifications.policy';
import { deadlinePolicy, reportFeedbackPolicy, reportPolicy, staffMemberPolicy } from './policies/reports.policy';
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
    deadlinePolicy,
    staffMemberPolicy,
    notificationPolicy,
    auditEventPolicy,
    indicatorCellPolicy,
    ...connectionPolicies('Report'),
  ].map((p) => [p.type, p as TypePolicy]),
);

export const QUERY_POLICY: OperationPolicy = {
  viewer: ALL_ROLES,
  districts: ALL_ROLES,
  child: SOCIAL_SERVICES_ROLES,
  children: SOCIAL_SERVICES_ROLES,
  intakeQueue: SOCIAL_SERVICES_ROLES,
  report: [...SOCIAL_SERVICES_ROLES, ...REPORTER_ROLES],
  myReports: REPORTER_ROLES,
  reportFeedback: REPORTER_ROLES,
  myNotifications: ALL_ROLES,
  auditTrail: [Role.SOCIAL_SERVICES_SUPERVISOR],
  accessLog: [Role.SOCIAL_SERVICES_SUPERVISOR],
  auditSample: [Role.SOCIAL_SERVICES_SUPERVISOR],
  reportIndicators: [Role.ANALYST, Role.SOCIAL_SERVICES_SUPERVISOR],
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
  extendInvestigation: SOCIAL_SERVICES_ROLES,
  sendFeedback: SOCIAL_SERVICES_ROLES,
  markNotificationRead: ALL_ROLES,
};

export const OPERATION_POLICIES: Readonly<Record<'Query' | 'Mutation', OperationPolicy>> = {
  Query: QUERY_POLICY,
  Mutation: MUTATION_POLICY,
};
