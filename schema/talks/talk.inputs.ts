import { Field, ID, InputType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { DateInRange, FREE_TEXT, NAME, Text, Uuid } from '../common/validators';
import {
  ForumNoReason,
  TalkClearanceKind,
  TalkDelayReason,
  TalkHolderKind,
  TalkKind,
  TalkOutcome,
  TalkParticipantRole,
} from './talk-enums';

/** YYYY-MM-DD */
const ISO_DATE = { min: 10, max: 10 } as const;

@InputType({ description: 'Open a talk by hand, for a report or for a child.' })
export class OpenTalkInput {
  @Field(() => ID, { nullable: true, description: 'The report it follows; or give childId.' })
  @IsOptional()
  @Uuid()
  reportId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Uuid()
  childId?: string | null;

  @Field(() => TalkKind)
  kind!: TalkKind;

  @Field(() => TalkHolderKind, { nullable: true, description: "Defaults to the district's holder." })
  @IsOptional()
  holderKind?: TalkHolderKind | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: held by the end of this day. No clock without it.' })
  @IsOptional()
  @Text(ISO_DATE)
  targetDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'For a child without a report: a pre-investigation runs.' })
  @IsOptional()
  preInvestigationRunning?: boolean | null;

  @Field(() => String)
  @Text({ min: 8, max: 100 })
  idempotencyKey!: string;
}

@InputType()
export class TalkIdInput {
  @Field(() => ID) @Uuid() talkId!: string;
}

@InputType({ description: 'Summon the child (and the guardians, unless a young adult).' })
export class SummonTalkInput extends TalkIdInput {
  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'When the summons went out; defaults to now. Not in the future, not before the report arrived.',
  })
  @IsOptional()
  @DateInRange()
  summonedAt?: Date | null;
}

@InputType()
export class ScheduleTalkInput {
  @Field(() => ID) @Uuid() talkId!: string;
  @Field(() => GraphQLDateTime) @DateInRange() scheduledAt!: Date;
  @Field(() => String) @Text(NAME) location!: string;
}

@InputType({ description: 'A staff member (userId), a guardian (guardianId) or an interpreter (name).' })
export class AddTalkParticipantInput {
  @Field(() => ID) @Uuid() talkId!: string;
  @Field(() => TalkParticipantRole) role!: TalkParticipantRole;
  @Field(() => ID, { nullable: true }) @IsOptional() @Uuid() userId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @Uuid() guardianId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(NAME) name?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'A police officer in uniform.' }) @IsOptional() uniformed?: boolean | null;
}

@InputType()
export class RecordTalkAttendanceInput {
  @Field(() => ID) @Uuid() participantId!: string;
  @Field(() => Boolean) attended!: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() uniformed?: boolean | null;
}

@InputType({ description: 'This agency explained the purpose and the handling of information, before the talk started.' })
export class RecordDisclosureInput {
  @Field(() => ID) @Uuid() talkId!: string;
  @Field(() => ID) @Uuid() agencyId!: string;
  @Field(() => ID, { description: 'Who explained it: a participant from that agency.' }) @Uuid() explainedByUserId!: string;
}

@InputType({ description: 'Police: clear contact during a pre-investigation, or lift the hold on guardian contact.' })
export class RecordPoliceClearanceInput {
  @Field(() => ID) @Uuid() talkId!: string;
  @Field(() => TalkClearanceKind) kind!: TalkClearanceKind;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(FREE_TEXT) note?: string | null;
}

@InputType()
export class HoldTalkInput {
  @Field(() => ID) @Uuid() talkId!: string;
  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'When the talk was held; defaults to now. Not in the future; before the booked time only when given.',
  })
  @IsOptional()
  @DateInRange()
  heldAt?: Date | null;
  @Field(() => TalkDelayReason, { nullable: true, description: 'Required when held after the deadline.' })
  @IsOptional()
  delayReason?: TalkDelayReason | null;
  @Field(() => String, { nullable: true, description: 'Required with OTHER.' }) @IsOptional() @Text(FREE_TEXT) delayReasonText?:
    string | null;
}

@InputType()
export class RecordChildVoiceInput {
  @Field(() => ID) @Uuid() talkId!: string;
  @Field(() => String, { description: "The child's own view, in their words." }) @Text(FREE_TEXT) childVoice!: string;
}

@InputType()
export class RecordTalkOutcomeInput {
  @Field(() => ID) @Uuid() talkId!: string;
  @Field(() => [TalkOutcome]) @ArrayMaxSize(7) outcomes!: TalkOutcome[];
  @Field(() => String, { nullable: true, description: 'For social services only.' }) @IsOptional() @Text(FREE_TEXT) note?: string | null;
}

@InputType({ description: 'Decline (the family says no) or cancel, with a reason.' })
export class CloseTalkInput {
  @Field(() => ID) @Uuid() talkId!: string;
  @Field(() => String) @Text(FREE_TEXT) reason!: string;
}

@InputType()
export class CreateForumMeetingInput {
  @Field(() => ID) @Uuid() districtId!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) @Text(ISO_DATE) meetsOn!: string;
}

@InputType({ description: 'The forum decides: talk or not, with or without uniformed police, who holds it, by when.' })
export class DecideForumItemInput {
  @Field(() => ID) @Uuid() itemId!: string;
  @Field(() => Boolean) holdTalk!: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() withUniformedPolice?: boolean | null;
  @Field(() => TalkHolderKind, { nullable: true }) @IsOptional() holderKind?: TalkHolderKind | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; required for a talk.' }) @IsOptional() @Text(ISO_DATE) targetDate?:
    string | null;
  @Field(() => ForumNoReason, { nullable: true, description: 'Required for a "no".' }) @IsOptional() noReason?: ForumNoReason | null;
  @Field(() => String, { nullable: true, description: 'Required when the reason is OTHER.' }) @IsOptional() @Text(FREE_TEXT) noReasonText?:
    string | null;
}

@InputType()
export class AssignTalkInput {
  @Field(() => ID) @Uuid() talkId!: string;
  @Field(() => ID) @Uuid() userId!: string;
}
