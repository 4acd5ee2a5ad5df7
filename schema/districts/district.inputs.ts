import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { ReportCategory, TalkDeadlineMode } from '../common/enums';
import { TalkHolderKind, TalkTrigger } from '../talks/talk-enums';
import { Text, Uuid } from '../common/validators';

@InputType('AgeBandInput')
export class AgeBandInput {
  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;
}

/** Omitted fields keep their current value. The domain validates the result as a whole. */
@InputType()
export class UpdateDistrictPolicyInput {
  @Field(() => ID)
  @Uuid()
  districtId!: string;

  @Field(() => Int, { nullable: true }) @IsOptional() protectionAssessmentHours?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() preliminaryAssessmentDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() investigationMonths?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() feedbackDays?: number;
  @Field(() => TalkDeadlineMode, { nullable: true }) @IsOptional() talkDeadlineMode?: TalkDeadlineMode;
  @Field(() => Int, { nullable: true }) @IsOptional() talkDeadlineHours?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() talkDeadlineDays?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() talkMinimumAge?: number;
  @Field(() => AgeBandInput, { nullable: true }) @IsOptional() ssffAgeBand?: AgeBandInput;
  @Field(() => AgeBandInput, { nullable: true }) @IsOptional() sspfAgeBand?: AgeBandInput;
  @Field(() => [Int], { nullable: true }) @IsOptional() reminderPercents?: number[];
  @Field(() => String, { nullable: true }) @IsOptional() @Text({ min: 1, max: 64 }) timeZone?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() talkMaximumAge?: number | null;
  @Field(() => TalkTrigger, { nullable: true }) @IsOptional() talkTrigger?: TalkTrigger;
  @Field(() => [ReportCategory], { nullable: true }) @IsOptional() talkCategories?: ReportCategory[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Text({ min: 1, max: 100 }, { each: true })
  talkQualifyingOffences?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() talkSummonsToTalkHours?: number;
  @Field(() => TalkHolderKind, { nullable: true }) @IsOptional() talkDefaultHolder?: TalkHolderKind;
  @Field(() => Int, { nullable: true }) @IsOptional() talkOfficerNoticeHours?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() talkYoungAdultMaxAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() receiptBackdateDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() investigationExtensionMonths?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() consentYouthAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() consentAdultAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() staleCaseDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() consentExpiryWarningDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() followUpReminderDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() reportAgeLimit?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() retentionReportMonths?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() retentionInvestigationMonths?: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() retentionResearchException?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() retentionTalkMonths?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() retentionCollaborationMonths?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() retentionMessageMonths?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() retentionAuditMonths?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() retentionSessionMonths?: number;
}
