import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ConsentType } from '../consent';
import { AgencyType, StaffMemberType } from '../organisation';
import { ActionKind, ActionStatus, CaseSource, CaseState, ClosingReason, CollaborationModel, MeetingKind } from './collaboration.enums';

/** The mark a public authority sets on a goal, a note or an action (CaseText). */
const CrimeInformationField = () =>
  Field(() => Boolean, {
    nullable: true,
    description: 'Criminal-offence data (GDPR art. 10): never shown to an agency that is not a public authority.',
  });

@ObjectType('CaseChild', { description: "The child as a case partner sees them: name and age, nothing from social services' records." })
export class CaseChildType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  givenName!: string | null;

  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Field(() => Int, { nullable: true })
  age?: number | null;
}

@ObjectType('CaseStateChange')
export class CaseStateChangeType {
  @Field(() => CaseState, { nullable: true })
  state!: CaseState | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  at!: Date | null;

  @Field(() => StaffMemberType, { nullable: true })
  actor?: StaffMemberType | null;
}

@ObjectType('TeamMember', { description: 'A partner on the case team, from an agency the consent covers.' })
export class TeamMemberType {
  @Field(() => ID)
  id!: string;

  @Field(() => StaffMemberType, { nullable: true })
  person?: StaffMemberType | null;

  @Field(() => AgencyType, { nullable: true })
  agency?: AgencyType | null;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  addedAt!: Date | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'When the membership ended (consent withdrawn, or removed); kept as history.',
  })
  endedAt!: Date | null;

  @Field(() => String, { nullable: true })
  endReason!: string | null;
}

@ObjectType('TeamCandidate', {
  description: 'Someone the coordinator can add to the team: active staff of an agency a valid consent covers.',
})
export class TeamCandidateType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => AgencyType, { nullable: true })
  agency?: AgencyType | null;
}

@ObjectType('AgencyGoal')
export class AgencyGoalType {
  @Field(() => ID)
  id!: string;

  @Field(() => AgencyType, { nullable: true })
  agency?: AgencyType | null;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @CrimeInformationField()
  crimeInformation!: boolean | null;
}

@ObjectType('ActionNote', { description: 'A progress note on a plan action.' })
export class ActionNoteType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @CrimeInformationField()
  crimeInformation!: boolean | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  writtenAt!: Date | null;

  @Field(() => StaffMemberType, { nullable: true })
  author?: StaffMemberType | null;
}

@ObjectType('PlanAction', { description: 'One action of the commitment plan (åtagandeplan).' })
export class PlanActionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  caseId!: string | null;

  @Field(() => String, { nullable: true })
  caseReference!: string | null;

  @Field(() => ActionKind, { nullable: true })
  kind!: ActionKind | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => AgencyType, { nullable: true })
  responsibleAgency?: AgencyType | null;

  @Field(() => StaffMemberType, { nullable: true })
  responsible?: StaffMemberType | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  dueAt!: Date | null;

  @Field(() => ActionStatus, { nullable: true })
  status!: ActionStatus | null;

  @Field(() => String, { nullable: true })
  cancelReason!: string | null;

  @CrimeInformationField()
  crimeInformation!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  overdue?: boolean | null;

  @Field(() => [ActionNoteType], { nullable: true })
  notes?: ActionNoteType[] | null;
}

@ObjectType('CollaborationMeeting', { description: 'A mapping talk, network meeting or follow-up.' })
export class MeetingType {
  @Field(() => ID)
  id!: string;

  @Field(() => MeetingKind, { nullable: true })
  kind!: MeetingKind | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  scheduledAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  heldAt!: Date | null;

  @Field(() => [StaffMemberType], { nullable: true })
  attendees?: StaffMemberType[] | null;

  @Field(() => String, { nullable: true })
  decisions!: string | null;

  @Field(() => String, { nullable: true })
  planChanges!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Set when the meeting was cancelled: it will not be held.' })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason!: string | null;
}

@ObjectType('CollaborationCase', { description: 'An SSPF or SSFF case. Who sees which part is set by the access policy and the consent.' })
export class CollaborationCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'e.g. SSPF-2026-000042.' })
  reference!: string | null;

  @Field(() => CollaborationModel, { nullable: true })
  model!: CollaborationModel | null;

  @Field(() => String, { nullable: true, description: 'Why a child outside both age bands got a case.' })
  modelOverrideReason!: string | null;

  @Field(() => CollaborationModel, {
    nullable: true,
    description: "Set when the child's age has left the model's band: switch and collect consent again.",
  })
  suggestedModel?: CollaborationModel | null;

  @Field(() => CaseSource, { nullable: true })
  source!: CaseSource | null;

  @Field(() => String, { nullable: true })
  concern!: string | null;

  @Field(() => CaseState, { nullable: true })
  state!: CaseState | null;

  @Field(() => [CaseStateChangeType], { nullable: true })
  stateHistory?: CaseStateChangeType[] | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  openedAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  lastActivityAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  closedAt!: Date | null;

  @Field(() => ClosingReason, { nullable: true })
  closingReason!: ClosingReason | null;

  @Field(() => String, { nullable: true })
  closingNote!: string | null;

  @Field(() => CaseChildType, { nullable: true })
  child?: CaseChildType | null;

  @Field(() => StaffMemberType, { nullable: true })
  coordinator?: StaffMemberType | null;

  @Field(() => [ConsentType], { nullable: true })
  consents?: ConsentType[] | null;

  @Field(() => [TeamMemberType], { nullable: true })
  team?: TeamMemberType[] | null;

  @Field(() => [String], { nullable: true, description: "The youth's own goals, in their words." })
  youthGoals!: string[] | null;

  @Field(() => [AgencyGoalType], { nullable: true })
  agencyGoals?: AgencyGoalType[] | null;

  @Field(() => [PlanActionType], { nullable: true, description: 'The actions the viewer may see.' })
  actions?: PlanActionType[] | null;

  @Field(() => [MeetingType], { nullable: true, description: 'The meetings the viewer may see.' })
  meetings?: MeetingType[] | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  nextFollowUpAt?: Date | null;
}

@ObjectType('CollaborationAgenda', { description: "The working group's weekly agenda for a district." })
export class CollaborationAgendaType {
  @Field(() => GraphQLDateTime)
  weekStart!: Date;

  @Field(() => [CollaborationCaseType])
  newIntakes!: CollaborationCaseType[];

  @Field(() => [CollaborationCaseType])
  dueForFollowUp!: CollaborationCaseType[];

  @Field(() => [PlanActionType])
  overdueActions!: PlanActionType[];
}
