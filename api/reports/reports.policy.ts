import type { StaffMemberType } from '../../schema/organisation/staff-member.type';
import type {
  EarlierReportType,
  InvestigationExtensionType,
  ReportFeedbackType,
  ReportType,
  SubmittedReportType,
} from '../../schema/reports/report.type';
import type { IdentityMismatchType } from '../../schema/reports/report-identity.type';
import { filedByViewer, sameMunicipality } from '../../domain/access/conditions';
import { REPORT_FEEDBACK_READERS, REPORT_HANDLERS, REPORT_READERS } from '../../domain/reports/reports.grants';
import { definePolicy, grant, ModuleAccess } from '../../domain/access/policy';
import { CASEWORK_ROLES, REPORTER_ROLES, Role, SOCIAL_SERVICES_ROLES } from '../../domain/access/roles';
import { connectionPolicies } from '../access/connection.policy';

interface ReportFacts {
  id: string;
  childId: string;
  districtId: string;
  reporterAgencyId: string | null;
  registeredByUserId: string;
}

const handling = REPORT_HANDLERS;
const reported = REPORT_READERS;
const feedback = REPORT_FEEDBACK_READERS;

const reportFacts = (row: ReportFacts) => ({
  entityId: row.id,
  childId: row.childId,
  districtId: row.districtId,
  reporterAgencyId: row.reporterAgencyId,
  filedByUserId: row.registeredByUserId,
});

export const reportPolicy = definePolicy<ReportType>()<ReportType & ReportFacts>({
  type: 'Report',
  personal: true,
  rows: reported,
  facts: reportFacts,
  fields: {
    id: reported,
    reference: reported,
    reporterKind: reported,
    channel: reported,
    reporterAgency: reported,
    reporterContact: handling,
    policeReference: reported,
    childAsReported: reported,
    category: reported,
    description: reported,
    receivedAt: reported,
    observedAt: reported,
    submittedAt: reported,
    suspectedOffence: reported,
    offenceCanLeadToPrison: reported,
    firstKnownSuspicion: reported,
    preInvestigationRunning: reported,
    guardianContactOnHold: reported,
    feedbackRequested: reported,
    feedbackStatus: feedback,
    feedbackDueAt: feedback,
    feedback,
    child: handling,
    responsible: handling,
    protectionAssessedAt: handling,
    acuteDanger: handling,
    protectionNote: handling,
    preliminaryDecision: handling,
    preliminaryDecidedAt: handling,
    lateReason: handling,
    lateReasonText: handling,
    ongoingInvestigationReference: handling,
    investigationExtensionReason: handling,
    investigationExtensions: handling,
    investigationExtendableUntil: handling,
    investigationClosedAt: handling,
    investigationOutcome: handling,
    deadlines: handling,
    identityStatus: handling,
    possibleMatches: handling,
    identityMismatch: handling,
    arrivedIntoOpenCase: handling,
    earlierReports: handling,
    reporterName: handling,
    reporterWorkContact: handling,
  },
});

/** A line in a report's list of the child's earlier reports: social services only, like the list itself. */
export const earlierReportPolicy = definePolicy<EarlierReportType>()<EarlierReportType & ReportFacts>({
  type: 'EarlierReport',
  personal: true,
  rows: handling,
  facts: reportFacts,
  fields: { id: handling, reference: handling, category: handling, receivedAt: handling },
});

/** What the reporter sent against the record: social services only, never the reporter or another agency. */
export const identityMismatchPolicy = definePolicy<IdentityMismatchType>()<IdentityMismatchType & ReportFacts>({
  type: 'IdentityMismatch',
  personal: true,
  rows: handling,
  facts: reportFacts,
  fields: { sent: handling, recordName: handling },
});

export const reportFeedbackPolicy = definePolicy<ReportFeedbackType>()<ReportFeedbackType & ReportFacts>({
  type: 'ReportFeedback',
  personal: true,
  rows: feedback,
  facts: reportFacts,
  fields: { value: feedback, givenAt: feedback },
});

export const investigationExtensionPolicy = definePolicy<InvestigationExtensionType>()<InvestigationExtensionType & ReportFacts>({
  type: 'InvestigationExtension',
  personal: true,
  rows: handling,
  facts: reportFacts,
  fields: {
    id: handling,
    reason: handling,
    reasonText: handling,
    previousDueAt: handling,
    newDueAt: handling,
    decidedAt: handling,
    decidedBy: handling,
  },
});

/** Colleagues' names are staff data, not child data; feedback never names them. */
const colleagues = [grant(CASEWORK_ROLES, sameMunicipality, null)];

export const staffMemberPolicy = definePolicy<StaffMemberType>()<StaffMemberType & { municipalityId: string }>({
  type: 'StaffMember',
  personal: false,
  rows: colleagues,
  facts: (row) => ({ municipalityId: row.municipalityId }),
  fields: { id: colleagues, displayName: colleagues, agency: colleagues, openReports: colleagues, openTalks: colleagues },
});

/** The sending system reads back only its own receipt: our reference and the receipt time, nothing of the file. */
const sender = [grant([Role.INTAKE_CLIENT], filedByViewer, null)];

export const submittedReportPolicy = definePolicy<SubmittedReportType>()<SubmittedReportType & { registeredByUserId: string }>({
  type: 'SubmittedReport',
  personal: false,
  rows: sender,
  facts: (row) => ({ filedByUserId: row.registeredByUserId }),
  fields: { reference: sender, receivedAt: sender, replayed: sender },
});

export const REPORTS_ACCESS: ModuleAccess = {
  types: [
    reportPolicy,
    reportFeedbackPolicy,
    earlierReportPolicy,
    investigationExtensionPolicy,
    staffMemberPolicy,
    ...connectionPolicies('Report'),
    identityMismatchPolicy,
    submittedReportPolicy,
  ],
  queries: {
    intakeQueue: SOCIAL_SERVICES_ROLES,
    report: [...SOCIAL_SERVICES_ROLES, ...REPORTER_ROLES],
    reportByReference: [...SOCIAL_SERVICES_ROLES, ...REPORTER_ROLES],
    intakeSearch: SOCIAL_SERVICES_ROLES,
    /** Whom a supervisor can assign a report to. */
    staff: [Role.SOCIAL_SERVICES_SUPERVISOR],
    myReports: REPORTER_ROLES,
    reportFeedback: REPORTER_ROLES,
  },
  mutations: {
    flagConcern: [Role.SCHOOL_STAFF, Role.LEISURE_STAFF],
    reportConcern: [Role.POLICE_OFFICER],
    registerConcern: SOCIAL_SERVICES_ROLES,
    /** Another agency's case system; the only thing its role may do. */
    submitReport: [Role.INTAKE_CLIENT],
    assignReport: SOCIAL_SERVICES_ROLES,
    recordProtectionAssessment: SOCIAL_SERVICES_ROLES,
    recordPreliminaryAssessment: SOCIAL_SERVICES_ROLES,
    /** SoL 11:2: extending an investigation is the supervisor's decision. */
    extendInvestigation: [Role.SOCIAL_SERVICES_SUPERVISOR],
    closeInvestigation: SOCIAL_SERVICES_ROLES,
    sendFeedback: SOCIAL_SERVICES_ROLES,
    updatePoliceInformation: [Role.POLICE_OFFICER],
    linkReportToChild: SOCIAL_SERVICES_ROLES,
    confirmNewChild: SOCIAL_SERVICES_ROLES,
    /**
     * Merging moves one record's reports, talks and cases into another child's file: a wrong merge discloses one child's
     * secret information (OSL 26:1) in another's file and rewrites whose history it is, so it is the supervisor's decision,
     * like an extension (SoL 11:2). Linking a provisional record made by one report at intake is everyday intake work.
     */
    mergeChildren: [Role.SOCIAL_SERVICES_SUPERVISOR],
  },
};
