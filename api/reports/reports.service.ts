import { recordAudit } from '../../domain/audit';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../db/errors';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { IntakeSearchTerm, ReportRow, reportClockSubject, reportRepository, SentReport } from '../../db/reports/report.repository';
import { parsePersonalIdentityNumber } from '../../domain/children/personal-identity-number';
import { calendarDateAt } from '../../domain/time/calendar-date';
import { UnitOfWork } from '../../db/unit-of-work';
import { requestFingerprint } from '../../db/idempotency/idempotency.repository';
import { LegalBasis } from '../../domain/access/legal-basis';
import { POLICE_REPORT_UPDATERS, REPORT_HANDLERS } from '../../domain/reports/reports.grants';
import { decide } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { AuditAction, WriteAudit } from '../../domain/audit/audit-event';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { BadInput, Conflict, Forbidden, NotFound } from '../../domain/errors';
import { AgencyKind } from '../../domain/access/roles';
import { feedbackFor } from '../../domain/feedback/feedback-rules';
import { addLocalMonths } from '../../domain/time/local-time';
import {
  acuteDangerUnassignedMessage,
  feedbackAvailableMessage,
  Message,
  policeInformationChangedMessage,
  reportAssignedMessage,
} from '../../domain/notifications/notification-content';
import {
  checkObservedAt,
  checkPreliminaryDecision,
  checkReceivedAt,
  closingProblem,
  extensionProblem,
  MAX_OBSERVED_AGE_DAYS,
  needsPoliceCaseNumber,
  PreliminaryDecision,
  reasonProblem,
  REGISTERED_CHANNELS,
  ReportChannel,
  ReporterKind,
} from '../../domain/reports/report-rules';
import {
  AssignReportInput,
  CloseInvestigationInput,
  ExtendInvestigationInput,
  UpdatePoliceInformationInput,
  FlagConcernInput,
  PreliminaryAssessmentInput,
  ProtectionAssessmentInput,
  RegisterConcernInput,
  ReportConcernInput,
  SubmitReportInput,
} from '../../schema/reports/report.inputs';
import { RequestContext, requireScope } from '../context';
import { write, writeLocked } from '../write';
import { auditIdentityLookup, checkReportedAge } from '../children';
import { resolveReportedChild } from './report-child';
import { markArrivalIntoOpenCase, recordReportedIdentity } from './report-identity';
import { assessReportForTalk } from '../talks';

const INTAKE_SEARCH_LIMIT = 50;

/** A police case number as officers write it: K-12345/26, K12345-26, 5000-K12345-26. */
const POLICE_REFERENCE = /^(\d{4}-)?K[-\s]?\d|^K-/i;

/**
 * A reference starts with OA-; a police case number with K; digits alone are a personal identity number; anything else
 * is a name. Nothing to search for is null (the "mine" filter alone).
 */
function intakeSearchTerm(search: string | null | undefined, now: Date): IntakeSearchTerm | null {
  const text = search?.trim() ?? '';
  if (!text) return null;
  if (/^OA-/i.test(text)) return { kind: 'reference', value: text };
  if (POLICE_REFERENCE.test(text)) return { kind: 'policeReference', value: text };
  if (/^[0-9][0-9\s+-]*$/.test(text)) {
    const parsed = parsePersonalIdentityNumber(text, calendarDateAt(now));
    if (!parsed.ok) {
      throw new BadInput(
        'search',
        'Write the whole personal identity number (ÅÅMMDD-NNNN or ÅÅÅÅMMDDNNNN).',
        'Skriv hela personnumret (ÅÅMMDD-NNNN eller ÅÅÅÅMMDDNNNN).',
      );
    }
    return { kind: 'personalIdentityNumber', value: parsed.value.normalized };
  }
  if (text.length < 2) throw new BadInput('search', 'Write at least two letters of the name.', 'Skriv minst två bokstäver av namnet.');
  return { kind: 'name', value: text };
}

type ConcernInput = FlagConcernInput | ReportConcernInput | RegisterConcernInput;

/** A hash per field a sending system sent, so its retry under the same reference can be told which field differs. */
function senderFieldHashes(input: SubmitReportInput): Record<string, string> {
  const fields: Record<string, unknown> = {
    child: input.child,
    category: input.category,
    description: input.description.trim(),
    feedbackRequested: input.feedbackRequested,
    districtId: input.districtId,
    observedAt: input.observedAt,
    police: input.police,
  };
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, requestFingerprint({ value: value ?? null })]));
}

function replayOf(sent: SentReport, fields: Record<string, string>): SubmittedReport {
  const changed = Object.keys(fields).find((field) => sent.senderFields[field] !== fields[field]);
  if (changed) {
    const error = new Conflict(
      `A report with this senderReference was already received with another ${changed}. Nothing was saved: send changes to social services another way, or a new report under a new reference.`,
      `En anmälan med den här referensen (senderReference) har redan tagits emot med ett annat värde i ${changed}. Inget sparades: meddela ändringar till socialtjänsten på annat sätt, eller skicka en ny anmälan med en ny referens.`,
    );
    error.details.field = `input.${changed}`;
    throw error;
  }
  return { reference: sent.reference, receivedAt: sent.receivedAt, replayed: true, registeredByUserId: sent.registeredByUserId };
}

/** The receipt a sending system gets back. */
export interface SubmittedReport {
  reference: string;
  receivedAt: Date;
  replayed: boolean;
  registeredByUserId: string;
}

/** The agencies whose case systems send reports, as the reporter they are. */
const CLIENT_REPORTER_KINDS: Partial<Record<AgencyKind, ReporterKind>> = {
  [AgencyKind.POLICE]: ReporterKind.POLICE,
  [AgencyKind.SCHOOL]: ReporterKind.SCHOOL,
  [AgencyKind.LEISURE]: ReporterKind.LEISURE,
};

interface ConcernSource {
  readonly operation: 'flagConcern' | 'reportConcern' | 'registerConcern' | 'submitReport';
  readonly reporterKind: ReporterKind;
  readonly channel: ReportChannel;
  /** Null when social services register on behalf of a private person. */
  readonly reporterAgencyId: string | null;
  readonly reporterContact: string | null;
  readonly reporterName: string | null;
  readonly police: ReportConcernInput | null;
  /** Only social services registering a call or letter state this; digital reports are received now. */
  readonly receivedAt: Date | null;
  /** A report from another agency's case system: its own reference and a hash per field it sent. */
  readonly sender?: { readonly reference: string; readonly fields: Record<string, string> };
}

const REPORT_DEADLINES = ['PROTECTION_ASSESSMENT', 'PRELIMINARY_ASSESSMENT'] as const;

/** Loads and locks a report the viewer may handle; anything else is NOT_FOUND. */
export async function lockHandledReport(uow: UnitOfWork, scope: ViewerScope, reportId: string): Promise<ReportRow> {
  const report = await reportRepository.lockForUpdate(uow.manager, reportId);
  if (!report || !decide(scope, REPORT_HANDLERS, report).allowed) throw new NotFound('The report');
  return report;
}

/** A write to a report the viewer may handle, the report locked. */
export const writeHandledReport = <T>(
  context: RequestContext,
  reportId: string,
  work: (uow: UnitOfWork, report: ReportRow, scope: ViewerScope) => Promise<T>,
) => writeLocked(context, (uow, scope) => lockHandledReport(uow, scope, reportId), work);

function reportAudit(
  report: Pick<ReportRow, 'id' | 'childId' | 'districtId'>,
  action: WriteAudit['action'],
  fields: string[],
  legalBasis?: LegalBasis,
): WriteAudit {
  return recordAudit('Report', report, action, fields, legalBasis);
}

/** Tells whoever handles the report: the responsible worker, or the district's supervisors while nobody is. */
async function notifyHandlers(
  uow: UnitOfWork,
  report: Pick<ReportRow, 'id' | 'districtId' | 'responsibleUserId'>,
  kind: string,
  message: Message,
  dedupeKey: string,
) {
  const userIds = report.responsibleUserId
    ? [report.responsibleUserId]
    : await organisationRepository.supervisorsOf(uow.manager, report.districtId);
  uow.notify(
    ...userIds.map((userId) => ({
      userId,
      kind,
      message,
      subjectType: 'REPORT',
      subjectId: report.id,
      dedupeKey: `${dedupeKey}:${userId}`,
      email: true,
    })),
  );
}

/** Gives the feedback (one status and the date) and tells the reporter it is there. */
async function giveFeedback(uow: UnitOfWork, report: ReportRow, decision: PreliminaryDecision, unasked: boolean) {
  await reportRepository.update(uow.manager, report.id, {
    feedbackValue: feedbackFor(decision),
    feedbackGivenAt: uow.now,
    feedbackUnasked: unasked,
  });
  await uow.clocks.meet(reportClockSubject(report), 'FEEDBACK');
  if (report.reporterAgencyId) {
    uow.notify({
      userId: report.registeredByUserId,
      kind: 'FEEDBACK_GIVEN',
      message: feedbackAvailableMessage(report.reference),
      subjectType: 'REPORT',
      subjectId: report.id,
      dedupeKey: `feedback:${report.id}`,
      email: true,
    });
  }
}

/** Old SoL 14:1 b: feedback is owed only to reporters under the duty to report. */
async function requireDutyToReport(manager: EntityManager, agencyId: string) {
  const [agency] = await organisationRepository.agenciesByIds(manager, [agencyId]);
  if (agency?.dutyToReport) return;
  throw new BadInput(
    'input.feedbackRequested',
    'Your organisation has no duty to report, so it has no right to feedback: send the report without asking for feedback.',
    'Din verksamhet har ingen anmälningsplikt och därför ingen rätt till återkoppling: skicka anmälan utan att begära återkoppling.',
  );
}

/** What a police report says about the suspicion, for the talk intake. */
function policeFacts(police: ReportConcernInput) {
  return {
    firstKnownSuspicion: police.firstKnownSuspicion,
    suspectedOffence: police.suspectedOffence?.trim() || null,
    offenceCanLeadToPrison: police.offenceCanLeadToPrison ?? null,
    preInvestigationRunning: police.preInvestigationRunning,
    guardianContactOnHold: police.guardianContactOnHold,
  };
}

async function submitConcern(context: RequestContext, input: ConcernInput, source: ConcernSource): Promise<ReportRow> {
  const scope = requireScope(context);
  const id = await createConcern(context, input, source);
  return (await reportRepository.findVisibleByIds(context.db.manager, scope, [id]))[0];
}

async function createConcern(context: RequestContext, input: ConcernInput, source: ConcernSource): Promise<string> {
  const scope = requireScope(context);
  const now = context.deps.clock.now();
  if (!input.category) throw new BadInput('input.category', 'Choose a category for the concern.', 'Välj en kategori för oron.');
  for (const [field, value] of [
    ['input.observedAt', input.observedAt],
    ['input.submittedAt', input.submittedAt],
  ] as const) {
    const timing = value ? checkObservedAt(value, now, MAX_OBSERVED_AGE_DAYS) : null;
    if (timing === 'FUTURE')
      throw new BadInput(
        field,
        'The time you observed the concern cannot be in the future.',
        'Tidpunkten för det du såg kan inte ligga i framtiden.',
      );
    if (timing === 'TOO_OLD') {
      throw new BadInput(
        field,
        `The time you observed the concern cannot be more than ${MAX_OBSERVED_AGE_DAYS} days ago.`,
        `Tidpunkten för det du såg kan inte vara mer än ${MAX_OBSERVED_AGE_DAYS} dagar sedan.`,
      );
    }
  }
  const observedAt = input.observedAt ?? input.submittedAt ?? null;

  const submit = () =>
    write(context, async (uow) => {
      const { manager } = uow;
      const { id } = await uow.once(input.idempotencyKey, source.operation, requestFingerprint(input), async () => {
        const child = await resolveReportedChild(manager, scope, input.child, input.districtId, now);
        if (!source.reporterAgencyId && !scope.districtIds.has(child.districtId)) {
          // Social services register for their own districts. The lookup is audited where the record is; the answer does not say where.
          context.audit.lookupDenied(
            'Child',
            child.childId,
            { childId: child.childId, districtId: child.districtId },
            'personalIdentityNumber',
          );
          throw new BadInput(
            'input.child',
            "You cannot register a concern for this child in your districts: forward it to the social services of the child's home district.",
            'Du kan inte registrera oro för det här barnet i dina områden: skicka orosanmälan vidare till socialtjänsten i barnets hemområde.',
          );
        }
        await uow.reachDistrict(child.districtId);
        if (input.feedbackRequested && source.reporterAgencyId) await requireDutyToReport(manager, source.reporterAgencyId);
        const policyVersion = await organisationRepository.currentPolicyVersion(manager, child.districtId);
        const policy = await uow.policy(child.districtId, policyVersion);
        const receivedAt = source.receivedAt ?? now;
        const receipt = checkReceivedAt(receivedAt, now, policy.receiptBackdateDays, observedAt);
        if (receipt === 'FUTURE')
          throw new BadInput(
            'input.receivedAt',
            'The time the report arrived cannot be in the future.',
            'Tidpunkten då anmälan kom in kan inte ligga i framtiden.',
          );
        if (receipt === 'BEFORE_REPORT') {
          throw new BadInput(
            'input.receivedAt',
            'The report cannot have arrived before the time it tells of (observedAt): check both times.',
            'Anmälan kan inte ha kommit in före tidpunkten den berättar om (iakttagelsen): kontrollera båda tiderna.',
          );
        }
        if (receipt === 'BEFORE_WINDOW') {
          throw new BadInput(
            'input.receivedAt',
            `The district lets you set the receipt time back at most ${policy.receiptBackdateDays} days.`,
            `Området tillåter att mottagandet anges högst ${policy.receiptBackdateDays} dagar bakåt.`,
          );
        }
        checkReportedAge(
          child.birthDate,
          receivedAt,
          policy,
          input.child.personalIdentityNumber ? 'input.child.personalIdentityNumber' : 'input.child.birthDate',
        );
        const police = source.police;
        const { id: reportId, reference } = await reportRepository.insert(
          manager,
          {
            reporterKind: source.reporterKind,
            channel: source.channel,
            reporterAgencyId: source.reporterAgencyId,
            registeredByUserId: scope.userId,
            reporterContact: source.reporterContact,
            reporterName: source.reporterName,
            policeReference: police?.policeReference?.trim() || null,
            childId: child.childId,
            childAsReported: child.asReported,
            districtId: child.districtId,
            policyVersion,
            category: input.category!,
            description: input.description.trim(),
            suspectedOffence: police?.suspectedOffence?.trim() || null,
            offenceCanLeadToPrison: police?.offenceCanLeadToPrison ?? null,
            firstKnownSuspicion: police?.firstKnownSuspicion ?? null,
            preInvestigationRunning: police?.preInvestigationRunning ?? null,
            guardianContactOnHold: police?.guardianContactOnHold ?? false,
            feedbackRequested: input.feedbackRequested,
            receivedAt,
            observedAt,
            senderReference: source.sender?.reference ?? null,
            senderFields: source.sender?.fields ?? null,
          },
          now.getUTCFullYear(),
        );
        const report = {
          id: reportId,
          reference,
          districtId: child.districtId,
          responsibleUserId: null,
          policyVersion,
          childId: child.childId,
        };
        await recordReportedIdentity(uow, { ...report, reference }, child);
        await markArrivalIntoOpenCase(uow, { ...report, reference });
        const subject = reportClockSubject(report);
        const kinds: readonly DeadlineKind[] = input.feedbackRequested ? [...REPORT_DEADLINES, 'FEEDBACK'] : REPORT_DEADLINES;
        await uow.clocks.startMany(
          subject,
          kinds.map((kind) => ({ kind, startsAt: receivedAt })),
        );
        if (police) await assessReportForTalk(uow, { ...report, ...policeFacts(police), category: input.category!, receivedAt });
        const audits: WriteAudit[] = [
          reportAudit(
            report,
            AuditAction.CREATE,
            [
              'child',
              'category',
              'description',
              'feedbackRequested',
              'receivedAt',
              ...(source.reporterContact ? ['channel', 'reporterName', 'reporterContact'] : []),
            ],
            source.reporterAgencyId ? LegalBasis.REPORTING_DUTY : LegalBasis.SAME_AGENCY,
          ),
        ];
        // A receipt time set back is its own audited decision: it moves every clock.
        if (receivedAt.getTime() < now.getTime()) audits.push(reportAudit(report, AuditAction.UPDATE, ['receivedAt']));
        if (child.created) {
          audits.push({
            action: AuditAction.CREATE,
            entityType: 'Child',
            entityId: child.childId,
            childId: child.childId,
            districtId: child.districtId,
            fields: ['personalIdentityNumber', 'givenName', 'familyName'],
            legalBasis: source.reporterAgencyId ? LegalBasis.REPORTING_DUTY : LegalBasis.SAME_AGENCY,
          });
        }
        uow.audit(...audits);
        return reportId;
      });
      return id;
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
      operation: 'flagConcern',
      reporterKind,
      channel: ReportChannel.DIGITAL,
      reporterAgencyId: scope.agencyId,
      reporterContact: null,
      reporterName: null,
      police: null,
      receivedAt: null,
    });
  },

  reportConcern(context: RequestContext, input: ReportConcernInput) {
    const scope = requireScope(context);
    if (input.category && needsPoliceCaseNumber(input.category, input.suspectedOffence) && !input.policeReference?.trim()) {
      throw new BadInput(
        'input.policeReference',
        'A concern that rests on a crime suspicion needs the police case number.',
        'En anmälan som bygger på misstanke om brott behöver polisens diarienummer (K-nummer).',
      );
    }
    return submitConcern(context, input, {
      operation: 'reportConcern',
      reporterKind: ReporterKind.POLICE,
      channel: ReportChannel.DIGITAL,
      reporterAgencyId: scope.agencyId,
      reporterContact: null,
      reporterName: null,
      police: input,
      receivedAt: null,
    });
  },

  /**
   * Another agency's case system sends a report: only for the agency it is registered for, idempotent by its own reference
   * (a retry returns the first receipt; the same reference with other content is a CONFLICT naming the field), and
   * otherwise the same rules, identity checks and clocks as a report filed by hand.
   */
  async submitReport(context: RequestContext, input: SubmitReportInput): Promise<SubmittedReport> {
    const scope = requireScope(context);
    if (input.agencyId !== scope.agencyId) {
      const error = new Forbidden(
        'This client sends reports only for the agency it is registered for. Nothing was saved.',
        'input.agencyId',
      );
      error.details.messages = {
        en: error.message,
        sv: 'Den här klienten skickar anmälningar bara för den verksamhet den är registrerad för. Inget sparades.',
      };
      throw error;
    }
    const [agency] = await organisationRepository.agenciesByIds(context.db.manager, [scope.agencyId]);
    const reporterKind = agency && CLIENT_REPORTER_KINDS[agency.kind];
    if (!reporterKind)
      throw new Forbidden('Only police, school and leisure agencies send reports from their own systems.', 'input.agencyId');
    const police = input.police ?? null;
    if (reporterKind === ReporterKind.POLICE && !police) {
      throw new BadInput(
        'input.police',
        'A report from the police carries the police facts (first known suspicion, pre-investigation, hold on guardian contact).',
        'En anmälan från polisen har med polisens uppgifter (första kända misstanke, förundersökning, avvaktan med vårdnadshavarkontakt).',
      );
    }
    if (reporterKind !== ReporterKind.POLICE && police) {
      throw new BadInput(
        'input.police',
        'Only the police send police facts: leave police out.',
        'Bara polisen skickar polisens uppgifter: utelämna police.',
      );
    }
    if (police && input.category && needsPoliceCaseNumber(input.category, police.suspectedOffence) && !police.policeReference?.trim()) {
      throw new BadInput(
        'input.police.policeReference',
        'A concern that rests on a crime suspicion needs the police case number.',
        'En anmälan som bygger på misstanke om brott behöver polisens diarienummer (K-nummer).',
      );
    }
    const reference = input.senderReference.trim();
    if (!reference) throw new BadInput('input.senderReference', 'Give your own case reference.', 'Ange ert eget ärendenummer.');
    const fields = senderFieldHashes(input);
    const sent = () => reportRepository.findBySender(context.db.manager, scope.userId, reference);
    const earlier = await sent();
    if (earlier) return replayOf(earlier, fields);
    const concern = {
      child: input.child,
      category: input.category,
      description: input.description,
      feedbackRequested: input.feedbackRequested,
      districtId: input.districtId,
      observedAt: input.observedAt,
      idempotencyKey: `sender:${reference}`,
    };
    const policeInput = police ? ({ ...concern, ...police } as ReportConcernInput) : null;
    try {
      await createConcern(context, policeInput ?? (concern as FlagConcernInput), {
        operation: 'submitReport',
        reporterKind,
        channel: ReportChannel.SYSTEM,
        reporterAgencyId: scope.agencyId,
        reporterContact: null,
        reporterName: null,
        police: policeInput,
        receivedAt: null,
        sender: { reference, fields },
      });
    } catch (error) {
      // A concurrent retry won: answer as to any retry.
      const winner = (isUniqueViolation(error) || error instanceof Conflict) && (await sent());
      if (winner) return replayOf(winner, fields);
      throw error;
    }
    const created = await sent();
    return { ...replayOf(created!, fields), replayed: false };
  },

  registerConcern(context: RequestContext, input: RegisterConcernInput) {
    if (input.reporterKind === ReporterKind.PRIVATE_PERSON && input.feedbackRequested) {
      // Old SoL 14:1 b: the right to feedback follows the duty to report; a private person has neither.
      throw new BadInput(
        'input.feedbackRequested',
        'A private person has no right to feedback (it follows the duty to report): register the report without feedback requested.',
        'En privatperson har ingen rätt till återkoppling (den följer anmälningsplikten): registrera anmälan utan begärd återkoppling.',
      );
    }
    if (!REGISTERED_CHANNELS.has(input.channel)) {
      throw new BadInput(
        'input.channel',
        'Register calls, letters, e-mails and visits here; digital reports come in by themselves.',
        'Registrera samtal, brev, e-post och besök här; digitala anmälningar kommer in av sig själva.',
      );
    }
    return submitConcern(context, input, {
      operation: 'registerConcern',
      reporterKind: input.reporterKind,
      channel: input.channel,
      reporterAgencyId: null,
      reporterContact: input.reporterContact.trim(),
      reporterName: input.reporterName?.trim() || null,
      police: null,
      receivedAt: input.receivedAt ?? null,
    });
  },

  /**
   * The intake search. A personal identity number is a lookup of personal data: audited on the child it names
   * (denied when that child is outside the viewer's districts), and never logged.
   */
  async searchIntake(context: RequestContext, search: string | null, assignedToMe: boolean): Promise<ReportRow[]> {
    const scope = requireScope(context);
    const term = intakeSearchTerm(search, context.deps.clock.now());
    if (!term && !assignedToMe) {
      throw new BadInput(
        'search',
        'Write a reference, a police case number, a name or a personal identity number, or choose only your own reports.',
        'Skriv ett ärendenummer, ett K-nummer, ett namn eller ett personnummer, eller välj bara dina egna anmälningar.',
      );
    }
    // A police case number is criminal-offence data (GDPR art. 10): never matched for an agency that is not a public authority.
    if (term?.kind === 'policeReference' && !scope.isPublicAuthority) return [];
    const manager = context.db.manager;
    if (term?.kind === 'personalIdentityNumber') await auditIdentityLookup(context, term.value);
    return reportRepository.searchIntake(manager, scope, term, assignedToMe, INTAKE_SEARCH_LIMIT);
  },

  async assign(context: RequestContext, input: AssignReportInput): Promise<ReportRow> {
    return writeHandledReport(context, input.reportId, async (uow, report, scope) => {
      if (!(await organisationRepository.caseworkerInDistrict(uow.manager, input.userId, report.districtId))) {
        throw new BadInput(
          'input.userId',
          "Choose a social worker who works in the child's district.",
          'Välj en socialsekreterare i barnets område.',
        );
      }
      await reportRepository.update(uow.manager, report.id, { responsibleUserId: input.userId });
      await uow.clocks.assign(reportClockSubject(report), input.userId);
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['responsible']));
      if (input.userId !== scope.userId && input.userId !== report.responsibleUserId) {
        uow.notify({
          userId: input.userId,
          kind: 'REPORT_ASSIGNED',
          message: reportAssignedMessage(report.reference),
          subjectType: 'REPORT',
          subjectId: report.id,
          dedupeKey: `assigned:${report.id}:${input.userId}:${uow.now.toISOString()}`,
          email: false,
        });
      }
      return { ...report, responsibleUserId: input.userId };
    });
  },

  async recordProtectionAssessment(context: RequestContext, input: ProtectionAssessmentInput): Promise<ReportRow> {
    return writeHandledReport(context, input.reportId, async (uow, report) => {
      if (report.protectionAssessedAt) throw new Conflict('The protection assessment is already recorded for this report.');
      const note = input.note.trim();
      await reportRepository.update(uow.manager, report.id, {
        protectionAssessedAt: uow.now,
        acuteDanger: input.acuteDanger,
        protectionNote: note,
      });
      await uow.clocks.meet(reportClockSubject(report), 'PROTECTION_ASSESSMENT');
      // Acute danger with nobody responsible: the district's supervisors hear at once.
      if (input.acuteDanger && !report.responsibleUserId) {
        await notifyHandlers(
          uow,
          report,
          'ACUTE_DANGER_UNASSIGNED',
          acuteDangerUnassignedMessage(report.reference),
          `acute-danger:${report.id}`,
        );
      }
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['protectionAssessedAt', 'acuteDanger', 'protectionNote']));
      return { ...report, protectionAssessedAt: uow.now, acuteDanger: input.acuteDanger, protectionNote: note };
    });
  },

  async recordPreliminaryAssessment(context: RequestContext, input: PreliminaryAssessmentInput): Promise<ReportRow> {
    return writeHandledReport(context, input.reportId, async (uow, report, scope) => {
      const { now } = uow;
      const externalReference = input.ongoingInvestigationReference?.trim() || null;
      const ongoing =
        input.decision === PreliminaryDecision.ALREADY_ONGOING &&
        (!!externalReference || !!(await reportRepository.openInvestigationOf(uow.manager, report.childId, report.id)));
      const problem = checkPreliminaryDecision({
        protectionAssessedAt: report.protectionAssessedAt,
        preliminaryDecidedAt: report.preliminaryDecidedAt,
        preliminaryDueAt: report.preliminaryDueAt ?? now,
        now,
        lateReason: { reason: input.lateReason, text: input.lateReasonText },
        decision: input.decision,
        ongoingInvestigation: ongoing,
      });
      if (problem === 'ALREADY_DECIDED') throw new Conflict('The preliminary assessment is already decided for this report.');
      if (problem === 'NO_PROTECTION_ASSESSMENT') {
        throw new BadInput(
          'input.decision',
          'Record the protection assessment before the preliminary decision.',
          'Registrera skyddsbedömningen före beslutet i förhandsbedömningen.',
        );
      }
      if (problem === 'LATE_WITHOUT_REASON') {
        throw new BadInput(
          'input.lateReason',
          'The deadline has passed: choose the exceptional reason for the delay. Workload is not a reason.',
          'Tidsfristen har gått ut: välj det synnerliga skälet till förseningen. Arbetsbelastning är inget skäl.',
        );
      }
      if (problem === 'OTHER_REASON_WITHOUT_TEXT') {
        throw new BadInput('input.lateReasonText', 'Describe the other exceptional reason.', 'Beskriv det andra synnerliga skälet.');
      }
      if (problem === 'NO_ONGOING_INVESTIGATION') {
        throw new BadInput(
          'input.ongoingInvestigationReference',
          'No investigation of the child is open in Samverka: give the case number of the ongoing investigation in your record system, or choose another decision.',
          'Ingen utredning om barnet är öppen i Samverka: ange diarienumret för den pågående utredningen i verksamhetssystemet, eller välj ett annat beslut.',
        );
      }
      const lateReason = report.preliminaryDueAt && now > report.preliminaryDueAt ? (input.lateReason ?? null) : null;
      const lateReasonText = lateReason ? input.lateReasonText?.trim() || null : null;
      const ongoingInvestigationReference = input.decision === PreliminaryDecision.ALREADY_ONGOING ? externalReference : null;
      const subject = reportClockSubject(report);
      await reportRepository.update(uow.manager, report.id, {
        preliminaryDecision: input.decision,
        preliminaryDecidedAt: now,
        lateReason,
        lateReasonText,
        ongoingInvestigationReference,
      });
      await uow.clocks.meet(subject, 'PRELIMINARY_ASSESSMENT');
      if (input.decision === PreliminaryDecision.OPEN_INVESTIGATION) await uow.clocks.start(subject, 'INVESTIGATION');
      const decided: ReportRow = { ...report, preliminaryDecision: input.decision, preliminaryDecidedAt: now, lateReason, lateReasonText };
      if (report.feedbackRequested) await giveFeedback(uow, decided, input.decision, false);
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['preliminaryDecision', 'lateReason', 'ongoingInvestigationReference']));
      return (await reportRepository.findVisibleByIds(uow.manager, scope, [report.id]))[0];
    });
  },

  /** SoL 11:2: a supervisor extends for an exceptional reason, by at most the district's setting; each extension is kept. */
  async extendInvestigation(context: RequestContext, input: ExtendInvestigationInput): Promise<ReportRow> {
    return writeHandledReport(context, input.reportId, async (uow, report, scope) => {
      const subject = reportClockSubject(report);
      const current = await uow.clocks.open(subject, 'INVESTIGATION');
      if (!current)
        throw new BadInput(
          'input.reportId',
          'This report has no running investigation to extend.',
          'Anmälan har ingen pågående utredning att förlänga.',
        );
      if (reasonProblem({ reason: input.reason, text: input.reasonText })) {
        throw new BadInput('input.reasonText', 'Describe the other exceptional reason.', 'Beskriv det andra synnerliga skälet.');
      }
      const reasonText = input.reasonText?.trim() || null;
      // A retry of the extension just made (a double click, a lost answer) changes nothing and is not a second decision.
      const [last] = (await reportRepository.extensionsOf(uow.manager, [report.id])).slice(-1);
      if (
        last &&
        last.newDueAt.getTime() === current.dueAt.getTime() &&
        current.dueAt.getTime() === input.newDueAt.getTime() &&
        last.reason === input.reason &&
        last.reasonText === reasonText
      ) {
        return report;
      }
      const policy = await uow.policy(report.districtId, report.policyVersion);
      const latestDueAt = addLocalMonths(current.dueAt, policy.investigationExtensionMonths, policy.timeZone);
      const problem = extensionProblem({ currentDueAt: current.dueAt, newDueAt: input.newDueAt, latestDueAt, now: uow.now });
      if (problem === 'NOT_LATER') {
        throw new BadInput(
          'input.newDueAt',
          'The new date must be later than the current deadline.',
          'Det nya datumet måste vara senare än nuvarande tidsfrist.',
        );
      }
      if (problem === 'TOO_LONG') {
        throw new BadInput(
          'input.newDueAt',
          `One extension may move the deadline at most ${policy.investigationExtensionMonths} months (the district's setting).`,
          `En förlängning får flytta tidsfristen högst ${policy.investigationExtensionMonths} månader (områdets inställning).`,
        );
      }
      await uow.clocks.cancel(subject, 'INVESTIGATION');
      await uow.clocks.start(subject, 'INVESTIGATION', { dueAt: input.newDueAt });
      await reportRepository.addExtension(uow.manager, {
        reportId: report.id,
        reason: input.reason,
        reasonText,
        previousDueAt: current.dueAt,
        newDueAt: input.newDueAt,
        decidedByUserId: scope.userId,
        decidedAt: uow.now,
      });
      await reportRepository.update(uow.manager, report.id, { investigationExtensionReason: reasonText ?? input.reason });
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['investigationExtensions', 'deadlines']));
      return { ...report, investigationExtensionReason: reasonText ?? input.reason };
    });
  },

  /** Closes the investigation with its outcome; the 4-month clock is met at the closing date. */
  async closeInvestigation(context: RequestContext, input: CloseInvestigationInput): Promise<ReportRow> {
    return writeHandledReport(context, input.reportId, async (uow, report) => {
      if (report.preliminaryDecision !== PreliminaryDecision.OPEN_INVESTIGATION) {
        throw new BadInput('input.reportId', 'No investigation was opened on this report.', 'Ingen utredning inleddes på den här anmälan.');
      }
      if (report.investigationClosedAt) throw new Conflict('The investigation is already closed.', 'Utredningen är redan avslutad.');
      const problem = closingProblem(input.closedAt, report.preliminaryDecidedAt!, uow.now);
      if (problem === 'FUTURE')
        throw new BadInput('input.closedAt', 'The closing date cannot be in the future.', 'Avslutsdatumet kan inte ligga i framtiden.');
      if (problem === 'BEFORE_OPENING') {
        throw new BadInput(
          'input.closedAt',
          'The closing date cannot be before the investigation was opened.',
          'Avslutsdatumet kan inte ligga före beslutet att inleda utredningen.',
        );
      }
      await reportRepository.update(uow.manager, report.id, { investigationClosedAt: input.closedAt, investigationOutcome: input.outcome });
      await uow.clocks.meet(reportClockSubject(report), 'INVESTIGATION', input.closedAt);
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['investigationClosedAt', 'investigationOutcome']));
      return { ...report, investigationClosedAt: input.closedAt, investigationOutcome: input.outcome };
    });
  },

  /** The filing police area lifts the LUL 5 § hold or ends the pre-investigation; social services are told. */
  async updatePoliceInformation(context: RequestContext, input: UpdatePoliceInformationInput): Promise<ReportRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const report = await reportRepository.lockForUpdate(uow.manager, input.reportId);
      if (!report || report.reporterKind !== ReporterKind.POLICE || !decide(scope, POLICE_REPORT_UPDATERS, report).allowed) {
        throw new NotFound('The report');
      }
      const holdLifted = !!input.liftGuardianContactHold && report.guardianContactOnHold;
      const preInvestigationEnded = !!input.endPreInvestigation && report.preInvestigationRunning === true;
      if (!holdLifted && !preInvestigationEnded) {
        throw new BadInput(
          'input',
          'Nothing to change: the hold is not in place and no pre-investigation is running, or you chose neither.',
          'Inget att ändra: ingen spärr och ingen pågående förundersökning, eller så valdes ingen ändring.',
        );
      }
      await reportRepository.update(uow.manager, report.id, {
        ...(holdLifted ? { guardianContactOnHold: false } : {}),
        ...(preInvestigationEnded ? { preInvestigationRunning: false } : {}),
      });
      await notifyHandlers(
        uow,
        report,
        'POLICE_INFORMATION_CHANGED',
        policeInformationChangedMessage(report.reference, { holdLifted, preInvestigationEnded }),
        `police-info:${report.id}:${uow.now.toISOString()}`,
      );
      const fields = [...(holdLifted ? ['guardianContactOnHold'] : []), ...(preInvestigationEnded ? ['preInvestigationRunning'] : [])];
      uow.audit(reportAudit(report, AuditAction.UPDATE, fields, LegalBasis.REPORTING_DUTY));
      return (await reportRepository.findVisibleByIds(uow.manager, scope, [report.id]))[0];
    });
  },

  /** Feedback sent unasked (or again asked for after the decision); still only the one status. */
  async sendFeedback(context: RequestContext, reportId: string): Promise<ReportRow> {
    return writeHandledReport(context, reportId, async (uow, report, scope) => {
      if (report.feedbackGivenAt) throw new Conflict('Feedback has already been given on this report.');
      if (!report.preliminaryDecision) {
        throw new BadInput(
          'reportId',
          'Feedback can be sent once the preliminary assessment is decided.',
          'Återkoppling kan lämnas när förhandsbedömningen är beslutad.',
        );
      }
      if (!report.reporterAgencyId) {
        throw new BadInput(
          'reportId',
          'A private reporter gets feedback by letter or phone, not here.',
          'En privatperson får återkoppling per brev eller telefon, inte här.',
        );
      }
      await giveFeedback(uow, report, report.preliminaryDecision, !report.feedbackRequested);
      uow.audit(reportAudit(report, AuditAction.UPDATE, ['feedback'], LegalBasis.REPORTING_DUTY));
      return (await reportRepository.findVisibleByIds(uow.manager, scope, [report.id]))[0];
    });
  },
};
