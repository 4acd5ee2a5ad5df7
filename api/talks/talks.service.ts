import { ClearanceRow, talkRepository, TalkRow } from '../../db/talks/talk.repository';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { reportRepository } from '../../db/reports/report.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { LegalBasis } from '../../domain/access/legal-basis';
import { TALK_HANDLERS, TALK_READERS } from '../../domain/talks/talks.grants';
import { decide } from '../../domain/access/policy';
import { Role } from '../../domain/access/roles';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { AuditAction } from '../../domain/audit/audit-event';
import { calendarDateAt, formatCalendarDate, parseCalendarDate } from '../../domain/time/calendar-date';
import { BadInput, Conflict, NotFound } from '../../domain/errors';
import { clockForTargetDate, clocksAtSummons, isLate, TalkClockKind } from '../../domain/talks/talk-deadline.rules';
import { summonsIncludesGuardians } from '../../domain/talks/talk-eligibility.rules';
import { TalkClearanceKind, TalkOrigin, TalkOutcome, TalkParticipantRole, TalkState } from '../../domain/talks/talk-enums';
import { inviteeRule } from '../../domain/talks/talk-invitees.rules';
import { talkInvitationMessage, talkScheduledMessage } from '../../domain/talks/talk-messages';
import {
  checkClose,
  checkHappenedAt,
  checkHold,
  checkSchedule,
  checkSummons,
  isOpen,
  participatingAgencies,
  TalkProblem,
} from '../../domain/talks/talk-state.rules';
import {
  AddTalkParticipantInput,
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
import { RequestContext, requireScope } from '../context';
import { requestFingerprint } from '../../db/idempotency/idempotency.repository';
import { write, writeLocked } from '../write';
import { requestCollaborationIntake } from './collaboration-intake.hook';
import { talkCalendarEntry, tellInvitedOfCancellation, tellInvitedOfMove } from './talk-calendar-notices';
import { ageAt, createTalk, talkAudit, talkClockSubject, talkPolicy } from './talk-writes';

const talkFacts = (t: TalkRow) => ({ districtId: t.districtId, talkId: t.id });

/** Loads and locks a talk the viewer handles (social services of its district); anything else is NOT_FOUND. */
async function lockHandled(uow: UnitOfWork, scope: ViewerScope, talkId: string): Promise<TalkRow> {
  const talk = await talkRepository.lockForUpdate(uow.manager, talkId);
  if (!talk || !decide(scope, TALK_HANDLERS, talkFacts(talk)).allowed) throw new NotFound('The talk');
  return talk;
}

/** As `lockHandled`, for the invited too. */
async function lockReadable(uow: UnitOfWork, scope: ViewerScope, talkId: string): Promise<TalkRow> {
  const talk = await talkRepository.lockForUpdate(uow.manager, talkId);
  if (!talk || !decide(scope, TALK_READERS, talkFacts(talk)).allowed) throw new NotFound('The talk');
  return talk;
}

async function reload(uow: UnitOfWork, talkId: string): Promise<TalkRow> {
  return (await talkRepository.lockForUpdate(uow.manager, talkId))!;
}

type TalkWork<T> = (uow: UnitOfWork, talk: TalkRow, scope: ViewerScope) => Promise<T>;

const writeHandled = <T>(context: RequestContext, talkId: string, work: TalkWork<T>) =>
  writeLocked(context, (uow, scope) => lockHandled(uow, scope, talkId), work);

const writeReadable = <T>(context: RequestContext, talkId: string, work: TalkWork<T>) =>
  writeLocked(context, (uow, scope) => lockReadable(uow, scope, talkId), work);

/** Audits the change; the answer is the talk as it now stands. */
function changed(uow: UnitOfWork, talk: TalkRow, fields: string[]): Promise<TalkRow> {
  uow.audit(talkAudit(talk, AuditAction.UPDATE, fields));
  return reload(uow, talk.id);
}

const STATE_SV: Record<TalkState, string> = {
  PROPOSED: 'föreslaget',
  SUMMONED: 'kallat',
  SCHEDULED: 'bokat',
  HELD: 'hållet',
  DECLINED: 'avböjt',
  CANCELLED: 'avbrutet',
};

/** The domain's refusals as messages a user understands. */
function refuse(problem: TalkProblem, field: string, agencyNames: readonly string[] = []): never {
  switch (problem.code) {
    case 'WRONG_STATE':
      throw new BadInput(
        'input.talkId',
        `The talk is ${problem.state.toLowerCase()}: it cannot be ${problem.action === 'summon' ? 'summoned' : `${problem.action}d`} now.`,
        `Samtalet är ${STATE_SV[problem.state]} och kan inte ändras så nu.`,
      );
    case 'IN_THE_PAST':
      throw new BadInput(field, 'Choose a time in the future for the talk.', 'Välj en tid i framtiden för samtalet.');
    case 'CLEARANCE_REQUIRED':
      throw new BadInput(
        field,
        'A pre-investigation is running: the police must record a clearance before the child is summoned or the talk booked (LUL 31 §).',
        'En förundersökning pågår: polisen måste registrera klartecken innan barnet kallas eller samtalet bokas (LUL 31 §).',
      );
    case 'IN_THE_FUTURE':
      throw new BadInput(
        field,
        'The time cannot be in the future: give when it happened.',
        'Tidpunkten kan inte ligga i framtiden: ange när det hände.',
      );
    case 'BEFORE_REPORT':
      throw new BadInput(
        field,
        'The time cannot be before social services learned of the report.',
        'Tidpunkten kan inte ligga före det att socialtjänsten fick anmälan.',
      );
    case 'BEFORE_BOOKED_TIME':
      throw new BadInput(
        field,
        'The talk is booked for later: give the time it was held.',
        'Samtalet är bokat till senare: ange när det hölls.',
      );
    case 'GUARDIAN_CONTACT_ON_HOLD':
      throw new BadInput(
        'input.talkId',
        'The police have put contact with the guardians on hold (LUL 5 §): the summons must wait until they lift it.',
        'Polisen har skjutit upp kontakten med vårdnadshavarna (LUL 5 §): kallelsen får vänta tills polisen häver det.',
      );
    case 'DISCLOSURE_MISSING':
      throw new BadInput(
        'input.talkId',
        `Before the talk starts every participating agency must explain its purpose and how the information is handled. Missing: ${agencyNames.join(', ')}.`,
        `Innan samtalet börjar ska varje deltagande myndighet berätta om syftet och hur uppgifterna hanteras. Saknas: ${agencyNames.join(', ')}.`,
      );
    case 'DELAY_REASON_REQUIRED':
      throw new BadInput(
        'input.delayReason',
        'The talk is held after its deadline: choose the reason for the delay.',
        'Samtalet hålls efter tidsfristen: välj skälet till förseningen.',
      );
    case 'DELAY_REASON_TEXT_REQUIRED':
      throw new BadInput('input.delayReasonText', 'Describe the other reason for the delay.', 'Beskriv det andra skälet till förseningen.');
    case 'REASON_REQUIRED':
      throw new BadInput('input.reason', 'Give the reason.', 'Ange skälet.');
  }
}

function parseTargetDate(value: string, field: string, today: string): { year: number; month: number; day: number } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new BadInput(field, 'Give the date as YYYY-MM-DD.', 'Ange datumet som ÅÅÅÅ-MM-DD.');
  const date = parseCalendarDate(value);
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day)
    throw new BadInput(field, 'The date does not exist.', 'Datumet finns inte.');
  if (value < today) throw new BadInput(field, 'The target date cannot be in the past.', 'Måldatumet kan inte ligga bakåt i tiden.');
  return date;
}

export { parseTargetDate };

async function notifyInvited(
  uow: UnitOfWork,
  talk: TalkRow,
  kind: string,
  message: ReturnType<typeof talkScheduledMessage>,
  dedupe: string,
  roles: readonly TalkParticipantRole[],
  calendar?: string,
) {
  const participants = await talkRepository.participantsOf(uow.manager, [talk.id]);
  uow.notify(
    ...participants
      .filter((p) => p.userId && roles.includes(p.role))
      .map((p) => ({
        userId: p.userId!,
        kind,
        message,
        subjectType: 'TALK',
        subjectId: talk.id,
        dedupeKey: `${dedupe}:${p.userId}`,
        email: true,
        ...(calendar ? { calendar } : {}),
      })),
  );
}

export const talksService = {
  async open(context: RequestContext, input: OpenTalkInput): Promise<TalkRow> {
    const scope = requireScope(context);
    if (!input.reportId === !input.childId)
      throw new BadInput('input.reportId', 'Give either the report or the child.', 'Ange antingen anmälan eller barnet.');
    return write(context, async (uow) => {
      const { id } = await uow.once(input.idempotencyKey, 'openTalk', requestFingerprint(input), async () => {
        let childId = input.childId ?? null;
        let report = null;
        if (input.reportId) {
          report = (await reportRepository.findVisibleByIds(uow.manager, scope, [input.reportId]))[0];
          if (!report || !scope.districtIds.has(report.districtId)) throw new NotFound('The report');
          childId = report.childId;
        }
        const [child] = await talkRepository.childFacts(uow.manager, [childId!]);
        if (!child) throw new NotFound('The child');
        if (!scope.districtIds.has(child.districtId)) {
          throw new BadInput(
            'input.childId',
            "The child belongs to another district: that district's social services hold the talk.",
            'Barnet hör till ett annat område: socialtjänsten där håller samtalet.',
          );
        }
        const districtId = report?.districtId ?? child.districtId;
        const policyVersion = report?.policyVersion ?? (await organisationRepository.currentPolicyVersion(uow.manager, districtId));
        const policy = await talkPolicy(uow, districtId, policyVersion);
        const today = localToday(uow.now, policy.timeZone);
        const target = input.targetDate ? parseTargetDate(input.targetDate, 'input.targetDate', today) : null;
        const age = ageAt(child.birthDate, uow.now, policy.timeZone);
        const talk = await createTalk(uow, {
          kind: input.kind,
          origin: TalkOrigin.BY_HAND,
          childId: child.id,
          districtId,
          reportId: report?.id ?? null,
          policyVersion,
          holderKind: input.holderKind ?? policy.talkDefaultHolder,
          responsibleUserId: report?.responsibleUserId ?? (scope.roles.has(Role.SOCIAL_WORKER) ? scope.userId : null),
          learnedAt: uow.now,
          youngAdult: !summonsIncludesGuardians(age),
          preInvestigationRunning: report ? report.preInvestigationRunning === true : input.preInvestigationRunning === true,
          guardianContactOnHold: report?.guardianContactOnHold ?? false,
          withUniformedPolice: null,
          clocks: target ? [clockForTargetDate(policy, target, uow.now)] : [],
        });
        return talk.id;
      });
      return reload(uow, id);
    });
  },

  async assign(context: RequestContext, talkId: string, userId: string): Promise<TalkRow> {
    return writeHandled(context, talkId, async (uow, talk) => {
      if (!(await organisationRepository.caseworkerInDistrict(uow.manager, userId, talk.districtId))) {
        throw new BadInput(
          'input.userId',
          "Choose a social worker who works in the child's district.",
          'Välj en socialsekreterare i barnets område.',
        );
      }
      await talkRepository.update(uow.manager, talk.id, { responsible_user_id: userId });
      await uow.clocks.assign(talkClockSubject(talk, TalkClockKind.TALK_HELD), userId);
      await uow.clocks.assign(talkClockSubject(talk, TalkClockKind.TALK_SUMMONS), userId);
      return changed(uow, talk, ['responsible']);
    });
  },

  async summon(context: RequestContext, input: SummonTalkInput): Promise<TalkRow> {
    return writeHandled(context, input.talkId, async (uow, talk) => {
      const includesGuardians = !talk.youngAdult;
      const summonedAt = input.summonedAt ?? uow.now;
      const problem =
        checkSummons({
          state: talk.state,
          guardianContactOnHold: talk.guardianContactOnHold,
          includesGuardians,
          preInvestigationRunning: talk.preInvestigationRunning,
          policeClearedAt: talk.policeClearedAt,
        }) ?? checkHappenedAt(summonedAt, uow.now, talk.learnedAt);
      if (problem)
        refuse(
          problem,
          problem.code === 'WRONG_STATE' || problem.code === 'GUARDIAN_CONTACT_ON_HOLD' ? 'input.talkId' : 'input.summonedAt',
        );
      await talkRepository.update(uow.manager, talk.id, {
        state: TalkState.SUMMONED,
        summoned_at: summonedAt,
        summons_includes_guardians: includesGuardians,
      });
      await talkRepository.addParticipant(uow.manager, {
        talkId: talk.id,
        role: TalkParticipantRole.CHILD,
        userId: null,
        guardianId: null,
        agencyId: null,
        name: null,
        invitedAt: summonedAt,
        uniformed: null,
      });
      if (includesGuardians) {
        for (const g of await talkRepository.guardianIdsOfChild(uow.manager, talk.childId)) {
          await talkRepository.addParticipant(uow.manager, {
            talkId: talk.id,
            role: TalkParticipantRole.GUARDIAN,
            userId: null,
            guardianId: g.id,
            agencyId: null,
            name: null,
            invitedAt: summonedAt,
            uniformed: null,
          });
        }
      }
      await uow.clocks.meet(talkClockSubject(talk, TalkClockKind.TALK_SUMMONS), 'TALK_SUMMONS', summonedAt);
      const policy = await talkPolicy(uow, talk.districtId, talk.policyVersion);
      const hasHeldClock = !!(await uow.clocks.open(talkClockSubject(talk, TalkClockKind.TALK_HELD), 'TALK_HELD'));
      for (const c of clocksAtSummons(policy, summonedAt, hasHeldClock)) {
        await uow.clocks.start(talkClockSubject(talk, c.kind), 'TALK_HELD', { startsAt: c.startsAt, dueAt: c.dueAt });
      }
      return changed(uow, talk, ['state', 'summonedAt', 'participants']);
    });
  },

  async schedule(context: RequestContext, input: ScheduleTalkInput): Promise<TalkRow> {
    return writeHandled(context, input.talkId, async (uow, talk, scope) => {
      const problem = checkSchedule({
        state: talk.state,
        scheduledAt: input.scheduledAt,
        now: uow.now,
        preInvestigationRunning: talk.preInvestigationRunning,
        policeClearedAt: talk.policeClearedAt,
      });
      if (problem) refuse(problem, 'input.scheduledAt');
      const location = input.location.trim();
      const booked = talk.state === TalkState.SCHEDULED && talk.scheduledAt;
      const moved = booked && (talk.scheduledAt!.getTime() !== input.scheduledAt.getTime() || talk.location !== location);
      if (booked && !moved) return talk;
      const sequence = moved ? talk.calendarSequence + 1 : talk.calendarSequence;
      await talkRepository.update(uow.manager, talk.id, {
        state: TalkState.SCHEDULED,
        scheduled_at: input.scheduledAt,
        location,
        calendar_sequence: sequence,
      });
      const policy = await talkPolicy(uow, talk.districtId, talk.policyVersion);
      for (const officer of await invitedOfficers(uow, talk.id)) await startOfficerNotice(uow, talk, officer, input.scheduledAt);
      if (moved) {
        await tellInvitedOfMove(uow, talk, { scheduledAt: input.scheduledAt, location, sequence }, scope.userId, policy.timeZone);
      } else {
        await notifyInvited(
          uow,
          talk,
          'TALK_SCHEDULED',
          talkScheduledMessage(talk.reference, input.scheduledAt, location, policy.timeZone),
          `talk-scheduled:${talk.id}:${input.scheduledAt.toISOString()}`,
          [TalkParticipantRole.POLICE_OFFICER, TalkParticipantRole.COORDINATOR, TalkParticipantRole.SOCIAL_WORKER],
          talkCalendarEntry(talk, { scheduledAt: input.scheduledAt, location, sequence }, 'REQUEST', uow.now),
        );
      }
      return changed(uow, talk, ['state', 'scheduledAt', 'location']);
    });
  },

  async addParticipant(context: RequestContext, input: AddTalkParticipantInput): Promise<TalkRow> {
    return writeHandled(context, input.talkId, async (uow, talk, scope) => {
      if (!isOpen(talk.state)) {
        throw new BadInput(
          'input.talkId',
          'The talk is closed: participants can no longer be added.',
          'Samtalet är avslutat: deltagare kan inte längre läggas till.',
        );
      }
      const participant = await participantFor(uow, talk, input);
      const id = await talkRepository.addParticipant(uow.manager, { talkId: talk.id, invitedAt: uow.now, ...participant });
      if (!id && participant.role !== TalkParticipantRole.INTERPRETER)
        throw new Conflict('This participant is already invited to the talk.');
      if (id && participant.role === TalkParticipantRole.POLICE_OFFICER && talk.state === TalkState.SCHEDULED && talk.scheduledAt) {
        await startOfficerNotice(uow, talk, { id, userId: participant.userId! }, talk.scheduledAt);
      }
      if (participant.userId && participant.userId !== scope.userId) {
        const policy = await talkPolicy(uow, talk.districtId, talk.policyVersion);
        uow.notify({
          userId: participant.userId,
          kind: 'TALK_INVITATION',
          message: talkInvitationMessage(talk.reference, talk.scheduledAt, talk.location, policy.timeZone),
          subjectType: 'TALK',
          subjectId: talk.id,
          dedupeKey: `talk-invitation:${talk.id}:${participant.userId}`,
          email: true,
          ...(talk.state === TalkState.SCHEDULED && talk.scheduledAt
            ? {
                calendar: talkCalendarEntry(
                  talk,
                  { scheduledAt: talk.scheduledAt, location: talk.location, sequence: talk.calendarSequence },
                  'REQUEST',
                  uow.now,
                ),
              }
            : {}),
        });
      }
      return changed(uow, talk, ['participants']);
    });
  },

  async recordAttendance(context: RequestContext, input: RecordTalkAttendanceInput): Promise<TalkRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const participant = await talkRepository.participant(uow.manager, input.participantId);
      if (!participant) throw new NotFound('The participant');
      const talk = await lockHandled(uow, scope, participant.talkId);
      requireUniformOnlyForPolice(participant.role, input.uniformed);
      await talkRepository.recordAttendance(uow.manager, participant.id, input.attended, input.uniformed ?? null);
      return changed(uow, talk, ['participants.attended']);
    });
  },

  async recordDisclosure(context: RequestContext, input: RecordDisclosureInput): Promise<TalkRow> {
    return writeReadable(context, input.talkId, async (uow, talk, scope) => {
      const handles = decide(scope, TALK_HANDLERS, talkFacts(talk)).allowed;
      // The invited record their own agency's disclosure; social services record any.
      if (!handles && input.agencyId !== scope.agencyId) {
        throw new BadInput(
          'input.agencyId',
          "You can record your own agency's disclosure only.",
          'Du kan bara registrera din egen myndighets information.',
        );
      }
      if (!isOpen(talk.state)) {
        throw new BadInput(
          'input.talkId',
          'The disclosure is recorded before the talk starts.',
          'Informationen registreras innan samtalet börjar.',
        );
      }
      const participants = await talkRepository.participantsOf(uow.manager, [talk.id]);
      if (!participatingAgencies(talk.holderAgencyId, participants).includes(input.agencyId)) {
        throw new BadInput(
          'input.agencyId',
          'That agency takes no part in the talk: invite its participant first.',
          'Myndigheten deltar inte i samtalet: bjud in dess deltagare först.',
        );
      }
      if (!(await talkRepository.staffOfAgency(uow.manager, input.explainedByUserId, input.agencyId))) {
        throw new BadInput(
          'input.explainedByUserId',
          'Choose the person from that agency who explained it.',
          'Välj den person från myndigheten som informerade.',
        );
      }
      const created = await talkRepository.recordDisclosure(uow.manager, {
        talkId: talk.id,
        agencyId: input.agencyId,
        explainedByUserId: input.explainedByUserId,
        recordedByUserId: scope.userId,
        at: uow.now,
      });
      if (created)
        uow.audit(
          talkAudit(
            talk,
            AuditAction.UPDATE,
            ['disclosures'],
            handles ? LegalBasis.SAME_AGENCY : LegalBasis.SOCIAL_SERVICES_TO_POLICE_UNDER_21,
          ),
        );
      return reload(uow, talk.id);
    });
  },

  async recordPoliceClearance(context: RequestContext, input: RecordPoliceClearanceInput): Promise<ClearanceRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const talk = await talkRepository.lockForUpdate(uow.manager, input.talkId);
      if (!talk) throw new NotFound('The talk');
      const invited = decide(scope, TALK_READERS, talkFacts(talk)).allowed;
      const reportedHere = talk.reportId
        ? (await reportRepository.findVisibleByIds(uow.manager, scope, [talk.reportId]))[0]?.reporterAgencyId === scope.agencyId
        : false;
      if (!invited && !reportedHere) throw new NotFound('The talk');
      const created = await talkRepository.recordClearance(uow.manager, {
        talkId: talk.id,
        kind: input.kind,
        userId: scope.userId,
        agencyId: scope.agencyId,
        at: uow.now,
        note: input.note?.trim() || null,
      });
      if (input.kind === TalkClearanceKind.GUARDIAN_CONTACT)
        await talkRepository.update(uow.manager, talk.id, { guardian_contact_on_hold: false });
      if (created)
        uow.audit(
          talkAudit(
            talk,
            AuditAction.UPDATE,
            [input.kind === TalkClearanceKind.GUARDIAN_CONTACT ? 'guardianContactOnHold' : 'policeClearedAt'],
            LegalBasis.SOCIAL_SERVICES_TO_POLICE_UNDER_21,
          ),
        );
      return (await talkRepository.clearancesOf(uow.manager, [talk.id], input.kind))[0];
    });
  },

  async hold(context: RequestContext, input: HoldTalkInput): Promise<TalkRow> {
    return writeHandled(context, input.talkId, async (uow, talk) => {
      const participants = await talkRepository.participantsOf(uow.manager, [talk.id]);
      const disclosures = await talkRepository.disclosuresOf(uow.manager, [talk.id]);
      const heldClock = await uow.clocks.open(talkClockSubject(talk, TalkClockKind.TALK_HELD), 'TALK_HELD');
      const heldAt = input.heldAt ?? uow.now;
      const check = {
        state: talk.state,
        participatingAgencyIds: participatingAgencies(talk.holderAgencyId, participants),
        disclosedAgencyIds: disclosures.map((d) => d.agencyId),
        heldAt,
        heldDueAt: heldClock?.dueAt ?? null,
        delayReason: input.delayReason ?? null,
        delayReasonText: input.delayReasonText ?? null,
        scheduledAt: talk.scheduledAt,
        heldAtGiven: !!input.heldAt,
      };
      const timing = checkHappenedAt(heldAt, uow.now, talk.learnedAt);
      if (timing) refuse(timing, 'input.heldAt');
      const problem = checkHold(check);
      if (problem?.code === 'DISCLOSURE_MISSING')
        refuse(problem, 'input.talkId', await talkRepository.agencyNames(uow.manager, problem.agencyIds));
      if (problem) refuse(problem, problem.code === 'BEFORE_BOOKED_TIME' ? 'input.heldAt' : 'input.talkId');
      const late = isLate(heldAt, check.heldDueAt);
      await talkRepository.update(uow.manager, talk.id, {
        state: TalkState.HELD,
        held_at: heldAt,
        held_late: late,
        delay_reason: late ? input.delayReason : null,
        delay_reason_text: late ? input.delayReasonText?.trim() || null : null,
      });
      await uow.clocks.meet(talkClockSubject(talk, TalkClockKind.TALK_HELD), 'TALK_HELD', heldAt);
      return changed(uow, talk, ['state', 'heldAt', 'heldLate', 'delayReason']);
    });
  },

  async recordChildVoice(context: RequestContext, input: RecordChildVoiceInput): Promise<TalkRow> {
    return writeHandled(context, input.talkId, async (uow, talk) => {
      await talkRepository.update(uow.manager, talk.id, { child_voice: input.childVoice.trim() });
      return changed(uow, talk, ['childVoice']);
    });
  },

  async recordOutcome(context: RequestContext, input: RecordTalkOutcomeInput): Promise<TalkRow> {
    return writeHandled(context, input.talkId, async (uow, talk, scope) => {
      if (talk.state !== TalkState.HELD)
        throw new BadInput('input.talkId', 'Record the outcome once the talk is held.', 'Registrera utfallet när samtalet är hållet.');
      const outcomes = [...new Set(input.outcomes)];
      if (!outcomes.length) throw new BadInput('input.outcomes', 'Choose at least one outcome.', 'Välj minst ett utfall.');
      if (talk.outcomeRecordedAt) throw new Conflict('The outcome of this talk is already recorded.');
      await talkRepository.update(uow.manager, talk.id, {
        outcomes,
        outcome_note: input.note?.trim() || null,
        outcome_recorded_at: uow.now,
      });
      // One intake, whichever programme the outcome names: the case's model follows the child's age.
      const referredTo = outcomes.includes(TalkOutcome.REFERRED_TO_SSPF)
        ? 'SSPF'
        : outcomes.includes(TalkOutcome.REFERRED_TO_SSFF)
          ? 'SSFF'
          : null;
      if (referredTo) {
        await requestCollaborationIntake(uow, {
          talkId: talk.id,
          talkReference: talk.reference,
          childId: talk.childId,
          districtId: talk.districtId,
          programme: referredTo,
          actorUserId: scope.userId,
        });
      }
      return changed(uow, talk, ['outcomes', 'outcomeNote']);
    });
  },

  async close(context: RequestContext, input: CloseTalkInput, action: 'decline' | 'cancel'): Promise<TalkRow> {
    return writeHandled(context, input.talkId, async (uow, talk, scope) => {
      const problem = checkClose(talk.state, action, input.reason);
      if (problem) refuse(problem, 'input.reason');
      const booked = talk.state === TalkState.SCHEDULED && talk.scheduledAt;
      await talkRepository.update(uow.manager, talk.id, {
        state: action === 'decline' ? TalkState.DECLINED : TalkState.CANCELLED,
        closed_reason: input.reason.trim(),
        closed_at: uow.now,
        ...(booked ? { calendar_sequence: talk.calendarSequence + 1 } : {}),
      });
      if (booked) {
        const policy = await talkPolicy(uow, talk.districtId, talk.policyVersion);
        await tellInvitedOfCancellation(uow, talk, talk.calendarSequence + 1, scope.userId, policy.timeZone);
      }
      await uow.clocks.cancel(talkClockSubject(talk, TalkClockKind.TALK_SUMMONS), 'TALK_SUMMONS');
      await uow.clocks.cancel(talkClockSubject(talk, TalkClockKind.TALK_HELD), 'TALK_HELD');
      for (const officer of await invitedOfficers(uow, talk.id))
        await uow.clocks.cancel(officerNoticeSubject(talk, officer), 'TALK_OFFICER_NOTICE');
      return changed(uow, talk, ['state', 'closedReason']);
    });
  },
};

interface Officer {
  readonly id: string;
  readonly userId: string;
}

async function invitedOfficers(uow: UnitOfWork, talkId: string): Promise<Officer[]> {
  return (await talkRepository.participantsOf(uow.manager, [talkId]))
    .filter((p) => p.role === TalkParticipantRole.POLICE_OFFICER && p.userId)
    .map((p) => ({ id: p.id, userId: p.userId! }));
}

/** Each invited officer's notice is a clock of its own (subject: the participation), due at the talk's time. */
function officerNoticeSubject(talk: TalkRow, officer: Officer) {
  return { ...talkClockSubject(talk, TalkClockKind.TALK_HELD), id: officer.id, responsibleUserId: officer.userId };
}

async function startOfficerNotice(uow: UnitOfWork, talk: TalkRow, officer: Officer, scheduledAt: Date): Promise<void> {
  const subject = officerNoticeSubject(talk, officer);
  await uow.clocks.cancel(subject, 'TALK_OFFICER_NOTICE');
  await uow.clocks.start(subject, 'TALK_OFFICER_NOTICE', { dueAt: scheduledAt });
}

function requireUniformOnlyForPolice(role: TalkParticipantRole, uniformed: boolean | null | undefined): void {
  if (uniformed !== undefined && uniformed !== null && role !== TalkParticipantRole.POLICE_OFFICER) {
    throw new BadInput('input.uniformed', 'Uniform is recorded for police officers only.', 'Uniform anges bara för poliser.');
  }
}

async function participantFor(uow: UnitOfWork, talk: TalkRow, input: AddTalkParticipantInput) {
  const none = { userId: null, guardianId: null, agencyId: null, name: null, uniformed: null };
  const role = input.role;
  requireUniformOnlyForPolice(role, input.uniformed);
  switch (role) {
    case TalkParticipantRole.CHILD:
      return { ...none, role };
    case TalkParticipantRole.GUARDIAN:
      if (!input.guardianId || !(await talkRepository.guardianOfChild(uow.manager, input.guardianId, talk.childId))) {
        throw new BadInput('input.guardianId', "Choose one of the child's guardians.", 'Välj en av barnets vårdnadshavare.');
      }
      if (talk.youngAdult)
        throw new BadInput('input.role', 'A young adult takes part without guardians.', 'En ung vuxen deltar utan vårdnadshavare.');
      return { ...none, role, guardianId: input.guardianId };
    case TalkParticipantRole.INTERPRETER:
      if (!input.name?.trim()) throw new BadInput('input.name', "Give the interpreter's name.", 'Ange tolkens namn.');
      return { ...none, role, name: input.name.trim() };
    default: {
      const rule = inviteeRule(role);
      const [staff] = input.userId && rule ? await talkRepository.invitees(uow.manager, talk.districtId, rule, input.userId) : [];
      if (!staff) {
        throw new BadInput(
          'input.userId',
          `Choose one of the ${role.toLowerCase().replace('_', ' ')}s offered for the talk's district.`,
          'Välj någon av dem som erbjuds för samtalets område.',
        );
      }
      return {
        ...none,
        role,
        userId: staff.id,
        agencyId: staff.agencyId,
        uniformed: role === TalkParticipantRole.POLICE_OFFICER ? (input.uniformed ?? null) : null,
      };
    }
  }
}

function localToday(now: Date, timeZone: string): string {
  return formatCalendarDate(calendarDateAt(now, timeZone));
}

export { localToday };
