import { requestFingerprint } from '../../db/idempotency/idempotency.repository';
import {
  ActionRow,
  CaseRow,
  collaborationLookups,
  collaborationRepository,
  MeetingRow,
} from '../../db/collaboration/collaboration.repository';
import { consentRepository } from '../../db/consent/consent.repository';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import {
  Message,
  meetingCancelledMessage,
  meetingInvitationMessage,
  meetingMovedMessage,
} from '../../domain/notifications/notification-content';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { ageOn, calendarDateAt, parseCalendarDate } from '../../domain/time/calendar-date';
import {
  CaseSource,
  CaseState,
  closingProblem,
  decideModel,
  isPlanRunning,
  ModelOverride,
  stateAfterFollowUp,
  stateAfterGoals,
} from '../../domain/collaboration/collaboration-rules';
import {
  actionStatusProblem,
  ActionStatus,
  attendeesOutsideTeam,
  crimeInformationByDefault,
  isCrimeInformation,
  isFinished,
  MeetingKind,
  meetingChangeProblem,
  MEETING_KIND_LABELS,
  nextFollowUp,
} from '../../domain/collaboration/plan-rules';
import { CRIME_MARKERS } from '../../domain/collaboration/collaboration.grants';
import { decide } from '../../domain/access/policy';
import { BadInput, Conflict, Forbidden, NotFound } from '../../domain/errors';
import { AgencyKind } from '../../domain/access/roles';
import {
  AddActionNoteInput,
  AddPlanActionInput,
  AddTeamMemberInput,
  CancelMeetingInput,
  CloseCollaborationCaseInput,
  MarkCrimeInformationInput,
  OpenCollaborationCaseInput,
  RecordFollowUpInput,
  RemoveTeamMemberInput,
  RescheduleMeetingInput,
  ScheduleFollowUpInput,
  SetGoalsInput,
  UpdatePlanActionInput,
} from '../../schema/collaboration/collaboration.inputs';
import { RequestContext, requireScope } from '../context';
import { write, writeLocked } from '../write';
import { casePeopleOf, teamCandidatesOf } from './case-people';
import { AuditAction, caseAudit, caseFactsOf, lockWritableAction, lockWritableCase, WritableAction } from './collaboration-access';
import { collaborationClocks } from './collaboration-clocks';
import { meetingCalendarEntry, MeetingNotice, tellAttendees } from './meeting-notices';
import { endTeamMemberships } from './team-membership';
import { consentClocks } from '../consent';

export interface Intake {
  readonly childId: string;
  readonly concern: string;
  readonly modelOverride: ModelOverride | null;
  readonly source: CaseSource;
  /** The talk a referral comes from. */
  readonly sourceSubjectId: string | null;
  /** Null: the district's first coordinator takes the referral. */
  readonly coordinatorUserId: string | null;
  readonly actorUserId: string;
}

/**
 * Opens a case inside the caller's unit of work. The talks module calls this
 * for the outcome "referred to SSPF/SSFF" (source TALK_REFERRAL).
 */
/** One open case per child and model: the answer names the open one, so the user goes there instead. */
export class OpenCaseExists extends Conflict {
  constructor(readonly openCase: CaseRow) {
    super(
      `The child already has an open ${openCase.model} case, ${openCase.reference}: work in that case.`,
      `Barnet har redan ett öppet ${openCase.model}-ärende, ${openCase.reference}: arbeta vidare i det.`,
    );
    this.details.openCase = { id: openCase.id, reference: openCase.reference };
  }
}

export async function openCollaborationCaseIn(uow: UnitOfWork, intake: Intake): Promise<CaseRow> {
  const child = await collaborationLookups.child(uow.manager, intake.childId);
  if (!child) throw new NotFound('The child');
  const policyVersion = await collaborationLookups.districtPolicyVersion(uow.manager, child.districtId);
  const policy = await uow.policy(child.districtId, policyVersion);
  if (!child.birthDate) {
    throw new BadInput(
      'input.childId',
      'The child has no date of birth: record it before opening a collaboration case.',
      'Barnet saknar födelsedatum: registrera det innan ett samverkansärende öppnas.',
    );
  }
  const age = ageOn(parseCalendarDate(child.birthDate), calendarDateAt(uow.now, policy.timeZone));
  const decision = decideModel(age, policy, intake.modelOverride);
  if (!decision.ok) {
    if (decision.problem === 'OVERRIDE_WITHOUT_REASON') {
      throw new BadInput(
        'input.modelOverride.reason',
        'Give the reason for opening a case outside the age bands.',
        'Ange skälet till att öppna ett ärende utanför åldersspannen.',
      );
    }
    throw new BadInput(
      'input.modelOverride',
      `The child is ${age}, outside the district's SSFF (${policy.ssffAgeBand.min}–${policy.ssffAgeBand.max}) and SSPF (${policy.sspfAgeBand.min}–${policy.sspfAgeBand.max}) ages: a coordinator may open the case with a model and a reason.`,
      `Barnet är ${age} år, utanför områdets åldrar för SSFF och SSPF: en samordnare kan öppna ärendet med modell och skäl.`,
    );
  }
  const open = await collaborationRepository.openCaseOf(uow.manager, child.id, decision.model);
  if (open) throw new OpenCaseExists(open);
  const coordinatorUserId = intake.coordinatorUserId ?? (await organisationRepository.coordinatorsOf(uow.manager, child.districtId))[0];
  if (!coordinatorUserId) {
    throw new BadInput(
      'input.childId',
      "The child's district has no SSPF coordinator to take the case.",
      'Barnets område har ingen SSPF-samordnare som kan ta ärendet.',
    );
  }
  const reference = await collaborationRepository.nextReference(uow.manager, decision.model, uow.now.getUTCFullYear());
  const theCase = await collaborationRepository.insertCase(uow.manager, {
    reference,
    childId: child.id,
    districtId: child.districtId,
    policyVersion,
    model: decision.model,
    modelOverrideReason: decision.overrideReason,
    source: intake.source,
    sourceSubjectId: intake.sourceSubjectId,
    concern: intake.concern.trim(),
    coordinatorUserId,
    now: uow.now,
  });
  await collaborationClocks.touch(uow, theCase);
  uow.audit(caseAudit(theCase, AuditAction.CREATE, 'CollaborationCase', theCase.id, ['child', 'model', 'concern', 'state']));
  return theCase;
}

/** Writes that count as activity keep the stale-case clock at bay. */
async function touched(uow: UnitOfWork, theCase: CaseRow): Promise<void> {
  await collaborationRepository.touch(uow.manager, theCase.id, uow.now);
  await collaborationClocks.touch(uow, theCase);
}

async function moveTo(uow: UnitOfWork, scope: ViewerScope, theCase: CaseRow, next: CaseState | null): Promise<CaseRow> {
  if (!next || next === theCase.state) return theCase;
  await collaborationRepository.recordState(uow.manager, theCase.id, next, uow.now, scope.userId);
  return { ...theCase, state: next };
}

function requireOpen(theCase: CaseRow): void {
  if (theCase.state === CaseState.CLOSED) throw new Conflict('The collaboration case is closed.');
}

/** An open case the viewer may change, locked. */
async function lockOpenCase(uow: UnitOfWork, scope: ViewerScope, caseId: string): Promise<CaseRow> {
  const theCase = await lockWritableCase(uow, scope, caseId);
  requireOpen(theCase);
  return theCase;
}

/** A plan action the viewer may update, locked, with its case, which must be open. */
async function lockOpenAction(
  uow: UnitOfWork,
  scope: ViewerScope,
  actionId: string,
): Promise<WritableAction & { readonly theCase: CaseRow }> {
  const writable = await lockWritableAction(uow, scope, actionId);
  const [theCase] = await collaborationRepository.casesByIds(uow.manager, [writable.action.caseId]);
  requireOpen(theCase);
  return { ...writable, theCase };
}

type CaseWork<R, T> = (uow: UnitOfWork, row: R, scope: ViewerScope) => Promise<T>;

const writeOpenCase = <T>(context: RequestContext, caseId: string, work: CaseWork<CaseRow, T>) =>
  writeLocked(context, (uow, scope) => lockOpenCase(uow, scope, caseId), work);

const writeOpenAction = <T>(context: RequestContext, actionId: string, work: CaseWork<WritableAction & { theCase: CaseRow }, T>) =>
  writeLocked(context, (uow, scope) => lockOpenAction(uow, scope, actionId), work);

/** Meeting attendees: the coordinator and team members only, as the consent names them. */
async function checkAttendees(uow: UnitOfWork, theCase: CaseRow, attendeeUserIds: readonly string[], field: string): Promise<void> {
  const outside = attendeesOutsideTeam(attendeeUserIds, await casePeopleOf(uow.manager, theCase));
  if (outside.length) {
    throw new BadInput(
      field,
      'Only the coordinator and team members can attend: add the person to the team first (the consent must cover their agency).',
      'Bara samordnaren och teamets medlemmar kan delta: lägg först till personen i teamet (samtycket måste omfatta deras verksamhet).',
    );
  }
}

async function scheduleMeeting(
  uow: UnitOfWork,
  theCase: CaseRow,
  kind: MeetingKind,
  scheduledAt: Date,
  attendees: readonly string[],
  by: string,
): Promise<string> {
  const invited = [...new Set(attendees)];
  const id = await collaborationRepository.insertMeeting(uow.manager, {
    caseId: theCase.id,
    kind,
    scheduledAt,
    attendeeUserIds: invited,
    createdBy: by,
  });
  if (kind === MeetingKind.FOLLOW_UP) await collaborationClocks.startFollowUp(uow, theCase, id, scheduledAt);
  const policy = await uow.policy(theCase.districtId, theCase.policyVersion);
  tellAttendees(uow, theCase, invited, by, {
    kind: 'MEETING_INVITATION',
    message: meetingInvitationMessage(theCase.reference, MEETING_KIND_LABELS[kind], scheduledAt, policy.timeZone),
    dedupeKey: (userId) => `meeting-invitation:${id}:${userId}`,
    calendar: meetingCalendarEntry(theCase, { id, kind, scheduledAt, calendarSequence: 0 }, 'REQUEST', uow.now),
  });
  return id;
}

/** A meeting that can still change (not held, not cancelled), locked, with its open case. */
async function lockChangeableMeeting(uow: UnitOfWork, scope: ViewerScope, meetingId: string): Promise<ChangeableMeeting> {
  const meeting = await collaborationRepository.lockMeeting(uow.manager, meetingId);
  if (!meeting) throw new NotFound('The meeting', 'input.meetingId');
  const theCase = await lockOpenCase(uow, scope, meeting.caseId);
  const problem = meetingChangeProblem(meeting);
  if (problem === 'HELD') throw new Conflict('This meeting is already recorded.', 'Mötet är redan registrerat som hållet.');
  if (problem === 'CANCELLED') throw new Conflict('This meeting is cancelled.', 'Mötet är inställt.');
  return { meeting, theCase };
}

type ChangeableMeeting = { readonly meeting: MeetingRow; readonly theCase: CaseRow };

const writeChangeableMeeting = <T>(context: RequestContext, meetingId: string, work: CaseWork<ChangeableMeeting, T>) =>
  writeLocked(context, (uow, scope) => lockChangeableMeeting(uow, scope, meetingId), work);

/** After a move or a cancellation: the attendees are told, the case counts as active, the change is audited. */
async function meetingChanged(
  uow: UnitOfWork,
  theCase: CaseRow,
  meeting: MeetingRow,
  by: string,
  fields: string[],
  notice: Omit<MeetingNotice, 'message'> & { message: (timeZone: string) => Message },
): Promise<void> {
  const policy = await uow.policy(theCase.districtId, theCase.policyVersion);
  tellAttendees(uow, theCase, meeting.attendeeUserIds, by, { ...notice, message: notice.message(policy.timeZone) });
  await touched(uow, theCase);
  uow.audit(caseAudit(theCase, AuditAction.UPDATE, 'CollaborationMeeting', meeting.id, fields));
}

const meetingOf = async (uow: UnitOfWork, theCase: CaseRow, meetingId: string) =>
  (await collaborationRepository.meetings(uow.manager, [theCase.id])).find((m) => m.id === meetingId)!;

/**
 * Agency goals with their crime mark: a goal kept word for word keeps its mark; a new one is crime information when
 * the police set it or it is the police's goal.
 */
async function markedGoals(
  uow: UnitOfWork,
  theCase: CaseRow,
  scope: ViewerScope,
  goals: readonly { agencyId: string; text: string }[],
  agencies: readonly { id: string; kind: AgencyKind }[],
) {
  const kept = new Map(
    (await collaborationRepository.goals(uow.manager, [theCase.id])).map((g) => [`${g.agencyId}|${g.text}`, g.crimeInformation]),
  );
  const kindOf = new Map(agencies.map((a) => [a.id, a.kind]));
  return goals.map((g) => {
    const text = g.text.trim();
    const crimeInformation = kept.get(`${g.agencyId}|${text}`) ?? crimeInformationByDefault(scope.agencyKind, kindOf.get(g.agencyId)!);
    return { agencyId: g.agencyId, text, crimeInformation };
  });
}

function requireFuture(uow: UnitOfWork, at: Date, field: string): void {
  if (at.getTime() <= uow.now.getTime()) throw new BadInput(field, 'Choose a time in the future.', 'Välj en tidpunkt framåt i tiden.');
}

export const collaborationService = {
  async open(context: RequestContext, input: OpenCollaborationCaseInput): Promise<CaseRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const { id } = await uow.once(input.idempotencyKey, 'openCollaborationCase', requestFingerprint(input), async () => {
        const child = await collaborationLookups.child(uow.manager, input.childId);
        if (!child || !scope.districtIds.has(child.districtId)) throw new NotFound('The child');
        const theCase = await openCollaborationCaseIn(uow, {
          childId: input.childId,
          concern: input.concern,
          modelOverride: input.modelOverride ?? null,
          source: CaseSource.COORDINATOR,
          sourceSubjectId: null,
          coordinatorUserId: scope.userId,
          actorUserId: scope.userId,
        });
        return theCase.id;
      });
      return (await collaborationRepository.casesByIds(uow.manager, [id]))[0];
    });
  },

  async addTeamMember(context: RequestContext, input: AddTeamMemberInput): Promise<CaseRow> {
    return writeOpenCase(context, input.caseId, async (uow, theCase, scope) => {
      const [person] = await teamCandidatesOf(uow.manager, theCase.id, uow.now, input.userId);
      if (!person) {
        throw new BadInput(
          'input.userId',
          'Choose one of the team candidates: active staff of an agency a valid consent covers. Record a consent that names the agency first.',
          'Välj någon av de föreslagna: aktiv personal i en verksamhet som ett giltigt samtycke omfattar. Registrera först ett samtycke som omfattar verksamheten.',
        );
      }
      const added = await collaborationRepository.addTeamMember(uow.manager, {
        caseId: theCase.id,
        userId: person.id,
        agencyId: person.agencyId,
        role: input.role?.trim() || null,
        at: uow.now,
        addedBy: scope.userId,
      });
      if (added) {
        await touched(uow, theCase);
        uow.audit(caseAudit(theCase, AuditAction.UPDATE, 'CollaborationCase', theCase.id, ['team']));
      }
      return theCase;
    });
  },

  /** Same effect as a withdrawal for this one person: the membership ends, their clocks stop, the coordinator learns which actions lost their owner. */
  async removeTeamMember(context: RequestContext, input: RemoveTeamMemberInput): Promise<CaseRow> {
    return writeOpenCase(context, input.caseId, async (uow, theCase, scope) => {
      const ended = await endTeamMemberships(uow, theCase, [input.userId], input.reason?.trim() || 'REMOVED', scope.userId);
      if (ended.length === 0)
        throw new BadInput('input.userId', 'This person is not on the case team.', 'Personen ingår inte i ärendets team.');
      await touched(uow, theCase);
      return theCase;
    });
  },

  /** GDPR art. 10: only a public authority running the case changes whether a text is criminal-offence data; audited. */
  async markCrimeInformation(context: RequestContext, input: MarkCrimeInformationInput): Promise<CaseRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const caseId = await collaborationRepository.caseOfText(uow.manager, input.text, input.id);
      if (!caseId) throw new NotFound('The text');
      const theCase = await lockWritableCase(uow, scope, caseId);
      if (!decide(scope, CRIME_MARKERS, caseFactsOf(theCase)).allowed) {
        throw new Forbidden('Only a public authority can mark whether a text holds criminal-offence data.', 'input.crimeInformation');
      }
      await collaborationRepository.setCrimeInformation(uow.manager, input.text, input.id, input.crimeInformation);
      uow.audit(caseAudit(theCase, AuditAction.UPDATE, input.text, input.id, ['crimeInformation']));
      return theCase;
    });
  },

  async setGoals(context: RequestContext, input: SetGoalsInput): Promise<CaseRow> {
    return writeOpenCase(context, input.caseId, async (uow, theCase, scope) => {
      if (theCase.state === CaseState.INTAKE || theCase.state === CaseState.CONSENT_PENDING) {
        throw new BadInput(
          'input.caseId',
          'Goals are set once consent is recorded, during mapping.',
          'Mål sätts när samtycket är registrerat, under kartläggningen.',
        );
      }
      const agencies = await collaborationLookups.agencies(uow.manager, [...new Set(input.agencyGoals.map((g) => g.agencyId))]);
      if (
        agencies.length !== new Set(input.agencyGoals.map((g) => g.agencyId)).size ||
        agencies.some((a) => a.municipalityId !== scope.municipalityId)
      ) {
        throw new BadInput(
          'input.agencyGoals',
          'Each agency goal must name an agency of the municipality.',
          'Varje verksamhetsmål ska ange en verksamhet i kommunen.',
        );
      }
      const next = stateAfterGoals(theCase.state);
      if (next && isPlanRunning(next)) {
        if (!nextFollowUp(await collaborationRepository.meetings(uow.manager, [theCase.id]))) {
          if (!input.firstFollowUpAt) {
            throw new BadInput(
              'input.firstFollowUpAt',
              'The plan needs its first follow-up date.',
              'Planen behöver ett datum för första uppföljningen.',
            );
          }
          requireFuture(uow, input.firstFollowUpAt, 'input.firstFollowUpAt');
          await scheduleMeeting(uow, theCase, MeetingKind.FOLLOW_UP, input.firstFollowUpAt, [theCase.coordinatorUserId], scope.userId);
        }
      }
      const youthGoals = input.youthGoals.map((g) => g.trim());
      await collaborationRepository.setYouthGoals(uow.manager, theCase.id, youthGoals);
      await collaborationRepository.replaceAgencyGoals(
        uow.manager,
        theCase.id,
        await markedGoals(uow, theCase, scope, input.agencyGoals, agencies),
      );
      // The answer is what was saved.
      const saved = await moveTo(uow, scope, { ...theCase, youthGoals }, next);
      await touched(uow, saved);
      uow.audit(caseAudit(saved, AuditAction.UPDATE, 'CollaborationCase', saved.id, ['youthGoals', 'agencyGoals', 'state']));
      return saved;
    });
  },

  async addPlanAction(context: RequestContext, input: AddPlanActionInput): Promise<ActionRow> {
    return writeOpenCase(context, input.caseId, async (uow, theCase, scope) => {
      requireFuture(uow, input.dueAt, 'input.dueAt');
      const onCase = (await casePeopleOf(uow.manager, theCase)).includes(input.responsibleUserId);
      const [person] = onCase ? await collaborationLookups.activeStaff(uow.manager, [input.responsibleUserId]) : [];
      if (!person) {
        throw new BadInput(
          'input.responsibleUserId',
          'The person responsible must be on the case team (or coordinate it).',
          'Den ansvariga måste ingå i ärendets team (eller samordna det).',
        );
      }
      if (!person.isPublicAuthority && isCrimeInformation({ kind: input.kind, responsibleAgencyKind: person.agencyKind })) {
        throw new BadInput(
          'input.kind',
          'A private association cannot hold a police-related action: it may never see crime information.',
          'En privat förening kan inte ansvara för en polisrelaterad insats: den får aldrig se uppgifter om brott.',
        );
      }
      const actionId = await collaborationRepository.insertAction(uow.manager, {
        caseId: theCase.id,
        kind: input.kind,
        description: input.description.trim(),
        responsibleAgencyId: person.agencyId,
        responsibleUserId: person.id,
        dueAt: input.dueAt,
        createdByUserId: scope.userId,
        crimeInformation:
          isCrimeInformation({ kind: input.kind, responsibleAgencyKind: person.agencyKind }) || crimeInformationByDefault(scope.agencyKind),
      });
      await collaborationClocks.startAction(uow, theCase, actionId, person.id, input.dueAt);
      await touched(uow, theCase);
      uow.audit(caseAudit(theCase, AuditAction.CREATE, 'PlanAction', actionId, ['kind', 'description', 'responsible', 'dueAt']));
      return (await lockWritableAction(uow, scope, actionId)).action;
    });
  },

  async updatePlanAction(context: RequestContext, input: UpdatePlanActionInput): Promise<ActionRow> {
    return writeOpenAction(context, input.actionId, async (uow, { action, decision, theCase }) => {
      const status = input.status ?? action.status;
      const problem = actionStatusProblem(action.status, status, input.cancelReason ?? action.cancelReason);
      if (problem === 'FINISHED') throw new Conflict('The action is already done or cancelled.');
      if (problem === 'CANCEL_WITHOUT_REASON')
        throw new BadInput('input.cancelReason', 'Give the reason for cancelling the action.', 'Ange skälet till att insatsen avbryts.');
      const dueAt = input.dueAt ?? action.dueAt;
      if (input.dueAt && input.dueAt.getTime() !== action.dueAt.getTime()) requireFuture(uow, input.dueAt, 'input.dueAt');
      const cancelReason = status === ActionStatus.CANCELLED ? ((input.cancelReason ?? action.cancelReason)?.trim() ?? null) : null;
      await collaborationRepository.updateAction(uow.manager, action.id, { status, cancelReason, dueAt });
      if (isFinished(status) && !isFinished(action.status)) {
        await collaborationClocks.finishAction(uow, theCase, action.id, status === ActionStatus.CANCELLED);
      } else if (dueAt.getTime() !== action.dueAt.getTime()) {
        await collaborationClocks.moveAction(uow, theCase, action.id, action.responsibleUserId, dueAt);
      }
      await touched(uow, theCase);
      uow.audit(caseAudit(action, AuditAction.UPDATE, 'PlanAction', action.id, ['status', 'cancelReason', 'dueAt'], decision));
      return { ...action, status, cancelReason, dueAt };
    });
  },

  async addActionNote(context: RequestContext, input: AddActionNoteInput): Promise<ActionRow> {
    return writeOpenAction(context, input.actionId, async (uow, { action, decision, theCase }, scope) => {
      const crime = action.crimeInformation || crimeInformationByDefault(scope.agencyKind);
      await collaborationRepository.insertNote(uow.manager, action.id, scope.userId, input.text.trim(), uow.now, crime);
      await touched(uow, theCase);
      uow.audit(caseAudit(action, AuditAction.UPDATE, 'PlanAction', action.id, ['notes'], decision));
      return action;
    });
  },

  async scheduleFollowUp(context: RequestContext, input: ScheduleFollowUpInput): Promise<MeetingRow> {
    return writeOpenCase(context, input.caseId, async (uow, theCase, scope) => {
      requireFuture(uow, input.scheduledAt, 'input.scheduledAt');
      await checkAttendees(uow, theCase, input.attendeeUserIds, 'input.attendeeUserIds');
      const id = await scheduleMeeting(
        uow,
        theCase,
        input.kind,
        input.scheduledAt,
        [theCase.coordinatorUserId, ...input.attendeeUserIds],
        scope.userId,
      );
      await touched(uow, theCase);
      uow.audit(caseAudit(theCase, AuditAction.CREATE, 'CollaborationMeeting', id, ['kind', 'scheduledAt', 'attendees']));
      return meetingOf(uow, theCase, id);
    });
  },

  async recordFollowUp(context: RequestContext, input: RecordFollowUpInput): Promise<MeetingRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const locked = await lockChangeableMeeting(uow, scope, input.meetingId);
      const { meeting } = locked;
      let { theCase } = locked;
      const attendees = input.attendeeUserIds ?? meeting.attendeeUserIds;
      await checkAttendees(uow, theCase, attendees, 'input.attendeeUserIds');
      const next = meeting.kind === MeetingKind.FOLLOW_UP ? stateAfterFollowUp(theCase.state) : null;
      const running = isPlanRunning(next ?? theCase.state);
      if (running && meeting.kind === MeetingKind.FOLLOW_UP) {
        if (!input.nextFollowUpAt) {
          throw new BadInput(
            'input.nextFollowUpAt',
            'Set the next follow-up date: it is required while the plan runs. Close the case if the plan is finished.',
            'Ange nästa uppföljning: den krävs medan planen löper. Avsluta ärendet om planen är klar.',
          );
        }
        requireFuture(uow, input.nextFollowUpAt, 'input.nextFollowUpAt');
      }
      await collaborationRepository.recordMeeting(uow.manager, meeting.id, {
        heldAt: uow.now,
        attendeeUserIds: [...new Set(attendees)],
        decisions: input.decisions.trim(),
        planChanges: input.planChanges?.trim() || null,
      });
      if (meeting.kind === MeetingKind.FOLLOW_UP) await collaborationClocks.meetFollowUp(uow, theCase, meeting.id);
      if (input.nextFollowUpAt) {
        requireFuture(uow, input.nextFollowUpAt, 'input.nextFollowUpAt');
        await scheduleMeeting(uow, theCase, MeetingKind.FOLLOW_UP, input.nextFollowUpAt, attendees, scope.userId);
      }
      theCase = await moveTo(uow, scope, theCase, next);
      await touched(uow, theCase);
      uow.audit(
        caseAudit(theCase, AuditAction.UPDATE, 'CollaborationMeeting', meeting.id, ['heldAt', 'attendees', 'decisions', 'planChanges']),
      );
      return meetingOf(uow, theCase, meeting.id);
    });
  },

  /** The same time changes nothing; a new one moves the follow-up's reminder clock and tells the attendees. */
  async rescheduleMeeting(context: RequestContext, input: RescheduleMeetingInput): Promise<MeetingRow> {
    return writeChangeableMeeting(context, input.meetingId, async (uow, { meeting, theCase }, scope) => {
      const move = async () => {
        if (meeting.scheduledAt.getTime() === input.scheduledAt.getTime()) return meeting.id;
        requireFuture(uow, input.scheduledAt, 'input.scheduledAt');
        const moved = { ...meeting, scheduledAt: input.scheduledAt, calendarSequence: meeting.calendarSequence + 1 };
        await collaborationRepository.moveMeeting(uow.manager, meeting.id, moved.scheduledAt, moved.calendarSequence);
        if (meeting.kind === MeetingKind.FOLLOW_UP) {
          await collaborationClocks.cancelFollowUp(uow, theCase, meeting.id);
          await collaborationClocks.startFollowUp(uow, theCase, meeting.id, moved.scheduledAt);
        }
        const kindLabel = MEETING_KIND_LABELS[meeting.kind];
        await meetingChanged(uow, theCase, meeting, scope.userId, ['scheduledAt'], {
          kind: 'MEETING_MOVED',
          message: (zone) => meetingMovedMessage(theCase.reference, kindLabel, meeting.scheduledAt, moved.scheduledAt, zone),
          dedupeKey: (userId) => `meeting-moved:${meeting.id}:${moved.calendarSequence}:${userId}`,
          calendar: meetingCalendarEntry(theCase, moved, 'REQUEST', uow.now),
        });
        return meeting.id;
      };
      if (input.idempotencyKey) await uow.once(input.idempotencyKey, 'rescheduleMeeting', requestFingerprint(input), move);
      else await move();
      return meetingOf(uow, theCase, meeting.id);
    });
  },

  /** The follow-up's reminder clock stops; a plan left without a next follow-up asks for one when the next is recorded. */
  async cancelMeeting(context: RequestContext, input: CancelMeetingInput): Promise<MeetingRow> {
    return writeChangeableMeeting(context, input.meetingId, async (uow, { meeting, theCase }, scope) => {
      const cancelled = {
        ...meeting,
        cancelledAt: uow.now,
        cancelReason: input.reason.trim(),
        calendarSequence: meeting.calendarSequence + 1,
      };
      await collaborationRepository.cancelMeeting(uow.manager, meeting.id, {
        at: cancelled.cancelledAt,
        reason: cancelled.cancelReason,
        byUserId: scope.userId,
        calendarSequence: cancelled.calendarSequence,
      });
      if (meeting.kind === MeetingKind.FOLLOW_UP) await collaborationClocks.cancelFollowUp(uow, theCase, meeting.id);
      await meetingChanged(uow, theCase, meeting, scope.userId, ['cancelledAt', 'cancelReason'], {
        kind: 'MEETING_CANCELLED',
        message: (zone) => meetingCancelledMessage(theCase.reference, MEETING_KIND_LABELS[meeting.kind], meeting.scheduledAt, zone),
        dedupeKey: (userId) => `meeting-cancelled:${meeting.id}:${userId}`,
        calendar: meetingCalendarEntry(theCase, cancelled, 'CANCEL', uow.now),
      });
      return cancelled;
    });
  },

  async close(context: RequestContext, input: CloseCollaborationCaseInput): Promise<CaseRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const theCase = await lockWritableCase(uow, scope, input.caseId);
      const problem = closingProblem(theCase.state, input.reason, input.note);
      if (problem === 'ALREADY_CLOSED') throw new Conflict('The collaboration case is already closed.');
      if (problem === 'OTHER_WITHOUT_NOTE')
        throw new BadInput(
          'input.note',
          'Describe the reason when closing for another reason.',
          'Beskriv skälet när ärendet avslutas av annat skäl.',
        );
      const note = input.note?.trim() || null;
      await collaborationRepository.close(uow.manager, theCase.id, input.reason, note, uow.now);
      const closed = await moveTo(uow, scope, theCase, CaseState.CLOSED);
      await collaborationClocks.closeCase(uow, closed);
      // A closed case reminds nobody: its actions, follow-ups and consent warnings stop.
      const actions = await collaborationRepository.actionsOfCases(uow.manager, [theCase.id]);
      for (const a of actions.filter((x) => !isFinished(x.status))) await collaborationClocks.finishAction(uow, closed, a.id, true);
      const meetings = await collaborationRepository.meetings(uow.manager, [theCase.id]);
      for (const m of meetings.filter((x) => !x.heldAt && !x.cancelledAt)) await collaborationClocks.cancelFollowUp(uow, closed, m.id);
      for (const c of await consentRepository.ofCases(uow.manager, [theCase.id])) await consentClocks.stop(uow, closed, c.id);
      uow.audit(caseAudit(theCase, AuditAction.UPDATE, 'CollaborationCase', theCase.id, ['state', 'closingReason', 'closingNote']));
      return { ...closed, closedAt: uow.now, closingReason: input.reason, closingNote: note };
    });
  },
};
