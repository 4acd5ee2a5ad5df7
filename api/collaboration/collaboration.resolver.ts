import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import {
  ActionRow,
  CaseRow,
  GoalRow,
  MeetingRow,
  NoteRow,
  StateChangeRow,
  TeamCandidateRow,
  TeamMemberRow,
} from '../../db/collaboration/collaboration.repository';
import { collaborationReads } from '../../db/collaboration/collaboration-reads.repository';
import { lookupSubject } from '../../db/audit/lookup-subject';
import { ConsentRow } from '../../db/consent/consent.repository';
import { ACTION_READERS, ACTION_TEXT_READERS, CASE_PART_READERS, MEETING_READERS } from '../../domain/collaboration/collaboration.grants';
import { decide } from '../../domain/access/policy';
import { ageOn, calendarDateAt, parseCalendarDate, STOCKHOLM_TIME_ZONE } from '../../domain/time/calendar-date';
import { weekWindow } from '../../domain/collaboration/agenda-week';
import { suggestedModelSwitch } from '../../domain/collaboration/collaboration-rules';
import { isOverdue } from '../../domain/collaboration/plan-rules';
import { BadInput, NotFound } from '../../domain/errors';
import { ChildType } from '../../schema/children/child.type';
import {
  ActionNoteType,
  AgencyGoalType,
  CaseChildType,
  CaseStateChangeType,
  CollaborationAgendaType,
  CollaborationCaseType,
  MeetingType,
  PlanActionType,
  TeamCandidateType,
  TeamMemberType,
} from '../../schema/collaboration/collaboration-case.type';
import { CollaborationModel } from '../../schema/collaboration/collaboration.enums';
import {
  AddActionNoteInput,
  AddPlanActionInput,
  AddTeamMemberInput,
  CancelMeetingInput,
  CloseCollaborationCaseInput,
  CollaborationCaseFilter,
  MarkCrimeInformationInput,
  OpenCollaborationCaseInput,
  RemoveTeamMemberInput,
  RecordFollowUpInput,
  RescheduleMeetingInput,
  ScheduleFollowUpInput,
  SetGoalsInput,
  UpdatePlanActionInput,
} from '../../schema/collaboration/collaboration.inputs';
import { RecordConsentInput, WithdrawConsentInput } from '../../schema/consent/consent.inputs';
import { ConsentType } from '../../schema/consent/consent.type';
import { AgencyType } from '../../schema/organisation/agency.type';
import { StaffMemberType } from '../../schema/organisation/staff-member.type';
import { RequestContext, requireScope } from '../context';
import { consentService } from '../consent';
import { CONSENT_CASE } from './consent-case';
import { teamCandidatesOf } from './case-people';
import { actionFactsOf, goalFacts } from './collaboration-access';
import { collaborationLoaders } from './collaboration.loaders';
import { collaborationService } from './collaboration.service';

const MY_CASES_LIMIT = 200;

/** A list shows only the parts the viewer may load: what no grant (no consent category) covers is not shown at all. */
function visibleActions(context: RequestContext, rows: ActionRow[]) {
  const scope = requireScope(context);
  return rows.filter((a) => decide(scope, ACTION_READERS, actionFactsOf(a)).allowed);
}

async function loadCase(context: RequestContext, id: string): Promise<CaseRow> {
  const theCase = await collaborationLoaders(context).visibleCase.load(id);
  if (!theCase) {
    context.audit.lookupDenied(
      'CollaborationCase',
      id,
      await context.db.asSystem((manager) => lookupSubject(manager, 'CollaborationCase', id)),
    );
    throw new NotFound('The collaboration case');
  }
  return theCase;
}

@Resolver(() => CollaborationCaseType)
export class CollaborationResolver {
  @Query(() => CollaborationCaseType, { description: 'One SSPF/SSFF case you coordinate, handle or take part in under consent.' })
  collaborationCase(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext) {
    return loadCase(context, id);
  }

  @Query(() => [CollaborationCaseType], {
    description: 'Coordinators: the cases you coordinate. Partners: the cases whose team you are on.',
  })
  myCollaborationCases(
    @Arg('filter', () => CollaborationCaseFilter, { nullable: true }) filter: CollaborationCaseFilter | null,
    @Ctx() context: RequestContext,
  ) {
    return collaborationReads.myCases(context.db.manager, requireScope(context), filter ?? {}, MY_CASES_LIMIT);
  }

  @Query(() => [PlanActionType], { description: 'What you must do, across your cases, earliest due first.' })
  async myActions(@Ctx() context: RequestContext) {
    return collaborationReads.myActions(context.db.manager, requireScope(context));
  }

  @Query(() => CollaborationAgendaType, {
    description: "The working group's week: new intakes, cases due for follow-up, overdue actions. `week` is an ISO week, e.g. 2026-W49.",
  })
  async collaborationAgenda(
    @Arg('districtId', () => ID) districtId: string,
    @Arg('week', () => String) week: string,
    @Ctx() context: RequestContext,
  ) {
    const scope = requireScope(context);
    if (!scope.districtIds.has(districtId)) throw new NotFound('The district');
    const district = await context.loaders.district.load(districtId);
    const policy = district ? await context.loaders.policy.load({ districtId, version: district.policyVersion }) : null;
    const window = weekWindow(week.slice(0, 10), policy?.settings.timeZone ?? STOCKHOLM_TIME_ZONE);
    if (!window) throw new BadInput('week', 'Give an ISO week such as 2026-W49.', 'Ange en vecka som 2026-W49.');
    const agenda = await collaborationReads.agenda(
      context.db.manager,
      scope,
      districtId,
      window.start,
      window.end,
      context.deps.clock.now(),
    );
    return { weekStart: window.start, ...agenda };
  }

  @Query(() => [TeamCandidateType], {
    description: 'Coordinators: whom the team can take in, the active staff of the agencies a valid consent covers.',
  })
  async teamCandidates(@Arg('caseId', () => ID) caseId: string, @Ctx() context: RequestContext) {
    const theCase = await loadCase(context, caseId);
    const staff = await teamCandidatesOf(context.db.manager, theCase.id, context.deps.clock.now());
    return staff.map((s) => ({ ...s, caseId: theCase.id, childId: theCase.childId, districtId: theCase.districtId }));
  }

  @Mutation(() => CollaborationCaseType, { description: 'Coordinators: the intake of an SSPF/SSFF case.' })
  openCollaborationCase(@Arg('input', () => OpenCollaborationCaseInput) input: OpenCollaborationCaseInput, @Ctx() context: RequestContext) {
    return collaborationService.open(context, input);
  }

  @Mutation(() => CollaborationCaseType, { description: 'Records a consent; the case moves on once everyone required has consented.' })
  recordConsent(@Arg('input', () => RecordConsentInput) input: RecordConsentInput, @Ctx() context: RequestContext) {
    return consentService.record(context, input, CONSENT_CASE);
  }

  @Mutation(() => ConsentType, { description: 'Takes effect at once: partners lose access on their next request.' })
  withdrawConsent(@Arg('input', () => WithdrawConsentInput) input: WithdrawConsentInput, @Ctx() context: RequestContext) {
    return consentService.withdraw(context, input, CONSENT_CASE);
  }

  @Mutation(() => CollaborationCaseType, { description: 'Adds a partner from an agency a valid consent covers.' })
  addTeamMember(@Arg('input', () => AddTeamMemberInput) input: AddTeamMemberInput, @Ctx() context: RequestContext) {
    return collaborationService.addTeamMember(context, input);
  }

  @Mutation(() => CollaborationCaseType, {
    description:
      "Ends a member's place on the team, kept as history: their clocks stop and the coordinator is told which actions lost their owner.",
  })
  removeTeamMember(@Arg('input', () => RemoveTeamMemberInput) input: RemoveTeamMemberInput, @Ctx() context: RequestContext) {
    return collaborationService.removeTeamMember(context, input);
  }

  @Mutation(() => CollaborationCaseType, {
    description: 'A public authority marks whether a goal, action or note holds criminal-offence data (GDPR art. 10).',
  })
  markCrimeInformation(@Arg('input', () => MarkCrimeInformationInput) input: MarkCrimeInformationInput, @Ctx() context: RequestContext) {
    return collaborationService.markCrimeInformation(context, input);
  }

  @Mutation(() => CollaborationCaseType)
  setGoals(@Arg('input', () => SetGoalsInput) input: SetGoalsInput, @Ctx() context: RequestContext) {
    return collaborationService.setGoals(context, input);
  }

  @Mutation(() => PlanActionType)
  async addPlanAction(@Arg('input', () => AddPlanActionInput) input: AddPlanActionInput, @Ctx() context: RequestContext) {
    return await collaborationService.addPlanAction(context, input);
  }

  @Mutation(() => PlanActionType, { description: 'Coordinators, or the responsible agency on the team: status, due date.' })
  async updatePlanAction(@Arg('input', () => UpdatePlanActionInput) input: UpdatePlanActionInput, @Ctx() context: RequestContext) {
    return await collaborationService.updatePlanAction(context, input);
  }

  @Mutation(() => PlanActionType)
  async addActionNote(@Arg('input', () => AddActionNoteInput) input: AddActionNoteInput, @Ctx() context: RequestContext) {
    return await collaborationService.addActionNote(context, input);
  }

  @Mutation(() => MeetingType, { description: 'Schedules a follow-up, network meeting or mapping talk.' })
  scheduleFollowUp(@Arg('input', () => ScheduleFollowUpInput) input: ScheduleFollowUpInput, @Ctx() context: RequestContext) {
    return collaborationService.scheduleFollowUp(context, input);
  }

  @Mutation(() => MeetingType, { description: 'Records a held meeting; a follow-up needs the next date while the plan runs.' })
  recordFollowUp(@Arg('input', () => RecordFollowUpInput) input: RecordFollowUpInput, @Ctx() context: RequestContext) {
    return collaborationService.recordFollowUp(context, input);
  }

  @Mutation(() => MeetingType, {
    description: 'Moves a meeting not yet held or cancelled; the attendees are told and their calendar entry updated.',
  })
  rescheduleMeeting(@Arg('input', () => RescheduleMeetingInput) input: RescheduleMeetingInput, @Ctx() context: RequestContext) {
    return collaborationService.rescheduleMeeting(context, input);
  }

  @Mutation(() => MeetingType, { description: 'Cancels a meeting not yet held; the attendees are told, without the reason.' })
  cancelMeeting(@Arg('input', () => CancelMeetingInput) input: CancelMeetingInput, @Ctx() context: RequestContext) {
    return collaborationService.cancelMeeting(context, input);
  }

  @Mutation(() => CollaborationCaseType)
  closeCollaborationCase(
    @Arg('input', () => CloseCollaborationCaseInput) input: CloseCollaborationCaseInput,
    @Ctx() context: RequestContext,
  ) {
    return collaborationService.close(context, input);
  }

  @FieldResolver(() => CaseChildType, { nullable: true })
  async child(@Root() c: CaseRow, @Ctx() context: RequestContext) {
    const child = await collaborationLoaders(context).child.load(c.childId);
    return child && { ...child, caseId: c.id, childId: c.childId, districtId: c.districtId };
  }

  @FieldResolver(() => StaffMemberType, { nullable: true })
  coordinator(@Root() c: CaseRow, @Ctx() context: RequestContext) {
    return context.loaders.staffMember.load(c.coordinatorUserId);
  }

  @FieldResolver(() => CollaborationModel, { nullable: true })
  async suggestedModel(@Root() c: CaseRow, @Ctx() context: RequestContext) {
    const child = await collaborationLoaders(context).child.load(c.childId);
    const district = await context.loaders.district.load(c.districtId);
    const policy = district && (await context.loaders.policy.load({ districtId: c.districtId, version: district.policyVersion }));
    if (!child?.birthDate || !policy) return null;
    const age = ageOn(parseCalendarDate(child.birthDate), calendarDateAt(context.deps.clock.now(), policy.settings.timeZone));
    return suggestedModelSwitch(c.model, age, policy.settings);
  }

  @FieldResolver(() => [CaseStateChangeType], { nullable: true })
  async stateHistory(@Root() c: CaseRow, @Ctx() context: RequestContext): Promise<StateChangeRow[]> {
    return collaborationLoaders(context).stateHistory.load(c.id);
  }

  @FieldResolver(() => [ConsentType], { nullable: true })
  consents(@Root() c: CaseRow, @Ctx() context: RequestContext): Promise<ConsentRow[]> {
    return collaborationLoaders(context).consents.load(c.id);
  }

  @FieldResolver(() => [TeamMemberType], {
    nullable: true,
    description: 'The current team; with includeEnded, also the memberships that ended, as history.',
  })
  async team(
    @Root() c: CaseRow,
    @Arg('includeEnded', () => Boolean, { nullable: true }) includeEnded: boolean | null,
    @Ctx() context: RequestContext,
  ): Promise<TeamMemberRow[]> {
    const members = await collaborationLoaders(context).team.load(c.id);
    return includeEnded ? members : members.filter((m) => m.endedAt === null);
  }

  @FieldResolver(() => [AgencyGoalType], { nullable: true })
  async agencyGoals(@Root() c: CaseRow, @Ctx() context: RequestContext): Promise<GoalRow[]> {
    const scope = requireScope(context);
    return (await collaborationLoaders(context).goals.load(c.id)).filter((g) => decide(scope, CASE_PART_READERS, goalFacts(g)).allowed);
  }

  @FieldResolver(() => [PlanActionType], { nullable: true })
  async actions(@Root() c: CaseRow, @Ctx() context: RequestContext) {
    return visibleActions(context, await collaborationLoaders(context).actions.load(c.id));
  }

  @FieldResolver(() => [MeetingType], { nullable: true })
  async meetings(@Root() c: CaseRow, @Ctx() context: RequestContext) {
    const scope = requireScope(context);
    return (await collaborationLoaders(context).meetings.load(c.id))
      .map((m) => ({ ...m, attendingUserId: m.attendeeUserIds.includes(scope.userId) ? scope.userId : null }))
      .filter((m) => decide(scope, MEETING_READERS, { caseId: m.caseId, districtId: m.districtId, userId: m.attendingUserId }).allowed);
  }

  @FieldResolver(() => GraphQLDateTime, { nullable: true })
  nextFollowUpAt(@Root() c: CaseRow, @Ctx() context: RequestContext) {
    return collaborationLoaders(context).nextFollowUp.load(c.id);
  }
}

@Resolver(() => CaseChildType)
export class CaseChildResolver {
  @FieldResolver(() => Int, { nullable: true })
  age(@Root() child: { birthDate: string | null }, @Ctx() context: RequestContext): number | null {
    return child.birthDate ? ageOn(parseCalendarDate(child.birthDate), calendarDateAt(context.deps.clock.now())) : null;
  }
}

@Resolver(() => CaseStateChangeType)
export class CaseStateChangeResolver {
  @FieldResolver(() => StaffMemberType, { nullable: true })
  actor(@Root() s: StateChangeRow, @Ctx() context: RequestContext) {
    return context.loaders.staffMember.load(s.actorUserId);
  }
}

@Resolver(() => TeamMemberType)
export class TeamMemberResolver {
  @FieldResolver(() => StaffMemberType, { nullable: true })
  person(@Root() t: TeamMemberRow, @Ctx() context: RequestContext) {
    return context.loaders.staffMember.load(t.userId);
  }

  @FieldResolver(() => AgencyType, { nullable: true })
  agency(@Root() t: TeamMemberRow, @Ctx() context: RequestContext) {
    return context.loaders.agency.load(t.agencyId);
  }
}

@Resolver(() => TeamCandidateType)
export class TeamCandidateResolver {
  @FieldResolver(() => AgencyType, { nullable: true })
  agency(@Root() t: TeamCandidateRow, @Ctx() context: RequestContext) {
    return context.loaders.agency.load(t.agencyId);
  }
}

@Resolver(() => AgencyGoalType)
export class AgencyGoalResolver {
  @FieldResolver(() => AgencyType, { nullable: true })
  agency(@Root() g: GoalRow, @Ctx() context: RequestContext) {
    return context.loaders.agency.load(g.agencyId);
  }
}

@Resolver(() => PlanActionType)
export class PlanActionResolver {
  @FieldResolver(() => AgencyType, { nullable: true })
  responsibleAgency(@Root() a: ActionRow, @Ctx() context: RequestContext) {
    return context.loaders.agency.load(a.responsibleAgencyId);
  }

  @FieldResolver(() => StaffMemberType, { nullable: true })
  responsible(@Root() a: ActionRow, @Ctx() context: RequestContext) {
    return context.loaders.staffMember.load(a.responsibleUserId);
  }

  @FieldResolver(() => Boolean, { nullable: true })
  overdue(@Root() a: ActionRow, @Ctx() context: RequestContext) {
    return isOverdue(a, context.deps.clock.now());
  }

  @FieldResolver(() => [ActionNoteType], { nullable: true })
  async notes(@Root() a: ActionRow, @Ctx() context: RequestContext) {
    const scope = requireScope(context);
    if (!decide(scope, ACTION_TEXT_READERS, actionFactsOf(a)).allowed) return [];
    // Each note carries its own crime mark over the action's facts.
    return (await collaborationLoaders(context).notes.load(a.id))
      .map((n: NoteRow) => ({ ...a, ...n }))
      .filter((n) => decide(scope, ACTION_TEXT_READERS, actionFactsOf(n)).allowed);
  }
}

@Resolver(() => ActionNoteType)
export class ActionNoteResolver {
  @FieldResolver(() => StaffMemberType, { nullable: true })
  author(@Root() n: NoteRow, @Ctx() context: RequestContext) {
    return context.loaders.staffMember.load(n.authorUserId);
  }
}

@Resolver(() => MeetingType)
export class MeetingResolver {
  @FieldResolver(() => [StaffMemberType], { nullable: true })
  async attendees(@Root() m: MeetingRow, @Ctx() context: RequestContext) {
    return (await context.loaders.staffMember.loadMany(m.attendeeUserIds)).filter((s) => s && !(s instanceof Error));
  }
}

@Resolver(() => ChildType)
export class ChildCollaborationResolver {
  @FieldResolver(() => [CollaborationCaseType], { nullable: true, description: "The child's collaboration cases the viewer may see." })
  collaborationCases(@Root() child: { id: string }, @Ctx() context: RequestContext) {
    return collaborationLoaders(context).casesOfChild.load(child.id);
  }
}

export const COLLABORATION_RESOLVERS = [
  CollaborationResolver,
  CaseChildResolver,
  CaseStateChangeResolver,
  TeamMemberResolver,
  AgencyGoalResolver,
  PlanActionResolver,
  ActionNoteResolver,
  MeetingResolver,
  ChildCollaborationResolver,
  TeamCandidateResolver,
] as const;
