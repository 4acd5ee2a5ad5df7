import { GraphQLResolveInfo } from 'graphql';
import { ReportProjection, ReportRow } from '../../db/reports/report.repository';
import { ReportType } from '../../schema/reports/report.type';
import { selectedFieldNames } from '../selection';

/** What each GraphQL field of a report reads from its row (field resolvers included); a new field without an entry does not compile. */
const READS: { readonly [F in keyof ReportType]-?: readonly (keyof ReportRow)[] } = {
  id: ['id'],
  reference: ['reference'],
  reporterKind: ['reporterKind'],
  channel: ['channel'],
  reporterAgency: ['reporterAgencyId'],
  reporterContact: ['reporterContact'],
  policeReference: ['policeReference'],
  childAsReported: ['childAsReported'],
  category: ['category'],
  description: ['description'],
  receivedAt: ['receivedAt'],
  observedAt: ['observedAt'],
  submittedAt: ['receivedAt'],
  suspectedOffence: ['suspectedOffence'],
  offenceCanLeadToPrison: ['offenceCanLeadToPrison'],
  firstKnownSuspicion: ['firstKnownSuspicion'],
  preInvestigationRunning: ['preInvestigationRunning'],
  guardianContactOnHold: ['guardianContactOnHold'],
  feedbackRequested: ['feedbackRequested'],
  feedbackStatus: ['feedbackGivenAt', 'feedbackRequested', 'feedbackDueAt'],
  feedbackDueAt: ['feedbackDueAt'],
  feedback: ['feedbackGivenAt', 'feedbackValue'],
  child: ['childId'],
  responsible: ['responsibleUserId'],
  protectionAssessedAt: ['protectionAssessedAt'],
  acuteDanger: ['acuteDanger'],
  protectionNote: ['protectionNote'],
  preliminaryDecision: ['preliminaryDecision'],
  preliminaryDecidedAt: ['preliminaryDecidedAt'],
  lateReason: ['lateReason'],
  lateReasonText: ['lateReasonText'],
  ongoingInvestigationReference: ['ongoingInvestigationReference'],
  investigationExtensionReason: ['investigationExtensionReason'],
  investigationExtensions: ['id'],
  investigationExtendableUntil: ['districtId', 'policyVersion'],
  investigationClosedAt: ['investigationClosedAt'],
  investigationOutcome: ['investigationOutcome'],
  deadlines: ['id'],
  identityStatus: ['identityConfirmed'],
  possibleMatches: ['identityConfirmed', 'childId'],
  identityMismatch: ['identityMismatchRecordName', 'childAsReported'],
  arrivedIntoOpenCase: ['arrivedIntoOpenCase'],
  earlierReports: ['childId', 'receivedAt'],
  reporterName: ['registeredByUserId', 'reporterAgencyId', 'reporterName'],
  reporterWorkContact: ['registeredByUserId', 'reporterAgencyId'],
};

/** The columns a connection of reports needs for the fields this operation selects of its nodes. */
export function reportConnectionProjection(info: GraphQLResolveInfo): ReportProjection {
  const fields = selectedFieldNames(info, [['ReportConnection', 'edges'], ['ReportEdge', 'node'], ['Report']]);
  return [...fields].flatMap((f) => READS[f as keyof ReportType] ?? (Object.keys(READS) as (keyof ReportType)[]).flatMap((k) => READS[k]));
}
