import { EntityManager } from 'typeorm';
import { reportPolicy } from '../../domain/access/policies/reports.policy';
import { rowScopeSql } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { FeedbackFilter, FeedbackValue } from '../../domain/feedback/feedback-rules';
import {
  ExceptionalReason, InvestigationOutcome, PreliminaryDecision, ReportCategory, ReportChannel, ReporterKind,
} from '../../domain/reports/report-rules';

export interface ReportRow {
  id: string;
  reference: string;
  reporterKind: ReporterKind;
  channel: ReportChannel;
  reporterAgencyId: string | null;
  registeredByUserId: string;
  reporterContact: string | null;
  policeReference: string | null;
  childId: string;
  childAsReported: string;
  districtId: string;
  policyVersion: number;
  category: ReportCategory;
  description: string;
  suspectedOffence: string | null;
  offenceCanLeadToPrison: boolean | null;
  firstKnownSuspicion: boolean | null;
  preInvestigationRunning: boolean | null;
  guardianContactOnHold: boolean;
  feedbackRequested: boolean;
  receivedAt: Date;
  observedAt: Date | null;
  responsibleUserId: string | null;
  protectionAssessedAt: Date | null;
  acuteDanger: boolean | null;
  protectionNote: string | null;
  preliminaryDecision: PreliminaryDecision | null;
  preliminaryDecidedAt: Date | null;
  lateReason: ExceptionalReason | null;
  lateReasonText: string | null;
  ongoingInvestigationReference: string | null;
  investigationClosedAt: Date | null;
  investigationOutcome: InvestigationOutcome | null;
  investigationExtensionReason: string | null;
  feedbackValue: FeedbackValue | null;
  feedbackGivenAt: Date | null;
  /** From the open FEEDBACK deadline; null when no feedback was asked for. */
  feedbackDueAt: Date | null;
  preliminaryDueAt: Date | null;
}

const REPORT_COLUMNS = `r.id, r.reference, r.reporter_kind AS "reporterKind", r.channel, r.reporter_agency_id AS "reporterAgencyId",
  r.registered_by_user_id AS "registeredByUserId", r.reporter_contact AS "reporterContact", r.police_reference AS "policeReference",
  r.child_id AS "childId", r.child_as_reported AS "childAsReported", r.district_id AS "districtId", r.policy_version AS "policyVersion",
  r.category, r.description, r.suspected_offence AS "suspectedOffence", r.offence_can_lead_to_prison AS "offenceCanLeadToPrison",
  r.first_known_suspicion AS "firstKnownSuspicion", r.pre_investigation_running AS "preInvestigationRunning",
  r.guardian_contact_on_hold AS "guardianContactOnHold", r.feedback_requested AS "feedbackRequested", r.received_at AS "receivedAt",
  r.observed_at AS "observedAt",
  r.responsible_user_id AS "responsibleUserId", r.protection_assessed_at AS "protectionAssessedAt", r.acute_danger AS "acuteDanger",
  r.protection_note AS "protectionNote", r.preliminary_decision AS "preliminaryDecision",
  r.preliminary_decided_at AS "preliminaryDecidedAt", r.late_reason AS "lateReason",
  r.late_reason_text AS "lateReasonText", r.ongoing_investigation_reference AS "ongoingInvestigationReference",
  r.investigation_closed_at AS "investigationClosedAt", r.investigation_outcome AS "investigationOutcome",
  r.investigation_extension_reason AS "investigationExtensionReason", r.feedback_value AS "feedbackValue",
  r.feedback_given_at AS "feedbackGivenAt",
  (SELECT d.due_at FROM deadline d WHERE d.subject_type = 'REPORT' AND d.subject_id = r.id AND d.kind = '${DeadlineKind.FEEDBACK}'
     AND d.cancelled_at IS NULL ORDER BY d.created_at DESC LIMIT 1) AS "feedbackDueAt",
  (SELECT d.due_at FROM deadline d WHERE d.subject_type = 'REPORT' AND d.subject_id = r.id AND d.kind = '${DeadlineKind.PRELIMINARY_ASSESSMENT}'
     AND d.cancelled_at IS NULL ORDER BY d.created_at DESC LIMIT 1) AS "preliminaryDueAt"`;

const REPORT_FACT_COLUMNS = { districtId: 'r.district_id', reporterAgencyId: 'r.reporter_agency_id' } as const;

export interface ReportListQuery {
  /** 'intake' lists the viewer's districts; 'reporter' lists what the viewer's agency filed. */
  readonly view: 'intake' | 'reporter';
  readonly first: number;
  readonly after?: { receivedAt: string; id: string } | null;
  readonly openOnly?: boolean | null;
  readonly unassignedOnly?: boolean | null;
  readonly category?: ReportCategory | null;
  readonly policeReference?: string | null;
  readonly feedbackStatus?: FeedbackFilter | null;
  /** For the feedback filter's deadline. */
  readonly now: Date;
}

const OPEN_FEEDBACK_DUE = `(SELECT d.due_at FROM deadline d WHERE d.subject_type = 'REPORT' AND d.subject_id = r.id AND d.kind = '${DeadlineKind.FEEDBACK}'
  AND d.cancelled_at IS NULL ORDER BY d.created_at DESC LIMIT 1)`;

export interface InvestigationExtensionRow {
  id: string;
  reportId: string;
  reason: ExceptionalReason;
  reasonText: string | null;
  previousDueAt: Date;
  newDueAt: Date;
  decidedAt: Date;
  decidedByUserId: string;
}

export interface OpenInvestigation {
  reportId: string;
  reference: string;
  responsibleUserId: string | null;
}

export const reportRepository = {
  extensionsOf(manager: EntityManager, reportIds: readonly string[]): Promise<InvestigationExtensionRow[]> {
    return manager.query(
      `SELECT id, report_id AS "reportId", reason, reason_text AS "reasonText", previous_due_at AS "previousDueAt", new_due_at AS "newDueAt",
              decided_at AS "decidedAt", decided_by_user_id AS "decidedByUserId"
         FROM investigation_extension WHERE report_id = ANY($1::uuid[]) ORDER BY decided_at, new_due_at, id`,
      [reportIds],
    );
  },

  /** The child's investigation still open in Samverka (opened by a preliminary decision, not closed), newest first. */
  async openInvestigationOf(manager: EntityManager, childId: string, exceptReportId: string | null): Promise<OpenInvestigation | null> {
    const [row] = await manager.query(
      `SELECT id AS "reportId", reference, responsible_user_id AS "responsibleUserId" FROM report
        WHERE child_id = $1 AND preliminary_decision = 'OPEN_INVESTIGATION' AND investigation_closed_at IS NULL
          AND ($2::uuid IS NULL OR id <> $2::uuid)
        ORDER BY preliminary_decided_at DESC LIMIT 1`,
      [childId, exceptReportId],
    );
    return row ?? null;
  },

  async findVisibleByIds(manager: EntityManager, scope: ViewerScope, ids: readonly string[]): Promise<ReportRow[]> {
    const params: unknown[] = [ids];
    const visible = rowScopeSql(scope, reportPolicy.rows, REPORT_FACT_COLUMNS, params);
    return manager.query(`SELECT ${REPORT_COLUMNS} FROM report r WHERE r.id = ANY($1::uuid[]) AND ${visible.sql}`, visible.params);
  },

  /** The newest report per child under a police case number, of those the viewer's agency filed and may see. */
  async findFiledByPoliceReference(manager: EntityManager, scope: ViewerScope, policeReference: string): Promise<ReportRow[]> {
    const params: unknown[] = [policeReference.trim(), scope.agencyId];
    const visible = rowScopeSql(scope, reportPolicy.rows, REPORT_FACT_COLUMNS, params);
    return manager.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (r.child_id) ${REPORT_COLUMNS} FROM report r
          WHERE upper(r.police_reference) = upper($1) AND r.reporter_agency_id = $2 AND ${visible.sql}
          ORDER BY r.child_id, r.received_at DESC, r.id DESC) per_child
        ORDER BY "receivedAt" DESC, id`,
      visible.params,
    );
  },

  /** Newest first for reporters; oldest first (most urgent) for the intake queue. One row more than the page. */
  async list(manager: EntityManager, scope: ViewerScope, query: ReportListQuery): Promise<ReportRow[]> {
    const params: unknown[] = [];
    const where = [rowScopeSql(scope, reportPolicy.rows, REPORT_FACT_COLUMNS, params).sql];
    if (query.view === 'intake') {
      params.push([...scope.districtIds]);
      where.push(`r.district_id = ANY($${params.length}::uuid[])`);
    } else {
      params.push(scope.agencyId);
      where.push(`r.reporter_agency_id = $${params.length}`);
    }
    if (query.openOnly) where.push('r.preliminary_decided_at IS NULL');
    if (query.unassignedOnly) where.push('r.responsible_user_id IS NULL');
    if (query.category) {
      params.push(query.category);
      where.push(`r.category = $${params.length}`);
    }
    if (query.policeReference) {
      params.push(query.policeReference.trim());
      where.push(`upper(r.police_reference) = upper($${params.length})`);
    }
    if (query.feedbackStatus === FeedbackFilter.GIVEN) where.push('r.feedback_given_at IS NOT NULL');
    if (query.feedbackStatus === FeedbackFilter.AWAITING || query.feedbackStatus === FeedbackFilter.OVERDUE) {
      params.push(query.now);
      const overdue = `coalesce(${OPEN_FEEDBACK_DUE} < $${params.length}, false)`;
      where.push(`r.feedback_requested AND r.feedback_given_at IS NULL AND ${query.feedbackStatus === FeedbackFilter.OVERDUE ? overdue : `NOT ${overdue}`}`);
    }
    const direction = query.view === 'intake' ? '>' : '<';
    const order = query.view === 'intake' ? 'ASC' : 'DESC';
    if (query.after) {
      params.push(query.after.receivedAt, query.after.id);
      where.push(`(r.received_at, r.id) ${direction} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.first + 1);
    return manager.query(
      `SELECT ${REPORT_COLUMNS} FROM report r WHERE ${where.join(' AND ')} ORDER BY r.received_at ${order}, r.id ${order} LIMIT $${params.length}`,
      params,
    );
  },

  /** Locks the report for a state change. */
  async lockForUpdate(manager: EntityManager, id: string): Promise<ReportRow | null> {
    const rows: ReportRow[] = await manager.query(`SELECT ${REPORT_COLUMNS} FROM report r WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    return rows[0] ?? null;
  },

  async nextReference(manager: EntityManager, year: number): Promise<string> {
    const [{ n }] = await manager.query(`SELECT nextval('report_reference_seq') AS n`);
    return `OA-${year}-${String(n).padStart(6, '0')}`;
  },
};
