import { EntityManager } from 'typeorm';
import { DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { ClockSubject } from '../../domain/deadlines/deadline-subjects';
import { REPORT_READERS } from '../../domain/access/grants/reports.grants';
import { rowScopeSql } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { FeedbackStatus, FeedbackValue } from '../../domain/feedback/feedback-rules';
import { PreliminaryDecision, ReportCategory, ReportChannel, ReporterKind } from '../../domain/reports/report-rules';

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
  submittedAt: Date;
  responsibleUserId: string | null;
  protectionAssessedAt: Date | null;
  acuteDanger: boolean | null;
  protectionNote: string | null;
  preliminaryDecision: PreliminaryDecision | null;
  preliminaryDecidedAt: Date | null;
  lateReason: string | null;
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
  r.guardian_contact_on_hold AS "guardianContactOnHold", r.feedback_requested AS "feedbackRequested", r.received_at AS "submittedAt",
  r.responsible_user_id AS "responsibleUserId", r.protection_assessed_at AS "protectionAssessedAt", r.acute_danger AS "acuteDanger",
  r.protection_note AS "protectionNote", r.preliminary_decision AS "preliminaryDecision",
  r.preliminary_decided_at AS "preliminaryDecidedAt", r.late_reason AS "lateReason",
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
  readonly after?: { submittedAt: string; id: string } | null;
  readonly openOnly?: boolean | null;
  readonly unassignedOnly?: boolean | null;
  readonly category?: ReportCategory | null;
  readonly feedbackStatus?: FeedbackStatus | null;
  readonly overdueOnly?: boolean | null;
  /** The clock's now, for the time-dependent filters. */
  readonly now: Date;
}

/** The SQL form of `feedbackStatus` (domain/feedback/feedback-rules.ts), on the report's open feedback deadline. */
const FEEDBACK_DUE = `(SELECT d.due_at FROM deadline d WHERE d.subject_type = 'REPORT' AND d.subject_id = r.id AND d.kind = '${DeadlineKind.FEEDBACK}'
  AND d.cancelled_at IS NULL ORDER BY d.created_at DESC LIMIT 1)`;
function feedbackStatusSql(status: FeedbackStatus, now: string): string {
  switch (status) {
    case FeedbackStatus.GIVEN: return 'r.feedback_given_at IS NOT NULL';
    case FeedbackStatus.NOT_REQUESTED: return 'r.feedback_given_at IS NULL AND NOT r.feedback_requested';
    case FeedbackStatus.OVERDUE: return `r.feedback_given_at IS NULL AND r.feedback_requested AND ${FEEDBACK_DUE} < ${now}`;
    case FeedbackStatus.PENDING: return `r.feedback_given_at IS NULL AND r.feedback_requested AND (${FEEDBACK_DUE} IS NULL OR ${FEEDBACK_DUE} >= ${now})`;
  }
}

/** A report as a subject of clocks: reminders name its reference, never the child. */
export function reportClockSubject(report: Pick<ReportRow, 'id' | 'reference' | 'districtId' | 'policyVersion' | 'responsibleUserId'>): ClockSubject {
  return {
    type: DeadlineSubject.REPORT, id: report.id, reference: report.reference, districtId: report.districtId,
    policyVersion: report.policyVersion, responsibleUserId: report.responsibleUserId,
  };
}

export type NewReport = Pick<ReportRow,
  | 'reference' | 'reporterKind' | 'channel' | 'reporterAgencyId' | 'registeredByUserId' | 'reporterContact' | 'policeReference' | 'childId'
  | 'childAsReported' | 'districtId' | 'policyVersion' | 'category' | 'description' | 'suspectedOffence' | 'offenceCanLeadToPrison'
  | 'firstKnownSuspicion' | 'preInvestigationRunning' | 'guardianContactOnHold' | 'feedbackRequested' | 'submittedAt'>;

export const reportRepository = {
  async findVisibleByIds(manager: EntityManager, scope: ViewerScope, ids: readonly string[]): Promise<ReportRow[]> {
    const params: unknown[] = [ids];
    const visible = rowScopeSql(scope, REPORT_READERS, REPORT_FACT_COLUMNS, params);
    return manager.query(`SELECT ${REPORT_COLUMNS} FROM report r WHERE r.id = ANY($1::uuid[]) AND ${visible.sql}`, visible.params);
  },

  async findVisibleByPoliceReference(manager: EntityManager, scope: ViewerScope, policeReference: string): Promise<ReportRow[]> {
    const params: unknown[] = [policeReference.trim()];
    const visible = rowScopeSql(scope, REPORT_READERS, REPORT_FACT_COLUMNS, params);
    return manager.query(
      `SELECT ${REPORT_COLUMNS} FROM report r WHERE upper(r.police_reference) = upper($1) AND ${visible.sql} ORDER BY r.received_at DESC`,
      visible.params,
    );
  },

  /** Newest first for reporters; oldest first (most urgent) for the intake queue. One row more than the page. */
  async list(manager: EntityManager, scope: ViewerScope, query: ReportListQuery): Promise<ReportRow[]> {
    const params: unknown[] = [];
    const where = [rowScopeSql(scope, REPORT_READERS, REPORT_FACT_COLUMNS, params).sql];
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
    const timed = query.overdueOnly || query.feedbackStatus === FeedbackStatus.OVERDUE || query.feedbackStatus === FeedbackStatus.PENDING;
    if (timed) params.push(query.now.toISOString());
    const now = `$${params.length}::timestamptz`;
    if (query.feedbackStatus) where.push(`(${feedbackStatusSql(query.feedbackStatus, now)})`);
    if (query.overdueOnly) {
      where.push(`EXISTS (SELECT 1 FROM deadline d WHERE d.subject_type = 'REPORT' AND d.subject_id = r.id
        AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.due_at < ${now})`);
    }
    const direction = query.view === 'intake' ? '>' : '<';
    const order = query.view === 'intake' ? 'ASC' : 'DESC';
    if (query.after) {
      params.push(query.after.submittedAt, query.after.id);
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

  async insert(manager: EntityManager, r: NewReport): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO report (reference, reporter_kind, channel, reporter_agency_id, registered_by_user_id, reporter_contact, police_reference,
         child_id, child_as_reported, district_id, policy_version, category, description, suspected_offence, offence_can_lead_to_prison,
         first_known_suspicion, pre_investigation_running, guardian_contact_on_hold, feedback_requested, received_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20) RETURNING id`,
      [r.reference, r.reporterKind, r.channel, r.reporterAgencyId, r.registeredByUserId, r.reporterContact, r.policeReference,
        r.childId, r.childAsReported, r.districtId, r.policyVersion, r.category, r.description, r.suspectedOffence, r.offenceCanLeadToPrison,
        r.firstKnownSuspicion, r.preInvestigationRunning, r.guardianContactOnHold, r.feedbackRequested, r.submittedAt],
    );
    return id;
  },

  async recordFeedback(manager: EntityManager, id: string, value: FeedbackValue, at: Date, unasked: boolean): Promise<void> {
    await manager.query(`UPDATE report SET feedback_value = $2, feedback_given_at = $3, feedback_unasked = $4 WHERE id = $1`, [id, value, at, unasked]);
  },

  async assign(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(`UPDATE report SET responsible_user_id = $2 WHERE id = $1`, [id, userId]);
  },

  async recordProtectionAssessment(manager: EntityManager, id: string, at: Date, acuteDanger: boolean, note: string): Promise<void> {
    await manager.query(`UPDATE report SET protection_assessed_at = $2, acute_danger = $3, protection_note = $4 WHERE id = $1`, [id, at, acuteDanger, note]);
  },

  async recordPreliminaryDecision(manager: EntityManager, id: string, decision: PreliminaryDecision, at: Date, lateReason: string | null): Promise<void> {
    await manager.query(
      `UPDATE report SET preliminary_decision = $2, preliminary_decided_at = $3, late_reason = $4 WHERE id = $1`, [id, decision, at, lateReason]);
  },

  async recordInvestigationExtension(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE report SET investigation_extension_reason = $2 WHERE id = $1`, [id, reason]);
  },

  async nextReference(manager: EntityManager, year: number): Promise<string> {
    const [{ n }] = await manager.query(`SELECT nextval('report_reference_seq') AS n`);
    return `OA-${year}-${String(n).padStart(6, '0')}`;
  },
};
