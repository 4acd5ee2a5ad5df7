import { EntityManager } from 'typeorm';
import { deadlineRepository, PendingStep } from '../../db/deadlines/deadline.repository';
import { writeNotifications } from '../../db/notifications/notification.repository';
import { isUniqueViolation } from '../../db/errors';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { ReportRow, reportRepository } from '../../db/reports/report.repository';
import { LegalBasis } from '../../domain/access/legal-basis';
import { POLICE_REPORT_UPDATERS, REPORT_HANDLERS } from '../../domain/access/policies/reports.policy';
import { decide } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { AuditAction } from '../../domain/audit/audit-event';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { addLocalMonths } from '../../domain/deadlines/local-time';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { BadInput, Conflict, NotFound } from '../../domain/errors';
import { feedbackFor } from '../../domain/feedback/feedback-rules';
import { feedbackAvailableMessage, Message, policeInformationChangedMessage } from '../../domain/notifications/notification-content';
import {
  checkObservedAt, checkPreliminaryDecision, checkReceivedAt, closingProblem, extensionProblem, MAX_OBSERVED_AGE_DAYS, PreliminaryDecision,
  needsPoliceCaseNumber, ReportChannel, ReporterKind, reasonProblem,
} from '../../domain/reports/report-rules';
import {
  AssignReportInput, CloseInvestigationInput, ExtendInvestigationInput, UpdatePoliceInformationInput, FlagConcernInput, PreliminaryAssessmentInput, ProtectionAssessmentInput,
  RegisterConcernInput, ReportConcernInput,
} from '../../schema/reports/report.inputs';
import { auditWrite, WriteAudit } from '../audit/audit-write';
import { RequestContext, requireScope } from '../context';
import { once, requestFingerprint } from '../idempotency/idempotency';
import { resolveReportedChild } from './report-child';

type ConcernInput = FlagConcernInput | ReportConcernInput | RegisterConcernInput;

interface ConcernSource {
  readonly operation: 'flagConcern' | 'reportConcern' | 'registerConcern';
  readonly reporterKind: ReporterKind;
  readonly channel: ReportChannel;
  /** Null when social services register on behalf of a private person. */
  readonly reporterAgencyId: string | null;
  readonly reporterContact: string | null;
  readonly police: ReportConcernInput | null;
  /** Only social services registering a call or letter state this; digital reports are received now. */
  readonly receivedAt: Date | null;
}

/** Work to do once the transaction has committed; the reconciler covers a crash in between. */
interface AfterCommit {
  steps: PendingStep[];
  outboxIds: string[];
  /** District policies already read in this transaction, by `${districtId}:${version}`. */
  policies: Map<string, DistrictPolicy>;
}

const REPORT_DEADLINES = [DeadlineKind.PROTECTION_ASSESSMENT, DeadlineKind.PRELIMINARY_ASSESSMENT] as const;

async function inTransaction<T>(context: RequestContext, work: (manager: EntityManager, after: AfterCommit) => Promise<T>): Promise<T> {
  const after: AfterCommit = { steps: [], outboxIds: [], policies: new Map() };
  const result = await context.deps.dataSource.transaction((manager) => work(manager, after));
  try {
    await context.deps.jobs.enqueueDeadlineSteps(after.steps);
    await context.deps.jobs.enqueueOutbox(after.outboxIds);
  } catch (error) {
    context.deps.logger.warn({ err: error, requestId: context.requestId }, 'enqueue after commit failed; the reconciler will schedule it');
  }
  return result;
}

/** A report's clocks all use the policy version it was received under; read it once per transaction. */
async function policyOf(manager: EntityManager, after: AfterCommit, districtId: string, version: number): Promise<DistrictPolicy> {
  const key = `${districtId}:${version}`;
  let policy = after.policies.get(key);
  if (!policy) {
    [{ settings: policy }] = await organisationRepository.policiesByKeys(manager, [{ districtId, version }]);
    after.policies.set(key, policy);
  }
  return policy;
}

/** Loads and locks a report the viewer may handle; anything else is NOT_FOUND. */
async function lockHandledReport(manager: EntityManager, scope: ViewerScope, reportId: string): Promise<ReportRow> {
  const report = await reportRepository.lockForUpdate(manager, reportId);
  if (!report || !decide(scope, REPORT_HANDLERS, report).allowed) throw new NotFound('The report');
  return report;
}

function reportAudit(report: Pick<ReportRow, 'id' | 'childId' | 'districtId'>, action: WriteAudit['action'], fields: string[], legalBasis = LegalBasis.SAME_AGENCY): WriteAudit {
  return { action, entityType: 'Report', entityId: report.id, childId: report.childId, districtId: report.districtId, fields, legalBasis };
}

async function createDeadline(
  manager: EntityManager, after: AfterCommit, report: Pick<ReportRow, 'id' | 'districtId' | 'responsibleUserId' | 'policyVersion'>,
  kind: DeadlineKind, startsAt: Date, now: Date, dueAt?: Date,
) {
  const created = await deadlineRepository.create(manager, {
    kind, subjectType: DeadlineSubject.REPORT, subjectId: report.id, districtId: report.districtId,
    responsibleUserId: report.responsibleUserId, policy: await policyOf(manager, after, report.districtId, report.policyVersion),
    policyVersion: report.policyVersion, startsAt, dueAt, now,
  });
  after.steps.push(...created.steps);
  return created;
}

/** Tells whoever handles the report: the responsible worker, or the district's supervisors while nobody is. */
async function notifyHandlers(
  manager: EntityManager, after: AfterCommit, report: Pick<ReportRow, 'id' | 'districtId' | 'responsibleUserId'>, kind: string, message: Message, dedupeKey: string,
) {
  const userIds = report.responsibleUserId ? [report.responsibleUserId] : await organisationRepository.supervisorsOf(manager, report.districtId);
  after.outboxIds.push(...await writeNotifications(manager, userIds.map((userId) => ({
    userId, kind, message, subjectType: 'REPORT', subjectId: report.id, dedupeKey: `${dedupeKey}:${userId}`, email: true,
  }))));
}

/** Gives the feedback (one status and the date) and tells the reporter it is there. */
async function giveFeedback(manager: EntityManager, after: AfterCommit, report: ReportRow, decision: PreliminaryDecision, now: Date, unasked: boolean) {
  await manager.query(
    `UPDATE report SET feedback_value = $2, feedback_given_at = $3, feedback_unasked = $4 WHERE id = $1`,
    [report.id, feedbackFor(decision), now, unasked],
  );
  await deadlineRepository.meet(manager, DeadlineSubject.REPORT, report.id, DeadlineKind.FEEDBACK, now);
  if (report.reporterAgencyId) {
    after.outboxIds.push(...await writeNotifications(manager, [{
      userId: report.registeredByUserId, kind: 'FEEDBACK_GIVEN', message: feedbackAvailableMessage(report.reference),
      subjectType: 'REPORT', subjectId: report.id, dedupeKey: `feedback:${report.id}`, email: true,
    }]));
  }
}

async function submitConcern(context: RequestContext, input: ConcernInput, source: ConcernSource): Promise<ReportRow> {
  const scope = requireScope(context);
  const now = context.deps.clock.now();
  if (!input.category) throw new BadInput('input.category', 'Choose a category for the concern.', 'Välj en kategori för oron.');
  for (const [field, value] of [['input.observedAt', input.observedAt], ['input.submittedAt', input.submittedAt]] as const) {
    const timing = value ? checkObservedAt(value, now, MAX_OBSERVED_AGE_DAYS) : null;
    if (timing === 'FUTURE') throw new BadInput(field, 'The time you observed the concern cannot be in the future.', 'Tidpunkten för det du såg kan inte ligga i framtiden.');
    if (timing === 'TOO_OLD') {
      throw new BadInput(field, `The time you observed the concern cannot be more than ${MAX_OBSERVED_AGE_DAYS} days ago.`,
        `Tidpunkten för det du såg kan inte vara mer än ${MAX_OBSERVED_AGE_DAYS} dagar sedan.`);
    }
  }
  const observedAt = input.observedAt ?? input.submittedAt ?? null;

  const submit = () => inTransaction(context, async (manager, after) => {
    const { id } = await once(manager, scope.userId, input.idempotencyKey, source.operation, requestFingerprint(input), async () => {
      const child = await resolveReportedChild(manager, scope, input.child, input.districtId, now);
      if (!source.reporterAgencyId && !scope.districtIds.has(child.districtId)) {
        // Social services register for their own districts; another district's child goes to that district's office.
        throw new BadInput('input.child', 'The child belongs to another district: forward the concern to that district\'s social services.',
          'Barnet hör till ett annat område: skicka orosanmälan vidare till socialtjänsten där.');
      }
      const [{ policy_version: policyVersion }] = await manager.query(`SELECT policy_version FROM district WHERE id = $1`, [child.districtId]);
      const policy = await policyOf(manager, after, child.districtId, policyVersion);
      const receivedAt = source.receivedAt ?? now;
      const receipt = checkReceivedAt(receivedAt, now, policy.receiptBackdateDays);
      if (receipt === 'FUTURE') throw new BadInput('input.receivedAt', 'The time the report arrived cannot be in the future.', 'Tidpunkten då anmälan kom in kan inte ligga i framtiden.');
      if (receipt === 'BEFORE_WINDOW') {
        throw new BadInput('input.receivedAt', `The district lets you set the receipt time back at most ${policy.receiptBackdateDays} days.`,
          `Området tillåter att mottagandet anges högst ${policy.receiptBackdateDays} dagar bakåt.`);
      }
      const reference = await reportRepository.nextReference(manager, now.getUTCFullYear());
      const police = source.police;
      const [{ id: reportId }] = await manager.query(
        `INSERT INTO report (reference, reporter_kind, channel, reporter_agency_id, registered_by_user_id, reporter_contact, police_reference,
           child_id, child_as_reported, district_id, policy_version, category, description, suspected_offence, offence_can_lead_to_prison,
           first_known_suspicion, pre_investigation_running, guardian_contact_on_hold, feedback_requested, received_at, observed_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21) RETURNING id`,
        [reference, source.reporterKind, source.channel, source.reporterAgencyId, scope.userId, source.reporterContact,
          police?.policeReference?.trim() || null, child.childId, child.asReported, child.districtId, policyVersion, input.category,
          input.description.trim(), police?.suspectedOffence?.trim() || null, police?.offenceCanLeadToPrison ?? null,
          police?.firstKnownSuspicion ?? null, police?.preInvestigationRunning ?? null, police?.guardianContactOnHold ?? false,
          input.feedbackRequested, receivedAt, observedAt],
      );
      const report = { id: reportId, districtId: child.districtId, responsibleUserId: null, policyVersion, childId: child.childId };
      for (const kind of REPORT_DEADLINES) await createDeadline(manager, after, report, kind, receivedAt, now);
      if (input.feedbackRequested) await createDeadline(manager, after, report, DeadlineKind.FEEDBACK, receivedAt, now);
      const audits: WriteAudit[] = [reportAudit(report, AuditAction.CREATE, ['child', 'category', 'description', 'feedbackRequested', 'receivedAt'],
        source.reporterAgencyId ? LegalBasis.REPORTING_DUTY : LegalBasis.SAME_AGENCY)];
      // A receipt time set back is its own audited decision: it moves every clock.
      if (receivedAt.getTime() < now.getTime()) audits.push(reportAudit(report, AuditAction.UPDATE, ['receivedAt']));
      if (child.created) {
        audits.push({ action: AuditAction.CREATE, entityType: 'Child', entityId: child.childId, childId: child.childId, districtId: child.districtId,
          fields: ['personalIdentityNumber', 'givenName', 'familyName'], legalBasis: source.reporterAgencyId ? LegalBasis.REPORTING_DUTY : LegalBasis.SAME_AGENCY });
      }
      await auditWrite(context, manager, ...audits);
      return reportId;
    });
    return (await reportRepository.findVisibleByIds(manager, scope, [id]))[0];
  });

  try {
    return await submit();
  } catch (error) {
    // Two first reports of the same new child at once: the loser retries and finds the child.
    if (isUniqueViolation(error)) return submit();
    throw error;
  }
}

export const reportsService = {
  flagConcern(context: RequestContext, input: FlagConcernInput) {
    const scope = requireScope(context);
    const reporterKind = scope.roles.has('SCHOOL_STAFF' as never) ? ReporterKind.SCHOOL : ReporterKind.LEISURE;
    return submitConcern(context, input, {
      operation: 'flagConcern', reporterKind, channel: ReportChannel.DIGITAL, reporterAgencyId: scope.agencyId, reporterContact: null, police: null, receivedAt: null,
    });
  },

  reportConcern(context: RequestContext, input: ReportConcernInput) {
    const scope = requireScope(context);
    if (input.category && needsPoliceCaseNumber(input.category, input.suspectedOffence) && !input.policeReference?.trim()) {
      throw new BadInput('input.policeReference', 'A concern that rests on a crime suspicion needs the police case number.',
        'En anmälan som bygger på misstanke om brott behöver polisens diarienummer (K-nummer).');
    }
    return submitConcern(context, input, {
      operation: 'reportConcern', reporterKind: ReporterKind.POLICE, channel: ReportChannel.DIGITAL, reporterAgencyId: scope.agencyId,
      reporterContact: null, police: input, receivedAt: null,
    });
  },

  registerConcern(context: RequestContext, input: RegisterConcernInput) {
    if (input.channel === ReportChannel.DIGITAL) {
      throw new BadInput('input.channel', 'Register phone calls and letters here; digital reports come in by themselves.', 'Registrera samtal och brev här; digitala anmälningar kommer in av sig själva.');
    }
    return submitConcern(context, input, {
      operation: 'registerConcern', reporterKind: input.reporterKind, channel: input.channel, reporterAgencyId: null,
      reporterContact: input.reporterContact.trim(), police: null, receivedAt: input.receivedAt ?? null,
    });
  },

  async assign(context: RequestContext, input: AssignReportInput): Promise<ReportRow> {
    const scope = requireScope(context);
    return inTransaction(context, async (manager) => {
      const report = await lockHandledReport(manager, scope, input.reportId);
      const [assignee] = await manager.query(
        `SELECT u.id FROM app_user u JOIN agency a ON a.id = u.agency_id
          WHERE u.id = $1 AND u.disabled_at IS NULL AND a.kind = 'SOCIAL_SERVICES' AND $2::uuid = ANY(a.district_ids)
            AND u.roles && ARRAY['SOCIAL_WORKER', 'SOCIAL_SERVICES_SUPERVISOR']`,
        [input.userId, report.districtId],
      );
      if (!assignee) throw new BadInput('input.userId', 'Choose a social worker who works in the child\'s district.', 'Välj en socialsekreterare i barnets område.');
      await manager.query(`UPDATE report SET responsible_user_id = $2 WHERE id = $1`, [report.id, input.userId]);
      await deadlineRepository.assign(manager, DeadlineSubject.REPORT, report.id, input.userId);
      await auditWrite(context, manager, reportAudit(report, AuditAction.UPDATE, ['responsible']));
      return { ...report, responsibleUserId: input.userId };
    });
  },

  async recordProtectionAssessment(context: RequestContext, input: ProtectionAssessmentInput): Promise<ReportRow> {
    const scope = requireScope(context);
    const now = context.deps.clock.now();
    return inTransaction(context, async (manager) => {
      const report = await lockHandledReport(manager, scope, input.reportId);
      if (report.protectionAssessedAt) throw new Conflict('The protection assessment is already recorded for this report.');
      await manager.query(
        `UPDATE report SET protection_assessed_at = $2, acute_danger = $3, protection_note = $4 WHERE id = $1`,
        [report.id, now, input.acuteDanger, input.note.trim()],
      );
      await deadlineRepository.meet(manager, DeadlineSubject.REPORT, report.id, DeadlineKind.PROTECTION_ASSESSMENT, now);
      await auditWrite(context, manager, reportAudit(report, AuditAction.UPDATE, ['protectionAssessedAt', 'acuteDanger', 'protectionNote']));
      return { ...report, protectionAssessedAt: now, acuteDanger: input.acuteDanger, protectionNote: input.note.trim() };
    });
  },

  async recordPreliminaryAssessment(context: RequestContext, input: PreliminaryAssessmentInput): Promise<ReportRow> {
    const scope = requireScope(context);
    const now = context.deps.clock.now();
    return inTransaction(context, async (manager, after) => {
      const report = await lockHandledReport(manager, scope, input.reportId);
      const externalReference = input.ongoingInvestigationReference?.trim() || null;
      const ongoing = input.decision === PreliminaryDecision.ALREADY_ONGOING
        && (!!externalReference || !!await reportRepository.openInvestigationOf(manager, report.childId, report.id));
      const problem = checkPreliminaryDecision({
        protectionAssessedAt: report.protectionAssessedAt, preliminaryDecidedAt: report.preliminaryDecidedAt,
        preliminaryDueAt: report.preliminaryDueAt ?? now, now, lateReason: { reason: input.lateReason, text: input.lateReasonText },
        decision: input.decision, ongoingInvestigation: ongoing,
      });
      if (problem === 'ALREADY_DECIDED') throw new Conflict('The preliminary assessment is already decided for this report.');
      if (problem === 'NO_PROTECTION_ASSESSMENT') {
        throw new BadInput('input.decision', 'Record the protection assessment before the preliminary decision.', 'Registrera skyddsbedömningen före beslutet i förhandsbedömningen.');
      }
      if (problem === 'LATE_WITHOUT_REASON') {
        throw new BadInput('input.lateReason', 'The deadline has passed: choose the exceptional reason for the delay. Workload is not a reason.', 'Tidsfristen har gått ut: välj det synnerliga skälet till förseningen. Arbetsbelastning är inget skäl.');
      }
      if (problem === 'OTHER_REASON_WITHOUT_TEXT') {
        throw new BadInput('input.lateReasonText', 'Describe the other exceptional reason.', 'Beskriv det andra synnerliga skälet.');
      }
      if (problem === 'NO_ONGOING_INVESTIGATION') {
        throw new BadInput('input.ongoingInvestigationReference',
          'No investigation of the child is open in Samverka: give the case number of the ongoing investigation in your record system, or choose another decision.',
          'Ingen utredning om barnet är öppen i Samverka: ange diarienumret för den pågående utredningen i verksamhetssystemet, eller välj ett annat beslut.');
      }
      const lateReason = report.preliminaryDueAt && now > report.preliminaryDueAt ? input.lateReason ?? null : null;
      const lateReasonText = lateReason ? input.lateReasonText?.trim() || null : null;
      const ongoingReference = input.decision === PreliminaryDecision.ALREADY_ONGOING ? externalReference : null;
      await manager.query(
        `UPDATE report SET preliminary_decision = $2, preliminary_decided_at = $3, late_reason = $4, late_reason_text = $5,
                ongoing_investigation_reference = $6 WHERE id = $1`,
        [report.id, input.decision, now, lateReason, lateReasonText, ongoingReference],
      );
      await deadlineRepository.meet(manager, DeadlineSubject.REPORT, report.id, DeadlineKind.PRELIMINARY_ASSESSMENT, now);
      if (input.decision === PreliminaryDecision.OPEN_INVESTIGATION) {
        await createDeadline(manager, after, report, DeadlineKind.INVESTIGATION, now, now);
      }
      const decided: ReportRow = { ...report, preliminaryDecision: input.decision, preliminaryDecidedAt: now, lateReason, lateReasonText };
      if (report.feedbackRequested) await giveFeedback(manager, after, decided, input.decision, now, false);
      await auditWrite(context, manager, reportAudit(report, AuditAction.UPDATE, ['preliminaryDecision', 'lateReason', 'ongoingInvestigationReference']));
      return (await reportRepository.findVisibleByIds(manager, scope, [report.id]))[0];
    });
  },

  /** SoL 11:2: a supervisor extends for an exceptional reason, by at most the district's setting; each extension is kept. */
  async extendInvestigation(context: RequestContext, input: ExtendInvestigationInput): Promise<ReportRow> {
    const scope = requireScope(context);
    const now = context.deps.clock.now();
    return inTransaction(context, async (manager, after) => {
      const report = await lockHandledReport(manager, scope, input.reportId);
      const [current] = await manager.query(
        `SELECT due_at FROM deadline WHERE subject_type = 'REPORT' AND subject_id = $1 AND kind = $2 AND met_at IS NULL AND cancelled_at IS NULL`,
        [report.id, DeadlineKind.INVESTIGATION],
      );
      if (!current) throw new BadInput('input.reportId', 'This report has no running investigation to extend.', 'Anmälan har ingen pågående utredning att förlänga.');
      const reason = reasonProblem({ reason: input.reason, text: input.reasonText });
      if (reason) throw new BadInput('input.reasonText', 'Describe the other exceptional reason.', 'Beskriv det andra synnerliga skälet.');
      const policy = await policyOf(manager, after, report.districtId, report.policyVersion);
      const latestDueAt = addLocalMonths(current.due_at, policy.investigationExtensionMonths, policy.timeZone);
      const problem = extensionProblem({ currentDueAt: current.due_at, newDueAt: input.newDueAt, latestDueAt, now });
      if (problem === 'NOT_LATER') {
        throw new BadInput('input.newDueAt', 'The new date must be later than the current deadline.', 'Det nya datumet måste vara senare än nuvarande tidsfrist.');
      }
      if (problem === 'TOO_LONG') {
        throw new BadInput('input.newDueAt', `One extension may move the deadline at most ${policy.investigationExtensionMonths} months (the district's setting).`,
          `En förlängning får flytta tidsfristen högst ${policy.investigationExtensionMonths} månader (områdets inställning).`);
      }
      const reasonText = input.reasonText?.trim() || null;
      await deadlineRepository.cancel(manager, DeadlineSubject.REPORT, report.id, DeadlineKind.INVESTIGATION, now);
      await createDeadline(manager, after, report, DeadlineKind.INVESTIGATION, now, now, input.newDueAt);
      await manager.query(
        `INSERT INTO investigation_extension (report_id, reason, reason_text, previous_due_at, new_due_at, decided_by_user_id, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [report.id, input.reason, reasonText, current.due_at, input.newDueAt, scope.userId, now],
      );
      await manager.query(`UPDATE report SET investigation_extension_reason = $2 WHERE id = $1`, [report.id, reasonText ?? input.reason]);
      await auditWrite(context, manager, reportAudit(report, AuditAction.UPDATE, ['investigationExtensions', 'deadlines']));
      return { ...report, investigationExtensionReason: reasonText ?? input.reason };
    });
  },

  /** Closes the investigation with its outcome; the 4-month clock is met at the closing date. */
  async closeInvestigation(context: RequestContext, input: CloseInvestigationInput): Promise<ReportRow> {
    const scope = requireScope(context);
    const now = context.deps.clock.now();
    return inTransaction(context, async (manager) => {
      const report = await lockHandledReport(manager, scope, input.reportId);
      if (report.preliminaryDecision !== PreliminaryDecision.OPEN_INVESTIGATION) {
        throw new BadInput('input.reportId', 'No investigation was opened on this report.', 'Ingen utredning inleddes på den här anmälan.');
      }
      if (report.investigationClosedAt) throw new Conflict('The investigation is already closed.', 'Utredningen är redan avslutad.');
      const problem = closingProblem(input.closedAt, report.preliminaryDecidedAt!, now);
      if (problem === 'FUTURE') throw new BadInput('input.closedAt', 'The closing date cannot be in the future.', 'Avslutsdatumet kan inte ligga i framtiden.');
      if (problem === 'BEFORE_OPENING') {
        throw new BadInput('input.closedAt', 'The closing date cannot be before the investigation was opened.', 'Avslutsdatumet kan inte ligga före beslutet att inleda utredningen.');
      }
      await manager.query(`UPDATE report SET investigation_closed_at = $2, investigation_outcome = $3 WHERE id = $1`,
        [report.id, input.closedAt, input.outcome]);
      await deadlineRepository.meet(manager, DeadlineSubject.REPORT, report.id, DeadlineKind.INVESTIGATION, input.closedAt);
      await auditWrite(context, manager, reportAudit(report, AuditAction.UPDATE, ['investigationClosedAt', 'investigationOutcome']));
      return { ...report, investigationClosedAt: input.closedAt, investigationOutcome: input.outcome };
    });
  },

  /** The filing police area lifts the LUL 5 § hold or ends the pre-investigation; social services are told. */
  async updatePoliceInformation(context: RequestContext, input: UpdatePoliceInformationInput): Promise<ReportRow> {
    const scope = requireScope(context);
    const now = context.deps.clock.now();
    return inTransaction(context, async (manager, after) => {
      const report = await reportRepository.lockForUpdate(manager, input.reportId);
      if (!report || report.reporterKind !== ReporterKind.POLICE || !decide(scope, POLICE_REPORT_UPDATERS, report).allowed) {
        throw new NotFound('The report');
      }
      const holdLifted = !!input.liftGuardianContactHold && report.guardianContactOnHold;
      const preInvestigationEnded = !!input.endPreInvestigation && report.preInvestigationRunning === true;
      if (!holdLifted && !preInvestigationEnded) {
        throw new BadInput('input', 'Nothing to change: the hold is not in place and no pre-investigation is running, or you chose neither.',
          'Inget att ändra: ingen spärr och ingen pågående förundersökning, eller så valdes ingen ändring.');
      }
      await manager.query(
        `UPDATE report SET guardian_contact_on_hold = guardian_contact_on_hold AND NOT $2, pre_investigation_running = CASE WHEN $3 THEN false ELSE pre_investigation_running END
          WHERE id = $1`,
        [report.id, holdLifted, preInvestigationEnded],
      );
      await notifyHandlers(manager, after, report, 'POLICE_INFORMATION_CHANGED', policeInformationChangedMessage(report.reference, { holdLifted, preInvestigationEnded }),
        `police-info:${report.id}:${now.toISOString()}`);
      const fields = [...(holdLifted ? ['guardianContactOnHold'] : []), ...(preInvestigationEnded ? ['preInvestigationRunning'] : [])];
      await auditWrite(context, manager, reportAudit(report, AuditAction.UPDATE, fields, LegalBasis.REPORTING_DUTY));
      return (await reportRepository.findVisibleByIds(manager, scope, [report.id]))[0];
    });
  },

  /** Feedback sent unasked (or again asked for after the decision); still only the one status. */
  async sendFeedback(context: RequestContext, reportId: string): Promise<ReportRow> {
    const scope = requireScope(context);
    const now = context.deps.clock.now();
    return inTransaction(context, async (manager, after) => {
      const report = await lockHandledReport(manager, scope, reportId);
      if (report.feedbackGivenAt) throw new Conflict('Feedback has already been given on this report.');
      if (!report.preliminaryDecision) {
        throw new BadInput('reportId', 'Feedback can be sent once the preliminary assessment is decided.', 'Återkoppling kan lämnas när förhandsbedömningen är beslutad.');
      }
      if (!report.reporterAgencyId) {
        throw new BadInput('reportId', 'A private reporter gets feedback by letter or phone, not here.', 'En privatperson får återkoppling per brev eller telefon, inte här.');
      }
      await giveFeedback(manager, after, report, report.preliminaryDecision, now, !report.feedbackRequested);
      await auditWrite(context, manager, reportAudit(report, AuditAction.UPDATE, ['feedback'], LegalBasis.REPORTING_DUTY));
      return (await reportRepository.findVisibleByIds(manager, scope, [report.id]))[0];
    });
  },
};
