import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TalkDeadlineMode } from '../common/enums';

@ObjectType('AgeBand')
export class AgeBandType {
  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;
}

@ObjectType('DistrictPolicy', { description: 'Every legal and local number the district applies, with its version.' })
export class DistrictPolicyType {
  @Field(() => Int, { description: 'Deadlines remember the version they were computed with.' })
  version!: number;

  @Field(() => Int, { description: 'Protection assessment (skyddsbedömning), hours from receipt. Default 24.' })
  protectionAssessmentHours!: number;

  @Field(() => Int, { description: 'Preliminary assessment (förhandsbedömning), days from receipt. Default 14.' })
  preliminaryAssessmentDays!: number;

  @Field(() => Int, { description: 'Investigation (utredning), months from the decision to open it. Default 4.' })
  investigationMonths!: number;

  @Field(() => Int, { description: 'Feedback (återkoppling) to a reporter who asked for it, days from receipt. Default 14.' })
  feedbackDays!: number;

  @Field(() => TalkDeadlineMode)
  talkDeadlineMode!: TalkDeadlineMode;

  @Field(() => Int, { nullable: true })
  talkDeadlineHours!: number | null;

  @Field(() => Int, { nullable: true })
  talkDeadlineDays!: number | null;

  @Field(() => Int, { description: 'Serious talks are offered from this age. Default 10.' })
  talkMinimumAge!: number;

  @Field(() => AgeBandType)
  ssffAgeBand!: AgeBandType;

  @Field(() => AgeBandType)
  sspfAgeBand!: AgeBandType;

  @Field(() => [Int], { description: 'Reminders, as percentages of a deadline window.' })
  reminderPercents!: number[];

  @Field(() => String)
  timeZone!: string;

  @Field(() => Int, { description: 'SSPF: below this age the guardians consent beside the youth. Default 15.' })
  consentGuardianAge!: number;

  @Field(() => Int, { description: 'An active collaboration case without activity for this many days raises an alert. Default 30.' })
  staleCaseDays!: number;

  @Field(() => Int, { description: "Days before a consent's end date that the coordinator is warned. Default 14." })
  consentExpiryWarningDays!: number;

  @Field(() => Int, { description: 'Days before a follow-up meeting that the coordinator is reminded. Default 2.' })
  followUpReminderDays!: number;
}

@ObjectType('District', { description: 'A stadsdel or stadsområde: the unit whose policy applies.' })
export class DistrictType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DistrictPolicyType)
  policy?: DistrictPolicyType;
}
