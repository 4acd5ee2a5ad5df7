import { Field, ID, InputType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { DateInRange, FREE_TEXT, LIST_MAX, OPTIONAL_TEXT, Text, Uuid } from '../common/validators';
import { ActionKind, ActionStatus, CaseState, CaseText, ClosingReason, CollaborationModel, MeetingKind } from './collaboration.enums';

@InputType({ description: 'For a child outside both age bands: the model and why.' })
export class ModelOverrideInput {
  @Field(() => CollaborationModel)
  model!: CollaborationModel;

  @Field(() => String)
  @Text(FREE_TEXT)
  reason!: string;
}

@InputType()
export class OpenCollaborationCaseInput {
  @Field(() => ID)
  @Uuid()
  childId!: string;

  @Field(() => String, { description: 'The concern as raised with the coordinator.' })
  @Text(FREE_TEXT)
  concern!: string;

  @Field(() => ModelOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  modelOverride?: ModelOverrideInput | null;

  @Field(() => String, { description: 'Any unique string per intake; a retry with the same key returns the first case.' })
  @Text({ min: 8, max: 100 })
  idempotencyKey!: string;
}

@InputType({ description: "Ends a member's place on the team (kept as history); their open actions lose their owner and their clocks." })
export class RemoveTeamMemberInput {
  @Field(() => ID)
  @Uuid()
  caseId!: string;

  @Field(() => ID)
  @Uuid()
  userId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 500 })
  reason?: string | null;
}

@InputType({ description: 'A public authority marks whether a text of the case holds criminal-offence data (GDPR art. 10).' })
export class MarkCrimeInformationInput {
  @Field(() => CaseText)
  text!: CaseText;

  @Field(() => ID)
  @Uuid()
  id!: string;

  @Field(() => Boolean)
  crimeInformation!: boolean;
}

@InputType()
export class AddTeamMemberInput {
  @Field(() => ID)
  @Uuid()
  caseId!: string;

  @Field(() => ID)
  @Uuid()
  userId!: string;

  @Field(() => String, { nullable: true, description: 'e.g. mentor, class teacher.' })
  @IsOptional()
  @Text({ max: 200 })
  role?: string | null;
}

@InputType()
export class AgencyGoalInput {
  @Field(() => ID)
  @Uuid()
  agencyId!: string;

  @Field(() => String)
  @Text(FREE_TEXT)
  text!: string;
}

@InputType({ description: 'Replaces the goals. Setting goals during mapping starts the plan, which needs the first follow-up date.' })
export class SetGoalsInput {
  @Field(() => ID)
  @Uuid()
  caseId!: string;

  @Field(() => [String], { description: "The youth's own goals, in their words." })
  @ArrayMaxSize(LIST_MAX)
  @Text(FREE_TEXT, { each: true })
  youthGoals!: string[];

  @Field(() => [AgencyGoalInput])
  @ArrayMaxSize(LIST_MAX)
  @ValidateNested({ each: true })
  agencyGoals!: AgencyGoalInput[];

  @Field(() => GraphQLDateTime, { nullable: true, description: 'The first follow-up meeting, when none is scheduled.' })
  @IsOptional()
  @DateInRange()
  firstFollowUpAt?: Date | null;
}

@InputType()
export class AddPlanActionInput {
  @Field(() => ID)
  @Uuid()
  caseId!: string;

  @Field(() => ActionKind)
  kind!: ActionKind;

  @Field(() => String)
  @Text(FREE_TEXT)
  description!: string;

  @Field(() => ID, { description: 'The person responsible; the action belongs to their agency.' })
  @Uuid()
  responsibleUserId!: string;

  @Field(() => GraphQLDateTime)
  @DateInRange()
  dueAt!: Date;
}

@InputType({ description: 'Omitted fields keep their value.' })
export class UpdatePlanActionInput {
  @Field(() => ID)
  @Uuid()
  actionId!: string;

  @Field(() => ActionStatus, { nullable: true })
  @IsOptional()
  status?: ActionStatus | null;

  @Field(() => String, { nullable: true, description: 'Required when cancelling.' })
  @IsOptional()
  @Text(OPTIONAL_TEXT)
  cancelReason?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  @IsOptional()
  @DateInRange()
  dueAt?: Date | null;
}

@InputType()
export class AddActionNoteInput {
  @Field(() => ID)
  @Uuid()
  actionId!: string;

  @Field(() => String)
  @Text(FREE_TEXT)
  text!: string;
}

@InputType()
export class ScheduleFollowUpInput {
  @Field(() => ID)
  @Uuid()
  caseId!: string;

  @Field(() => MeetingKind, { defaultValue: MeetingKind.FOLLOW_UP })
  kind: MeetingKind = MeetingKind.FOLLOW_UP;

  @Field(() => GraphQLDateTime)
  @DateInRange()
  scheduledAt!: Date;

  @Field(() => [ID], { description: 'Team members and the coordinator only.' })
  @ArrayMaxSize(LIST_MAX)
  @Uuid({ each: true })
  attendeeUserIds!: string[];
}

@InputType({ description: 'Moves a meeting not yet held; the same time changes nothing.' })
export class RescheduleMeetingInput {
  @Field(() => ID)
  @Uuid()
  meetingId!: string;

  @Field(() => GraphQLDateTime)
  @DateInRange()
  scheduledAt!: Date;

  @Field(() => String, { nullable: true, description: 'A retry with the same key moves nothing again, whatever moved the meeting since.' })
  @IsOptional()
  @Text({ min: 8, max: 100 })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Cancels a meeting not yet held.' })
export class CancelMeetingInput {
  @Field(() => ID)
  @Uuid()
  meetingId!: string;

  @Field(() => String, { description: 'Why, in a line: the case record keeps it, the invitees are not told it.' })
  @Text({ min: 1, max: 500 })
  reason!: string;
}

@InputType()
export class RecordFollowUpInput {
  @Field(() => ID)
  @Uuid()
  meetingId!: string;

  @Field(() => String)
  @Text(FREE_TEXT)
  decisions!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(OPTIONAL_TEXT)
  planChanges?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Who actually attended; defaults to those invited.' })
  @IsOptional()
  @ArrayMaxSize(LIST_MAX)
  @Uuid({ each: true })
  attendeeUserIds?: string[] | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Required while the plan runs.' })
  @IsOptional()
  @DateInRange()
  nextFollowUpAt?: Date | null;
}

@InputType()
export class CloseCollaborationCaseInput {
  @Field(() => ID)
  @Uuid()
  caseId!: string;

  @Field(() => ClosingReason)
  reason!: ClosingReason;

  @Field(() => String, { nullable: true, description: 'Required for OTHER.' })
  @IsOptional()
  @Text(OPTIONAL_TEXT)
  note?: string | null;
}

@InputType()
export class CollaborationCaseFilter {
  @Field(() => [CaseState], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  states?: CaseState[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cases not closed.' })
  @IsOptional()
  openOnly?: boolean | null;
}
