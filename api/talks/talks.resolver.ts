import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DeadlineRow } from '../../db/deadlines/deadline.repository';
import { DisclosureRow, ParticipantRow, TalkRow } from '../../db/talks/talk.repository';
import { STOCKHOLM_TIME_ZONE } from '../../domain/time/calendar-date';
import { deadlineStatus } from '../../domain/deadlines/deadline-steps';
import { NotFound } from '../../domain/errors';
import { TalkParticipantRole } from '../../domain/talks/talk-enums';
import { ChildType } from '../../schema/children/child.type';
import { DeadlineType } from '../../schema/deadlines/deadline.type';
import { AgencyType } from '../../schema/organisation/agency.type';
import { StaffMemberType } from '../../schema/organisation/staff-member.type';
import { ReportType } from '../../schema/reports/report.type';
import {
  AddTalkParticipantInput,
  AssignTalkInput,
  CloseTalkInput,
  HoldTalkInput,
  OpenTalkInput,
  RecordChildVoiceInput,
  RecordDisclosureInput,
  RecordPoliceClearanceInput,
  RecordTalkAttendanceInput,
  RecordTalkOutcomeInput,
  ScheduleTalkInput,
  SummonTalkInput,
} from '../../schema/talks/talk.inputs';
import { PoliceClearanceType, TalkDisclosureType, TalkParticipantType, TalksDueType, TalkType } from '../../schema/talks/talk.type';
import { RequestContext } from '../context';
import { lookupSubject } from '../../db/audit/lookup-subject';
import { talkQueries } from './talk.queries';
import { ageAt } from './talk-writes';
import { talksService } from './talks.service';
import { MAX_ITEMS } from '../security/query-cost';

@Resolver(() => TalkType)
export class TalksResolver {
  @Query(() => TalkType, { description: 'One talk: social services of its district, or the invited.' })
  async talk(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext) {
    const talk = await context.loaders.talks.talk.load(id);
    if (!talk) {
      context.audit.lookupDenied('Talk', id, await context.db.asSystem((manager) => lookupSubject(manager, 'Talk', id)));
      throw new NotFound('The talk');
    }
    return talk;
  }

  @Query(() => [TalkType], { description: "Social services: a child's talks, newest first." })
  talksForChild(@Arg('childId', () => ID) childId: string, @Ctx() context: RequestContext) {
    return talkQueries.forChild(context, childId);
  }

  @Query(() => [TalkType], { description: 'The talks you are invited to, soonest first.' })
  myTalks(@Ctx() context: RequestContext) {
    return talkQueries.mine(context);
  }

  @Query(() => TalksDueType, {
    description:
      "A district's open talks due before `to` (overdue included) or booked in [from, to), by due time, and the load: due this week, held last week.",
  })
  talksDue(
    @Arg('districtId', () => ID) districtId: string,
    @Arg('from', () => GraphQLDateTime) from: Date,
    @Arg('to', () => GraphQLDateTime) to: Date,
    @Ctx() context: RequestContext,
  ) {
    return talkQueries.due(context, districtId, from, to);
  }

  @Query(() => [StaffMemberType], {
    description: "Social services: the police officers, coordinators or social workers of the talk's district it can invite in a role.",
  })
  @Extensions({ [MAX_ITEMS]: 200 })
  talkInvitees(
    @Arg('talkId', () => ID) talkId: string,
    @Arg('role', () => TalkParticipantRole) role: TalkParticipantRole,
    @Ctx() context: RequestContext,
  ) {
    return talkQueries.invitees(context, talkId, role);
  }

  @Mutation(() => TalkType, { description: 'Open a talk by hand for a report or a child: serious, concern, worry or safety talk.' })
  openTalk(@Arg('input', () => OpenTalkInput) input: OpenTalkInput, @Ctx() context: RequestContext) {
    return talksService.open(context, input);
  }

  @Mutation(() => TalkType, { description: 'Make a social worker responsible; reminders go to them.' })
  assignTalk(@Arg('input', () => AssignTalkInput) input: AssignTalkInput, @Ctx() context: RequestContext) {
    return talksService.assign(context, input.talkId, input.userId);
  }

  @Mutation(() => TalkType, {
    description: 'Summon the child, and the guardians unless the child is a young adult. Meets the summons clock.',
  })
  summonTalk(@Arg('input', () => SummonTalkInput) input: SummonTalkInput, @Ctx() context: RequestContext) {
    return talksService.summon(context, input);
  }

  @Mutation(() => TalkType, { description: 'Set the time and place; the invited are told.' })
  scheduleTalk(@Arg('input', () => ScheduleTalkInput) input: ScheduleTalkInput, @Ctx() context: RequestContext) {
    return talksService.schedule(context, input);
  }

  @Mutation(() => TalkType)
  addTalkParticipant(@Arg('input', () => AddTalkParticipantInput) input: AddTalkParticipantInput, @Ctx() context: RequestContext) {
    return talksService.addParticipant(context, input);
  }

  @Mutation(() => TalkType, { description: 'Whether a participant came (and a police officer in uniform).' })
  recordTalkAttendance(@Arg('input', () => RecordTalkAttendanceInput) input: RecordTalkAttendanceInput, @Ctx() context: RequestContext) {
    return talksService.recordAttendance(context, input);
  }

  @Mutation(() => TalkType, { description: 'An agency explained the purpose of the talk and how the information is handled.' })
  recordDisclosure(@Arg('input', () => RecordDisclosureInput) input: RecordDisclosureInput, @Ctx() context: RequestContext) {
    return talksService.recordDisclosure(context, input);
  }

  @Mutation(() => PoliceClearanceType, {
    description:
      'Police: clear the talk during a pre-investigation, or lift the hold on guardian contact. Answers with the clearance, which the recording police area may read even when not invited.',
  })
  recordPoliceClearance(@Arg('input', () => RecordPoliceClearanceInput) input: RecordPoliceClearanceInput, @Ctx() context: RequestContext) {
    return talksService.recordPoliceClearance(context, input);
  }

  @Mutation(() => TalkType, {
    description: 'The talk was held. Refused until every participating agency has explained it; late needs a reason.',
  })
  holdTalk(@Arg('input', () => HoldTalkInput) input: HoldTalkInput, @Ctx() context: RequestContext) {
    return talksService.hold(context, input);
  }

  @Mutation(() => TalkType)
  recordChildVoice(@Arg('input', () => RecordChildVoiceInput) input: RecordChildVoiceInput, @Ctx() context: RequestContext) {
    return talksService.recordChildVoice(context, input);
  }

  @Mutation(() => TalkType, { description: 'What came of the talk. A referral to SSPF or SSFF goes to the collaboration intake.' })
  recordTalkOutcome(@Arg('input', () => RecordTalkOutcomeInput) input: RecordTalkOutcomeInput, @Ctx() context: RequestContext) {
    return talksService.recordOutcome(context, input);
  }

  @Mutation(() => TalkType, { description: 'The family declined: talks are voluntary.' })
  declineTalk(@Arg('input', () => CloseTalkInput) input: CloseTalkInput, @Ctx() context: RequestContext) {
    return talksService.close(context, input, 'decline');
  }

  @Mutation(() => TalkType)
  cancelTalk(@Arg('input', () => CloseTalkInput) input: CloseTalkInput, @Ctx() context: RequestContext) {
    return talksService.close(context, input, 'cancel');
  }

  @FieldResolver(() => ChildType, { nullable: true })
  child(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    return context.loaders.child.load(talk.childId);
  }

  @FieldResolver(() => String, { nullable: true })
  async childName(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    const child = await context.loaders.talks.childOfTalk.load(talk.childId);
    return child ? [child.givenName, child.familyName].filter(Boolean).join(' ') : null;
  }

  @FieldResolver(() => Int, { nullable: true })
  async childAge(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    const child = await context.loaders.talks.childOfTalk.load(talk.childId);
    return child ? ageAt(child.birthDate, context.deps.clock.now(), STOCKHOLM_TIME_ZONE) : null;
  }

  @FieldResolver(() => ReportType, { nullable: true })
  report(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    return talk.reportId ? context.loaders.report.load(talk.reportId) : null;
  }

  @FieldResolver(() => [ReportType], { nullable: true })
  async reports(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    const ids = await context.loaders.talks.reportIds.load(talk.id);
    return (await context.loaders.report.loadMany(ids)).filter((r) => r && !(r instanceof Error));
  }

  @FieldResolver(() => AgencyType, { nullable: true })
  holderAgency(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    return context.loaders.agency.load(talk.holderAgencyId);
  }

  @FieldResolver(() => StaffMemberType, { nullable: true })
  responsible(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    return talk.responsibleUserId ? context.loaders.staffMember.load(talk.responsibleUserId) : null;
  }

  @FieldResolver(() => [TalkParticipantType], { nullable: true })
  participants(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    return context.loaders.talks.participants.load(talk.id);
  }

  @FieldResolver(() => [TalkDisclosureType], { nullable: true })
  disclosures(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    return context.loaders.talks.disclosures.load(talk.id);
  }

  @FieldResolver(() => [PoliceClearanceType], { nullable: true })
  clearances(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    return context.loaders.talks.clearances.load(talk.id);
  }

  @FieldResolver(() => [DeadlineType], { nullable: true })
  async deadlines(@Root() talk: TalkRow, @Ctx() context: RequestContext) {
    const now = context.deps.clock.now();
    const rows: DeadlineRow[] = await context.loaders.talks.deadlines.load(talk.id);
    return rows.map((d) => ({ ...d, status: deadlineStatus(d, now), childId: talk.childId }));
  }
}

@Resolver(() => TalkParticipantType)
export class TalkParticipantResolver {
  @FieldResolver(() => AgencyType, { nullable: true })
  agency(@Root() p: ParticipantRow, @Ctx() context: RequestContext) {
    return p.agencyId ? context.loaders.agency.load(p.agencyId) : null;
  }
}

@Resolver(() => TalkDisclosureType)
export class TalkDisclosureResolver {
  @FieldResolver(() => AgencyType, { nullable: true })
  agency(@Root() d: DisclosureRow, @Ctx() context: RequestContext) {
    return context.loaders.agency.load(d.agencyId);
  }

  @FieldResolver(() => StaffMemberType, { nullable: true })
  explainedBy(@Root() d: DisclosureRow, @Ctx() context: RequestContext) {
    return context.loaders.staffMember.load(d.explainedByUserId);
  }
}

/** A colleague's talk load, shown when choosing whom to assign. */
@Resolver(() => StaffMemberType)
export class StaffMemberTalkLoadResolver {
  @FieldResolver(() => Int, { nullable: true })
  openTalks(@Root() member: StaffMemberType, @Ctx() context: RequestContext) {
    return context.loaders.talks.openTalkCount.load(member.id);
  }
}
