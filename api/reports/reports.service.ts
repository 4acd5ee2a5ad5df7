import { isUniqueViolation } from '../../db/errors';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { ReportRow, reportClockSubject, reportRepository } from '../../db/reports/report.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { LegalBasis } from '../../domain/access/legal-basis';
import { REPORT_HANDLERS } from '../../domain/access/grants/reports.grants';
import { decide } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { AuditAction, WriteAudit } from '../../domain/audit/audit-event';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { BadInput, Conflict, NotFound } from '../../domain/errors';
import { feedbackFor } from '../../domain/feedback/feedback-rules';
import { feedbackAvailableMessage } from '../../domain/notifications/notification-content';
import {
  checkPreliminaryDecision, checkSubmittedAt, MAX_BACKDATED_DAYS, PreliminaryDecision, ReportChannel, ReporterKind,
} from '../../domain/reports/report-rules';
import {
  AssignReportInput, ExtendInvestigationInput, FlagConcernInput, PreliminaryAssessmentInput, ProtectionAssessmentInput,
  RegisterConcernInput, ReportConcernInput,
} from '../../schema/reports/report.inputs';
import { RequestContext, requireScope } from '../context';
import { write } from '../write';
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
}

const REPORT_DEADLINES = [DeadlineKind.PROTECTION_ASSESSMENT, DeadlineKind.PRELIMINARY_ASSESSMENT] as const;

/** Loads and locks a report the viewer may handle; anything else is NOT_FOUND. */
async function lockHandledReport(uow: UnitOfWork, scope: ViewerScope, reportId: string): Promise<ReportRow> {
  const report = await reportRepository.lockForUpdate(uow.manager, reportId);
  if (!report || !decide(scope, REPORT_HANDLERS, report).allowed) throw new NotFound('The report');
  return report;
}

function reportAudit(report: Pick<ReportRow, 'id' | 'childId' | 'districtId'>, action: WriteAudit['action'], fields: string[], legalBasis = LegalBasis.SAME_AGENCY): WriteAudit {
  return { action, entityType: 'Report', entityId: report.id, childId: report.childId, districtId: report.districtId, fields, legalBasis };
}

/** Gives the feedback (one status and the date) and tells the reporter it is there. */
async function giveFeedback(uow: UnitOfWork, report: ReportRow, decision: PreliminaryDecision, unasked: boolean) {
  await reportRepository.update(uow.manager, report.id, { feedbackValue: feedbackFor(decision), feedbackGivenAt: uow.now, feedbackUnasked: unasked });
  await uow.clocks.meet(reportClockSubject(report), DeadlineKind.FEEDBACK);
  if (report.reporterAgencyId) {
    uow.notify({
      userId: report.registeredByUserId, kind: 'FEEDBACK_GIVEN', message: feedbackAvailableMessage(report.reference),
      subjectType: DeadlineSubject.REPORT, subjectId: report.id, dedupeKey: `feedback:${report.id}`, email: true,
    });
  }
}

async function submitConcern(context: RequestContext, input: ConcernInput, source: ConcernSource): Promise<ReportRow> {
  const scope = requireScope(context);
  const now = context.deps.clock.now();
  if (!input.category) throw new BadInput('input.category', 'Choose a category for the concern.', 'Välj en kategori för oron.');
  const submittedAt = input.submittedAt ?? now;
  const timing = checkSubmittedAt(submittedAt, now, MAX_BACKDATED_DAYS);
  if (timing === 'FUTURE') throw new BadInput('input.submittedAt', 'The submission time cannot be in the future.', 'Tidpunkten kan inte ligga i framtiden.');
  if (timing === 'TOO_OLD') throw new BadInput('input.submittedAt', `The submission time cannot be more than ${MAX_BACKDATED_DAYS} days ago.`, `Tidpunkten kan inte vara mer än ${MAX_BACKDATED_DAYS} dagar sedan.`);

  const submit = () => write(context, async (uow) => {
    const { manager } = uow;
    const { id } = await uow.once(input.idempotencyKey, source.operation, async () => {
      const child = await resolveReportedChild(manager, scope, input.child, input.districtId, now);
      if (!source.reporterAgencyId && !scope.districtIds.has(child.districtId)) {
        // Social services register for their own districts; another district's child goes to that district's office.
        throw new BadInput('input.child', 'The child belongs to another district: forward the concern to that district\'s social services.',
          'Barnet hör till ett annat område: skicka orosanmälan vidare till socialtjänsten där.');
      }
      const policyVersion = await organisationRepository.currentPolicyVersion(manager, child.districtId);
      const reference = await reportRepository.nextReference(manager, now.getUTCFullYear());
      const police = source.police;
      const reportId = await reportRepository.insert(manager, {
        reference, reporterKind: source.reporterKind, channel: source.channel, reporterAgencyId: source.reporterAgencyId,
        registeredByUserId: scope.userId, reporterContact: source.reporterContact, policeReference: police?.policeReference.trim() ?? null,
        childId: child.childId, childAsReported: child.asReported, districtId: child.districtId, policyVersion, category: input.category!,
        description: input.description.trim(), suspectedOffence: police?.suspectedOffence?.trim() || null,
        offenceCanLeadToPrison: police?.offenceCanLeadToPrison ?? null, firstKnownSuspicion: police?.firstKnownSuspicion ?? null,
        preInvestigationRunning: police?.preInvestigationRunning ?? null, guardianContactOnHold: police?.guardianContactOnHold ?? false,
        feedbackRequested: input.feedbackRequested, submittedAt,
      });
      const report = { id: reportId, reference, districtId: child.districtId, responsibleUserId: null, policyVersion, childId: child.childId };
      const subject = reportClockSubject(report);
      for (const kind of REPORT_DEADLINES) await uow.clocks.start(subject, kind, { startsAt: submittedAt });
      if (input.feedbackRequested) await uow.clocks.start(subject, DeadlineKind.FEEDBACK, { startsAt: submittedAt });
      const audits: WriteAudit[] = [reportAudit(report, AuditAction.CREATE, ['child', 'category', 'description', 'feedbackRequested'],
        source.reporterAgencyId ? LegalBasis.REPORTING_DUTY : LegalBasis.SAME_AGENCY)];
      if (child.created) {
        audits.push({ action: AuditAction.CREATE, entityType: 'Child', entityId: child.childId, childId: child.childId, districtId: child.districtId,
          fields: ['personalIdentityNumber', 'givenName', 'familyName'], legalBasis: source.reporterAgencyId ? LegalBasis.REPORTING_DUTY : LegalBasis.SAME_AGENCY });
      }
      uow.audit(...audits);
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
      operation: 'flagConcern', reporterKind, channel: ReportChannel.DIGITAL, reporterAgencyId: scope.agencyId, reporterContact: null, police: null,
    });
  },

  reportConcern(context: RequestContext, input: ReportConcernInput) {
    const scope = requireScope(context);
    return submitConcern(context, input, {
      operation: 'reportConcern', reporterKind: ReporterKind.POLICE, channel: ReportChannel.DIGITAL, reporterAgencyId: scope.agencyId,
      reporterContact: null, police: input,
    });
  },

  registerConcern(context: RequestContext, input: RegisterConcernInput) {
    if (input.channel === ReportChannel.DIGITAL) {
      throw new BadInput('input.channel', 'Register phone calls and letters here; digital reports come in by themselves.', 'Registrera samtal och brev här; digitala anmälningar kommer in av sig själva.');
    }
    return submitConcern(context, input, {
      operation: 'registerConcern', reporterKind: input.reporterKind, channel: input.channel, reporterAgencyId: null,
      reporterContact: input.reporterContact.trim(), police: null,
    });
  },

  async assign(context: RequestContext, input: AssignReportInput): Promise<ReportRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const report = await lockHandledReport(uow, scope, input.reportId);
      if (!await organisationRepository.caseworkerInDistrict(uow.manager, input.userId, report.districtId)) {
        throw new BadInput('input.userId', 'Choose a social worker who works in the child\'s district.', 'Välj en socialsekreterare i barnets område.');
      }
      await reportRepository.update(uow.manager, report.id, { responsibleUserId: input.userId });
      await uow.clocks.assign(reportClockSubject(report), input.userId);
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['responsible']));
      return { ...report, responsibleUserId: input.userId };
    });
  },

  async recordProtectionAssessment(context: RequestContext, input: ProtectionAssessmentInput): Promise<ReportRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const report = await lockHandledReport(uow, scope, input.reportId);
      if (report.protectionAssessedAt) throw new Conflict('The protection assessment is already recorded for this report.');
      const note = input.note.trim();
      await reportRepository.update(uow.manager, report.id, { protectionAssessedAt: uow.now, acuteDanger: input.acuteDanger, protectionNote: note });
      await uow.clocks.meet(reportClockSubject(report), DeadlineKind.PROTECTION_ASSESSMENT);
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['protectionAssessedAt', 'acuteDanger', 'protectionNote']));
      return { ...report, protectionAssessedAt: uow.now, acuteDanger: input.acuteDanger, protectionNote: note };
    });
  },

  async recordPreliminaryAssessment(context: RequestContext, input: PreliminaryAssessmentInput): Promise<ReportRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const { now } = uow;
      const report = await lockHandledReport(uow, scope, input.reportId);
      const problem = checkPreliminaryDecision({
        protectionAssessedAt: report.protectionAssessedAt, preliminaryDecidedAt: report.preliminaryDecidedAt,
        preliminaryDueAt: report.preliminaryDueAt ?? now, now, lateReason: input.lateReason,
      });
      if (problem === 'ALREADY_DECIDED') throw new Conflict('The preliminary assessment is already decided for this report.');
      if (problem === 'NO_PROTECTION_ASSESSMENT') {
        throw new BadInput('input.decision', 'Record the protection assessment before the preliminary decision.', 'Registrera skyddsbedömningen före beslutet i förhandsbedömningen.');
      }
      if (problem === 'LATE_WITHOUT_REASON') {
        throw new BadInput('input.lateReason', 'The deadline has passed: record the exceptional reason for the delay. Workload is not a reason.', 'Tidsfristen har gått ut: ange det synnerliga skälet till förseningen. Arbetsbelastning är inget skäl.');
      }
      const lateReason = input.lateReason?.trim() || null;
      const subject = reportClockSubject(report);
      await reportRepository.update(uow.manager, report.id, { preliminaryDecision: input.decision, preliminaryDecidedAt: now, lateReason });
      await uow.clocks.meet(subject, DeadlineKind.PRELIMINARY_ASSESSMENT);
      if (input.decision === PreliminaryDecision.OPEN_INVESTIGATION) await uow.clocks.start(subject, DeadlineKind.INVESTIGATION);
      const decided: ReportRow = { ...report, preliminaryDecision: input.decision, preliminaryDecidedAt: now, lateReason };
      if (report.feedbackRequested) await giveFeedback(uow, decided, input.decision, false);
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['preliminaryDecision', 'lateReason']));
      return (await reportRepository.findVisibleByIds(uow.manager, scope, [report.id]))[0];
    });
  },

  async extendInvestigation(context: RequestContext, input: ExtendInvestigationInput): Promise<ReportRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const report = await lockHandledReport(uow, scope, input.reportId);
      const subject = reportClockSubject(report);
      const current = await uow.clocks.open(subject, DeadlineKind.INVESTIGATION);
      if (!current) throw new BadInput('input.reportId', 'This report has no running investigation to extend.', 'Anmälan har ingen pågående utredning att förlänga.');
      if (input.newDueAt.getTime() <= Math.max(uow.now.getTime(), current.dueAt.getTime())) {
        throw new BadInput('input.newDueAt', 'The new date must be later than the current deadline.', 'Det nya datumet måste vara senare än nuvarande tidsfrist.');
      }
      const reason = input.reason.trim();
      await uow.clocks.cancel(subject, DeadlineKind.INVESTIGATION);
      await uow.clocks.start(subject, DeadlineKind.INVESTIGATION, { dueAt: input.newDueAt });
      await reportRepository.update(uow.manager, report.id, { investigationExtensionReason: reason });
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['investigationExtensionReason', 'deadlines']));
      return { ...report, investigationExtensionReason: reason };
    });
  },

  /** Feedback sent unasked (or again asked for after the decision); still only the one status. */
  async sendFeedback(context: RequestContext, reportId: string): Promise<ReportRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const report = await lockHandledReport(uow, scope, reportId);
      if (report.feedbackGivenAt) throw new Conflict('Feedback has already been given on this report.');
      if (!report.preliminaryDecision) {
        throw new BadInput('reportId', 'Feedback can be sent once the preliminary assessment is decided.', 'Återkoppling kan lämnas när förhandsbedömningen är beslutad.');
      }
      if (!report.reporterAgencyId) {
        throw new BadInput('reportId', 'A private reporter gets feedback by letter or phone, not here.', 'En privatperson får återkoppling per brev eller telefon, inte här.');
      }
      await giveFeedback(uow, report, report.preliminaryDecision, !report.feedbackRequested);
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['feedback'], LegalBasis.REPORTING_DUTY));
      return (await reportRepository.findVisibleByIds(uow.manager, scope, [report.id]))[0];
    });
  },
};
