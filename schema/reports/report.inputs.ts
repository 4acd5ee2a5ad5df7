import { Field, ID, InputType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { IsOptional, ValidateNested } from 'class-validator';
import {
  ExceptionalReason,
  FeedbackFilter,
  InvestigationOutcome,
  PreliminaryDecision,
  ReportCategory,
  ReportChannel,
  ReporterKind,
} from '../common/enums';
import { DateInRange, FREE_TEXT, NAME, OPTIONAL_TEXT, Text, Uuid } from '../common/validators';

@InputType({ description: 'The child by personal identity number, or by name when the number is unknown.' })
export class ReportedChildInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 20, identifying: true })
  personalIdentityNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: NAME.max, identifying: true })
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: NAME.max, identifying: true })
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, when the number is unknown but the date of birth is.' })
  @IsOptional()
  @Text({ max: 10 })
  birthDate?: string | null;
}

@InputType('ConcernBaseInput')
abstract class ConcernBaseInput {
  @Field(() => ReportedChildInput)
  @ValidateNested()
  child!: ReportedChildInput;

  @Field(() => ReportCategory, { nullable: true, description: 'Required.' })
  category?: ReportCategory | null;

  @Field(() => String)
  @Text(FREE_TEXT)
  description!: string;

  @Field(() => Boolean, {
    description:
      'Ask social services for feedback (old SoL 14:1 b). Only reporters under the duty to report are owed it: ' +
      'true is refused for a private person and for staff of an agency without the duty to report (Agency.dutyToReport).',
  })
  feedbackRequested!: boolean;

  @Field(() => String, { description: 'Any unique string per submission; a retry with the same key returns the first result.' })
  @Text({ min: 8, max: 100 })
  idempotencyKey!: string;

  @Field(() => ID, { nullable: true, description: 'Needed only when the child is new and your agency serves several districts.' })
  @IsOptional()
  @Uuid()
  districtId?: string | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      'When you observed the concern (information only): the clocks start when social services receive the report. Cannot be in the future.',
  })
  @IsOptional()
  @DateInRange()
  observedAt?: Date | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    deprecationReason: 'Use observedAt: the clocks start when social services receive the report, not at a time the reporter states.',
  })
  @IsOptional()
  @DateInRange()
  submittedAt?: Date | null;
}

@InputType({ description: 'School or leisure staff flag a concern about a child.' })
export class FlagConcernInput extends ConcernBaseInput {}

/** The police's facts about a suspicion, after `base`'s fields: a report filed in the app and one a police system sends. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript takes a class as a mixin's base only with any[]
function withPoliceFacts<Base extends abstract new (...args: any[]) => object>(base: Base, policeReferenceDescription: string) {
  @InputType()
  abstract class PoliceFacts extends base {
    @Field(() => String, { nullable: true, description: policeReferenceDescription })
    @IsOptional()
    @Text({ min: 3, max: 40, identifying: true })
    policeReference?: string | null;

    @Field(() => String, { nullable: true })
    @IsOptional()
    @Text({ max: 500, multiline: true })
    suspectedOffence?: string | null;

    @Field(() => Boolean, { nullable: true })
    offenceCanLeadToPrison?: boolean | null;

    @Field(() => Boolean)
    firstKnownSuspicion!: boolean;

    @Field(() => Boolean)
    preInvestigationRunning!: boolean;

    @Field(() => Boolean, { description: 'LUL 5 §' })
    guardianContactOnHold!: boolean;
  }
  return PoliceFacts;
}

@InputType({ description: 'The police report a concern or a suspicion about a child.' })
export class ReportConcernInput extends withPoliceFacts(
  ConcernBaseInput,
  'The police case number (K-number); required when the concern rests on a crime suspicion.',
) {}

@InputType({
  description: "Social services register a report received by phone, letter, e-mail or in person, on the reporter's behalf.",
})
export class RegisterConcernInput extends ConcernBaseInput {
  @Field(() => ReportChannel, { description: 'PHONE, LETTER, EMAIL or IN_PERSON; DIGITAL reports are filed in the app.' })
  channel!: ReportChannel;

  @Field(() => ReporterKind)
  reporterKind!: ReporterKind;

  @Field(() => String, { nullable: true, description: "The reporter's name; leave it out when they would not give it." })
  @IsOptional()
  @Text({ min: 1, max: NAME.max, identifying: true })
  reporterName?: string | null;

  @Field(() => String, { description: 'How to reach the reporter: phone number, address or e-mail (or their name and number).' })
  @Text({ min: 1, max: 500, multiline: true, identifying: true })
  reporterContact!: string;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      "When the call or letter actually reached social services; starts the clocks. Defaults to now; at most the district's receiptBackdateDays back.",
  })
  @IsOptional()
  @DateInRange()
  receivedAt?: Date | null;
}

@InputType()
export class AssignReportInput {
  @Field(() => ID) @Uuid() reportId!: string;
  @Field(() => ID, { description: 'A social worker in the district.' }) @Uuid() userId!: string;
}

@InputType()
export class ProtectionAssessmentInput {
  @Field(() => ID) @Uuid() reportId!: string;
  @Field(() => Boolean) acuteDanger!: boolean;
  @Field(() => String) @Text(FREE_TEXT) note!: string;
}

@InputType()
export class PreliminaryAssessmentInput {
  @Field(() => ID) @Uuid() reportId!: string;
  @Field(() => PreliminaryDecision) decision!: PreliminaryDecision;

  @Field(() => ExceptionalReason, { nullable: true, description: 'Required when deciding after the deadline. Workload is not a reason.' })
  @IsOptional()
  lateReason?: ExceptionalReason | null;

  @Field(() => String, { nullable: true, description: 'What the reason is; required for OTHER_EXCEPTIONAL.' })
  @IsOptional()
  @Text(OPTIONAL_TEXT)
  lateReasonText?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "ALREADY_ONGOING: the case number of the investigation in social services' own record system, when it is not open in Samverka.",
  })
  @IsOptional()
  @Text({ min: 1, max: 60, identifying: true })
  ongoingInvestigationReference?: string | null;
}

@InputType({
  description: 'A supervisor extends an investigation (SoL 11 kap. 2 §) for an exceptional reason, by at most the district setting.',
})
export class ExtendInvestigationInput {
  @Field(() => ID) @Uuid() reportId!: string;
  @Field(() => ExceptionalReason) reason!: ExceptionalReason;

  @Field(() => String, { nullable: true, description: 'What the reason is; required for OTHER_EXCEPTIONAL.' })
  @IsOptional()
  @Text(OPTIONAL_TEXT)
  reasonText?: string | null;

  @Field(() => GraphQLDateTime) @DateInRange() newDueAt!: Date;
}

@InputType({ description: 'Closes an investigation with its outcome; meets the 4-month clock at closedAt.' })
export class CloseInvestigationInput {
  @Field(() => ID) @Uuid() reportId!: string;
  @Field(() => InvestigationOutcome) outcome!: InvestigationOutcome;
  @Field(() => GraphQLDateTime, { description: 'When the investigation was finished; not in the future.' }) @DateInRange() closedAt!: Date;
}

@InputType()
export class ReportFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'Only reports still waiting for a preliminary decision.' })
  @IsOptional()
  openOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only reports nobody is responsible for yet.' })
  @IsOptional()
  unassignedOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only reports you are responsible for ("mine").' })
  @IsOptional()
  assignedToMe?: boolean | null;

  @Field(() => ReportCategory, { nullable: true })
  @IsOptional()
  category?: ReportCategory | null;

  @Field(() => String, { nullable: true, description: 'Reporters: only reports under this police case number.' })
  @IsOptional()
  @Text({ min: 1, max: 40 })
  policeReference?: string | null;

  @Field(() => FeedbackFilter, { nullable: true, description: 'Reporters: only reports whose feedback is awaited, overdue or given.' })
  @IsOptional()
  feedbackStatus?: FeedbackFilter | null;

  @Field(() => Boolean, { nullable: true, description: 'Only reports with a clock past its due time and not yet met.' })
  @IsOptional()
  overdueOnly?: boolean | null;
}

@InputType({ description: 'The filing police area updates what it told social services. Both changes are one-way.' })
export class UpdatePoliceInformationInput {
  @Field(() => ID) @Uuid() reportId!: string;

  @Field(() => Boolean, { nullable: true, description: 'LUL 5 §: the investigation leader lifts the hold on contacting the guardians.' })
  @IsOptional()
  liftGuardianContactHold?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The preliminary criminal investigation (förundersökning) has ended.' })
  @IsOptional()
  endPreInvestigation?: boolean | null;
}

@InputType({ description: 'What the police know, sent with a report from a police case system.' })
export class SubmittedPoliceFactsInput extends withPoliceFacts(
  class {},
  'The K-number; required when the concern rests on a crime suspicion.',
) {}

@InputType({ description: "A report sent by another agency's case system (a registered client, channel SYSTEM)." })
export class SubmitReportInput {
  @Field(() => String, {
    description: "The sending system's own case reference: a retry with the same reference and content returns the same report.",
  })
  @Text({ min: 1, max: 100 })
  senderReference!: string;

  @Field(() => ID, { description: 'The agency the client is registered for; any other is refused.' })
  @Uuid()
  agencyId!: string;

  @Field(() => ReportedChildInput)
  @ValidateNested()
  child!: ReportedChildInput;

  @Field(() => ReportCategory, { nullable: true, description: 'Required.' })
  category?: ReportCategory | null;

  @Field(() => String)
  @Text(FREE_TEXT)
  description!: string;

  @Field(() => Boolean, { description: 'Ask for feedback (old SoL 14:1 b); only agencies under the duty to report are owed it.' })
  feedbackRequested!: boolean;

  @Field(() => ID, { nullable: true, description: 'Needed only when the child is new and the agency serves several districts.' })
  @IsOptional()
  @Uuid()
  districtId?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the concern was observed (information only); not in the future.' })
  @IsOptional()
  @DateInRange()
  observedAt?: Date | null;

  @Field(() => SubmittedPoliceFactsInput, { nullable: true, description: 'Police clients only: required from them, refused from others.' })
  @IsOptional()
  @ValidateNested()
  police?: SubmittedPoliceFactsInput | null;
}
