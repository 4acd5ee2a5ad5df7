import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ChildType } from '../children';
import { ConnectionType } from '../common/page.type';
import {
  ExceptionalReason,
  FeedbackStatus,
  FeedbackValue,
  InvestigationOutcome,
  PreliminaryDecision,
  ReportCategory,
  ReportChannel,
  ReporterKind,
} from '../common/enums';
import { DeadlineType } from '../deadlines';
import { AgencyType, StaffMemberType } from '../organisation';
import { IdentityMismatchType, IdentityStatus } from './report-identity.type';

@ObjectType('ReportFeedback', { description: 'Återkoppling: exactly one status and its date, nothing else.' })
export class ReportFeedbackType {
  @Field(() => FeedbackValue, { nullable: true })
  value!: FeedbackValue | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  givenAt!: Date | null;
}

@ObjectType('InvestigationExtension', { description: "A supervisor's decision to extend an investigation; every one is kept." })
export class InvestigationExtensionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ExceptionalReason, { nullable: true })
  reason!: ExceptionalReason | null;

  @Field(() => String, { nullable: true })
  reasonText!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  previousDueAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  newDueAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => StaffMemberType, { nullable: true })
  decidedBy?: StaffMemberType | null;
}

@ObjectType('EarlierReport', {
  description: 'Another report on the same child, as a line in a list: it leads to no further reports (open it by id for more).',
})
export class EarlierReportType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => ReportCategory, { nullable: true })
  category!: ReportCategory | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  receivedAt!: Date | null;
}

@ObjectType('Report', { description: 'A concern report (orosanmälan). Who sees which field is set by the access policy.' })
export class ReportType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Our reference, e.g. OA-2026-000042.' })
  reference!: string | null;

  @Field(() => ReporterKind, { nullable: true })
  reporterKind!: ReporterKind | null;

  @Field(() => ReportChannel, { nullable: true })
  channel!: ReportChannel | null;

  @Field(() => AgencyType, { nullable: true })
  reporterAgency?: AgencyType | null;

  @Field(() => String, { nullable: true, description: "A private reporter's name and contact." })
  reporterContact!: string | null;

  @Field(() => String, { nullable: true, description: 'The police case number, e.g. K-12345/26.' })
  policeReference!: string | null;

  @Field(() => String, { nullable: true, description: 'The child as the reporter knew them.' })
  childAsReported!: string | null;

  @Field(() => ReportCategory, { nullable: true })
  category!: ReportCategory | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the report reached social services: every clock starts here.' })
  receivedAt!: Date | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'When the reporter observed the concern, as they stated it (information only).',
  })
  observedAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, deprecationReason: 'Use receivedAt.' })
  submittedAt?: Date | null;

  @Field(() => String, { nullable: true })
  suspectedOffence!: string | null;

  @Field(() => Boolean, { nullable: true })
  offenceCanLeadToPrison!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  firstKnownSuspicion!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  preInvestigationRunning!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'LUL 5 §: the police have put a hold on contacting the guardians.' })
  guardianContactOnHold!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  feedbackRequested!: boolean | null;

  @Field(() => FeedbackStatus, { nullable: true })
  feedbackStatus?: FeedbackStatus | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  feedbackDueAt!: Date | null;

  @Field(() => ReportFeedbackType, { nullable: true })
  feedback?: ReportFeedbackType | null;

  @Field(() => ChildType, { nullable: true })
  child?: ChildType | null;

  @Field(() => StaffMemberType, { nullable: true })
  responsible?: StaffMemberType | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  protectionAssessedAt!: Date | null;

  @Field(() => Boolean, { nullable: true })
  acuteDanger!: boolean | null;

  @Field(() => String, { nullable: true })
  protectionNote!: string | null;

  @Field(() => PreliminaryDecision, { nullable: true })
  preliminaryDecision!: PreliminaryDecision | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  preliminaryDecidedAt!: Date | null;

  @Field(() => ExceptionalReason, { nullable: true, description: 'Why the decision came after the deadline.' })
  lateReason!: ExceptionalReason | null;

  @Field(() => String, { nullable: true })
  lateReasonText!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ALREADY_ONGOING: the investigation's case number in social services' own record system.",
  })
  ongoingInvestigationReference!: string | null;

  @Field(() => String, { nullable: true, deprecationReason: 'Use investigationExtensions.' })
  investigationExtensionReason!: string | null;

  @Field(() => [InvestigationExtensionType], { nullable: true })
  investigationExtensions?: InvestigationExtensionType[] | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      "The latest due date a supervisor's extension may set now: the running investigation's deadline plus the district's " +
      'investigationExtensionMonths. Null when no investigation is running.',
  })
  investigationExtendableUntil?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  investigationClosedAt!: Date | null;

  @Field(() => InvestigationOutcome, { nullable: true })
  investigationOutcome!: InvestigationOutcome | null;

  @Field(() => [DeadlineType], { nullable: true })
  deadlines?: DeadlineType[] | null;

  @Field(() => IdentityStatus, {
    nullable: true,
    description: 'UNCONFIRMED ("identitet ej bekräftad") for a report by name only until linked or confirmed.',
  })
  identityStatus?: IdentityStatus | null;

  @Field(() => [ChildType], {
    nullable: true,
    description: 'While the identity is unconfirmed: registered children in the district with the same name and birth year.',
  })
  possibleMatches?: ChildType[] | null;

  @Field(() => IdentityMismatchType, {
    nullable: true,
    description: "Set when the child's number came with another name than the record's.",
  })
  identityMismatch?: IdentityMismatchType | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The child had an open investigation or collaboration case when the report came in.',
  })
  arrivedIntoOpenCase!: boolean | null;

  @Field(() => [EarlierReportType], { nullable: true, description: "The child's other reports received before this one, newest first." })
  earlierReports?: EarlierReportType[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The professional who filed the report digitally, or the name social services registered for a call, letter, e-mail or visit.',
  })
  reporterName?: string | null;

  @Field(() => String, { nullable: true, description: "That professional's work contact (e-mail) and agency, to call back." })
  reporterWorkContact?: string | null;
}

export const ReportConnection = ConnectionType('Report', ReportType);

@ObjectType('SubmittedReport', {
  description: "What a sending case system gets back: our reference and the receipt time the clocks run from, nothing of the child's file.",
})
export class SubmittedReportType {
  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  receivedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'True when this was a retry of a report already received.' })
  replayed!: boolean | null;
}
