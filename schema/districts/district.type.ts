import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ReportCategory, TalkDeadlineMode } from '../common/enums';
import { TalkHolderKind, TalkTrigger } from '../talks/talk-enums';

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

  @Field(() => Int, {
    description:
      'Protection assessment (skyddsbedömning), hours from receipt. Default and legal ceiling 24 (SoL 11 kap. 1 a §): stricter only.',
  })
  protectionAssessmentHours!: number;

  @Field(() => Int, {
    description:
      'Preliminary assessment (förhandsbedömning), days from receipt. Default and legal ceiling 14 (SoL 11 kap. 1 a §): stricter only.',
  })
  preliminaryAssessmentDays!: number;

  @Field(() => Int, {
    description:
      'Investigation (utredning), months from the decision to open it. Default and legal ceiling 4 (SoL 11 kap. 2 §): stricter only.',
  })
  investigationMonths!: number;

  @Field(() => Int, {
    description: 'Feedback (återkoppling) to a reporter who asked for it, days from receipt. No legal ceiling. Default 14.',
  })
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

  @Field(() => Int, { nullable: true, description: 'No automatic talk above this age; empty = no maximum.' })
  talkMaximumAge!: number | null;

  @Field(() => TalkTrigger, { description: 'What in a report opens a talk by itself. Default FIRST_SUSPICION.' })
  talkTrigger!: TalkTrigger;

  @Field(() => [ReportCategory], { description: 'Report categories that qualify for an automatic talk.' })
  talkCategories!: ReportCategory[];

  @Field(() => [String], { description: 'Offence types that qualify whatever the category ("strategiska brott").' })
  talkQualifyingOffences!: string[];

  @Field(() => Int, { description: 'SUMMONS_WITHIN_HOURS: the talk is held within this many hours of the summons. Default 168.' })
  talkSummonsToTalkHours!: number;

  @Field(() => TalkHolderKind, { description: 'Who holds talks unless a talk says otherwise.' })
  talkDefaultHolder!: TalkHolderKind;

  @Field(() => Int, { description: 'The invited officer is told this many hours before the talk. Default 24.' })
  talkOfficerNoticeHours!: number;

  @Field(() => Int, {
    description: 'SUMMONS_WITHIN_HOURS: young adults up to this age are summoned without guardians (DS 2024:30). 17 = none.',
  })
  talkYoungAdultMaxAge!: number;
  @Field(() => Int, {
    description: 'Social services may set the receipt time of a phone call or letter back this many days. No legal ceiling. Default 14.',
  })
  receiptBackdateDays!: number;

  @Field(() => Int, {
    description: 'One investigation extension moves the due date at most this many months. No legal ceiling. Default 2.',
  })
  investigationExtensionMonths!: number;
  @Field(() => Int, {
    description: 'Consent: below this age the guardians consent, the child heard; from it the youth consents too. Default 15.',
  })
  consentYouthAge!: number;
  @Field(() => Int, { description: 'Consent: from this age the youth consents alone. Default 18.' })
  consentAdultAge!: number;

  @Field(() => Int, { description: 'An active collaboration case without activity for this many days raises an alert. Default 30.' })
  staleCaseDays!: number;

  @Field(() => Int, { description: "Days before a consent's end date that the coordinator is warned. Default 14." })
  consentExpiryWarningDays!: number;

  @Field(() => Int, { description: 'Days before a follow-up meeting that the coordinator is reminded. Default 2.' })
  followUpReminderDays!: number;

  @Field(() => Int, {
    description:
      'A report concerns someone younger than this at receipt; older is refused. 18–21 (LVU, OSL 10:18 a stop at 21). Default 21.',
  })
  reportAgeLimit!: number;

  @Field(() => Int, {
    description:
      'Retention (gallring): a concern report that led to no investigation is anonymised this many months after its last entry. ' +
      'Default and legal ceiling 60 (SoL 12 kap. 7 §, older wording: five years after the last entry): stricter only.',
  })
  retentionReportMonths!: number;

  @Field(() => Int, {
    description:
      'Retention (gallring): a report whose investigation is closed is anonymised this many months after the closure. ' +
      'Default and legal ceiling 60 (SoL 12 kap. 7 §, older wording): stricter only.',
  })
  retentionInvestigationMonths!: number;

  @Field(() => Boolean, {
    description:
      'Research exception: records of children born on the 5th, 15th or 25th of a month are kept for research, as under the old ' +
      'rule (SoL 12 kap. 2 §, older wording; SOSFS 2014:5). Default on.',
  })
  retentionResearchException!: boolean;

  @Field(() => Int, {
    description:
      'Retention (gallring): a talk is anonymised this many months after its last entry (creation, summons, holding, closure, ' +
      'outcome). Default and legal ceiling 60 (SoL 12 kap. 7 §, older wording): stricter only.',
  })
  retentionTalkMonths!: number;

  @Field(() => Int, {
    description:
      'Retention (gallring): a closed SSPF/SSFF case, its plan, meetings, team and consents are anonymised this many months ' +
      'after the closure. No rule in the documents: the municipality decides. Default 60 (no longer than social services’ files), 1–60.',
  })
  retentionCollaborationMonths!: number;

  @Field(() => Int, {
    description:
      'Retention (gallring): in-app notifications and sent or parked e-mails are deleted this many months after they were ' +
      'created. No rule in the documents: the municipality decides. Default 12, 1–60.',
  })
  retentionMessageMonths!: number;

  @Field(() => Int, {
    description:
      'Retention (gallring): access-log events are deleted this many months after they happened, except those about a child ' +
      'under a legal hold or kept for research. No rule in the documents: the municipality decides. Default 60, 12–120.',
  })
  retentionAuditMonths!: number;

  @Field(() => Int, {
    description:
      'Retention (gallring): idempotency keys (from creation) and ended queue-dashboard sessions (from expiry or sign-out) are ' +
      'deleted after this many months. No rule in the documents: the municipality decides. Default 1, 1–12.',
  })
  retentionSessionMonths!: number;
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
