import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ChildType } from '../children';
import { DeadlineType } from '../deadlines';
import { AgencyType, StaffMemberType } from '../organisation';
import { ReportType } from '../reports';
import { ReportCategory } from '../common/enums';
import {
  ForumNoReason,
  TalkClearanceKind,
  TalkDelayReason,
  TalkHolderKind,
  TalkIneligibility,
  TalkKind,
  TalkOrigin,
  TalkOutcome,
  TalkParticipantRole,
  TalkStanding,
  TalkState,
} from './talk-enums';

@ObjectType('TalkParticipant', { description: 'Who takes part. Invited and attended are separate facts.' })
export class TalkParticipantType {
  @Field(() => ID)
  id!: string;

  @Field(() => TalkParticipantRole)
  role!: TalkParticipantRole;

  @Field(() => String, { nullable: true, description: "The staff member's, guardian's or interpreter's name." })
  displayName!: string | null;

  @Field(() => AgencyType, { nullable: true })
  agency?: AgencyType | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  invitedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Null until recorded.' })
  attended!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A police officer in uniform.' })
  uniformed!: boolean | null;
}

@ObjectType('PoliceClearance', {
  description:
    "The police's word on a talk: contact cleared during a pre-investigation (LUL 31 §), or the hold on guardian contact lifted (LUL 5 §).",
})
export class PoliceClearanceType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'The talk it is for, e.g. SA-2026-000042.' })
  talkReference!: string | null;

  @Field(() => TalkClearanceKind, { nullable: true })
  kind!: TalkClearanceKind | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  recordedAt!: Date | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('TalkDisclosure', {
  description: 'An agency explained the purpose of the talk and how the information is handled, before it started.',
})
export class TalkDisclosureType {
  @Field(() => ID)
  id!: string;

  @Field(() => AgencyType, { nullable: true })
  agency?: AgencyType | null;

  @Field(() => StaffMemberType, { nullable: true, description: 'Who explained it.' })
  explainedBy?: StaffMemberType | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  explainedAt!: Date | null;
}

@ObjectType('ChildTalk', { description: "A talk as the child's page lists it: a flat type, so the list cannot nest back into the child." })
export class ChildTalkType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => TalkKind, { nullable: true })
  kind!: TalkKind | null;

  @Field(() => TalkState, { nullable: true })
  state!: TalkState | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  scheduledAt!: Date | null;
}

@ObjectType('Talk', { description: 'A serious talk (allvarssamtal) or a variant. Police and coordinators see it only when invited.' })
export class TalkType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'SA-2026-000042' })
  reference!: string | null;

  @Field(() => TalkKind, { nullable: true })
  kind!: TalkKind | null;

  @Field(() => TalkState, { nullable: true })
  state!: TalkState | null;

  @Field(() => TalkOrigin, { nullable: true })
  origin!: TalkOrigin | null;

  @Field(() => ChildType, { nullable: true })
  child?: ChildType | null;

  @Field(() => String, { nullable: true, description: "The child's name, for the invited." })
  childName?: string | null;

  @Field(() => Int, { nullable: true, description: "The child's age today." })
  childAge?: number | null;

  @Field(() => ReportType, { nullable: true })
  report?: ReportType | null;

  @Field(() => [ReportType], {
    nullable: true,
    description: 'Every report the talk follows: the one it opened from and those that arrived while it was open.',
  })
  reports?: ReportType[] | null;

  @Field(() => TalkHolderKind, { nullable: true })
  holderKind!: TalkHolderKind | null;

  @Field(() => AgencyType, { nullable: true })
  holderAgency?: AgencyType | null;

  @Field(() => StaffMemberType, { nullable: true })
  responsible?: StaffMemberType | null;

  @Field(() => Boolean, { nullable: true, description: 'DS 2024:30 "unga": summoned without guardians.' })
  youngAdult!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  preInvestigationRunning!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'LUL 5 §: no summons to guardians until the police lift the hold.' })
  guardianContactOnHold!: boolean | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the police cleared contact during the pre-investigation.' })
  policeClearedAt?: Date | null;

  @Field(() => Boolean, { nullable: true })
  withUniformedPolice!: boolean | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the talk must be summoned or held by; null when no clock runs.' })
  dueAt?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  summonedAt!: Date | null;

  @Field(() => Boolean, { nullable: true })
  summonsIncludesGuardians!: boolean | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  scheduledAt!: Date | null;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  heldAt!: Date | null;

  @Field(() => Boolean, { nullable: true })
  heldLate!: boolean | null;

  @Field(() => TalkDelayReason, { nullable: true })
  delayReason!: TalkDelayReason | null;

  @Field(() => String, { nullable: true })
  delayReasonText!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined or cancelled.' })
  closedReason!: string | null;

  @Field(() => String, { nullable: true, description: "The child's own view, in their words." })
  childVoice!: string | null;

  @Field(() => [TalkOutcome], { nullable: true })
  outcomes!: TalkOutcome[] | null;

  @Field(() => String, { nullable: true, description: 'For social services only.' })
  outcomeNote!: string | null;

  @Field(() => [TalkParticipantType], { nullable: true })
  participants?: TalkParticipantType[] | null;

  @Field(() => [TalkDisclosureType], { nullable: true })
  disclosures?: TalkDisclosureType[] | null;

  @Field(() => [PoliceClearanceType], { nullable: true })
  clearances?: PoliceClearanceType[] | null;

  @Field(() => [DeadlineType], { nullable: true })
  deadlines?: DeadlineType[] | null;
}

@ObjectType('TalksDue', { description: "A district's talk workload: due and overdue talks by due time, and the load." })
export class TalksDueType {
  @Field(() => [TalkType])
  talks!: TalkType[];

  @Field(() => Int, { description: 'Talks due in the current week (Monday to Sunday, district time).' })
  dueThisWeek!: number;

  @Field(() => Int, { description: 'Talks held in the previous week.' })
  heldLastWeek!: number;
}

@ObjectType('TalkAssessment', { description: 'Whether a report opened a talk by itself, and every reason it did not.' })
export class TalkAssessmentType {
  @Field(() => ID)
  reportId!: string;

  @Field(() => Boolean, { nullable: true })
  eligible!: boolean | null;

  @Field(() => [TalkIneligibility], { nullable: true })
  reasons!: TalkIneligibility[] | null;

  @Field(() => [String], { nullable: true, description: 'The reasons in Swedish, for the intake.' })
  reasonTexts?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  youngAdult!: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The earlier suspicion reports and talks of the child (references) "first time" was judged on.',
  })
  knownBefore!: string[] | null;

  @Field(() => TalkType, { nullable: true, description: 'The talk the report opened, or the open talk it was attached to.' })
  talk?: TalkType | null;

  @Field(() => TalkStanding, {
    nullable: true,
    description: 'Awaiting the forum, declined by it, a talk opened, not eligible, or no talk (it failed to open).',
  })
  standing?: TalkStanding | null;

  @Field(() => ForumItemType, { nullable: true, description: "The report's latest forum item: the meeting it waits for, or the decision." })
  forumItem?: ForumItemType | null;
}

@ObjectType('ForumItem', { description: 'A report on the forum agenda and the decision on it.' })
export class ForumItemType {
  @Field(() => ID)
  id!: string;

  @Field(() => ReportType, { nullable: true })
  report?: ReportType | null;

  @Field(() => String, { nullable: true, description: 'The meeting day, YYYY-MM-DD.' })
  meetsOn!: string | null;

  @Field(() => String, { nullable: true })
  reportReference!: string | null;

  @Field(() => String, { nullable: true })
  childName?: string | null;

  @Field(() => Int, { nullable: true })
  childAge?: number | null;

  @Field(() => ReportCategory, { nullable: true, description: 'What the report is about (the suspicion).' })
  category!: ReportCategory | null;

  @Field(() => String, { nullable: true })
  suspectedOffence!: string | null;

  @Field(() => Boolean, { nullable: true })
  preInvestigationRunning!: boolean | null;

  @Field(() => Int, { nullable: true, description: "The child's reports received before this one." })
  earlierReports!: number | null;

  @Field(() => Int, { nullable: true, description: 'Talks with the child not opened from this report.' })
  earlierTalks!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Null until decided.' })
  holdTalk!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  withUniformedPolice!: boolean | null;

  @Field(() => TalkHolderKind, { nullable: true })
  holderKind!: TalkHolderKind | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  targetDate!: string | null;

  @Field(() => TalkType, { nullable: true })
  talk?: TalkType | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who recorded the decision.' })
  decidedBy?: string | null;

  @Field(() => ForumNoReason, { nullable: true })
  noReason!: ForumNoReason | null;

  @Field(() => String, { nullable: true })
  noReasonText!: string | null;
}

@ObjectType('ForumMeeting', { description: 'A weekly collaboration forum (LUL forum) deciding which reports get a talk.' })
export class ForumMeetingType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  meetsOn!: string | null;

  @Field(() => [ForumItemType], { nullable: true })
  items?: ForumItemType[] | null;
}
