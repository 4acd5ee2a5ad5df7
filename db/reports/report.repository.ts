import { EntityManager } from 'typeorm';
import { DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { ClockSubject } from '../../domain/deadlines/deadline-subjects';
import { REPORT_READERS } from '../../domain/access/grants/reports.grants';
import { rowScopeSql } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { FeedbackValue } from '../../domain/feedback/feedback-rules';
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

/** Each field of a report row and the SQL that gives it (over `report r`). */
const REPORT_COLUMN_SQL: { readonly [K in keyof ReportRow]-?: string } = {
  id: 'r.id', reference: 'r.reference', reporterKind: 'r.reporter_kind', channel: 'r.channel', reporterAgencyId: 'r.reporter_agency_id',
  registeredByUserId: 'r.registered_by_user_id', reporterContact: 'r.reporter_contact', policeReference: 'r.police_reference',
  childId: 'r.child_id', childAsReported: 'r.child_as_reported', districtId: 'r.district_id', policyVersion: 'r.policy_version',
  category: 'r.category', description: 'r.description', suspectedOffence: 'r.suspected_offence', offenceCanLeadToPrison: 'r.offence_can_lead_to_prison',
  firstKnownSuspicion: 'r.first_known_suspicion', preInvestigationRunning: 'r.pre_investigation_running',
  guardianContactOnHold: 'r.guardian_contact_on_hold', feedbackRequested: 'r.feedback_requested', submittedAt: 'r.received_at',
  responsibleUserId: 'r.responsible_user_id', protectionAssessedAt: 'r.protection_assessed_at', acuteDanger: 'r.acute_danger',
  protectionNote: 'r.protection_note', preliminaryDecision: 'r.preliminary_decision',
  preliminaryDecidedAt: 'r.preliminary_decided_at', lateReason: 'r.late_reason',
  investigationExtensionReason: 'r.investigation_extension_reason', feedbackValue: 'r.feedback_value',
  feedbackGivenAt: 'r.feedback_given_at',
  feedbackDueAt: `(SELECT d.due_at FROM deadline d WHERE d.subject_type = 'REPORT' AND d.subject_id = r.id AND d.kind = '${DeadlineKind.FEEDBACK}'
     AND d.cancelled_at IS NULL ORDER BY d.created_at DESC LIMIT 1)`,
  preliminaryDueAt: `(SELECT d.due_at FROM deadline d WHERE d.subject_type = 'REPORT' AND d.subject_id = r.id AND d.kind = '${DeadlineKind.PRELIMINARY_ASSESSMENT}'
     AND d.cancelled_at IS NULL ORDER BY d.created_at DESC LIMIT 1)`,
};

/** A row's identity, access facts and list cursor: in every projection. */
const ALWAYS: readonly (keyof ReportRow)[] = ['id', 'childId', 'districtId', 'reporterAgencyId', 'submittedAt'];

function selectList(columns: readonly (keyof ReportRow)[]): string {
  return [...new Set(columns)].map((key) => `${REPORT_COLUMN_SQL[key]} AS "${key}"`).join(', ');
}

const REPORT_COLUMNS = selectList(Object.keys(REPORT_COLUMN_SQL) as (keyof ReportRow)[]);

/** A report row with only some fields loaded (and always those in ALWAYS). */
export type ReportProjection = readonly (keyof ReportRow)[];

const REPORT_FACT_COLUMNS = { districtId: 'r.district_id', reporterAgencyId: 'r.reporter_agency_id' } as const;

export interface ReportListQuery {
  /** 'intake' lists the viewer's districts; 'reporter' lists what the viewer's agency filed. */
  readonly view: 'intake' | 'reporter';
  readonly first: number;
  readonly after?: { submittedAt: string; id: string } | null;
  readonly openOnly?: boolean | null;
  readonly unassignedOnly?: boolean | null;
  readonly category?: ReportCategory | null;
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

  /**
   * Newest first for reporters; oldest first (most urgent) for the intake queue. One row more than the page.
   * With `columns`, only those (and the row's identity and facts) are loaded; the rest are absent.
   */
  async list(manager: EntityManager, scope: ViewerScope, query: ReportListQuery, columns?: ReportProjection): Promise<ReportRow[]> {
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
    const direction = query.view === 'intake' ? '>' : '<';
    const order = query.view === 'intake' ? 'ASC' : 'DESC';
    if (query.after) {
      params.push(query.after.submittedAt, query.after.id);
      where.push(`(r.received_at, r.id) ${direction} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.first + 1);
    return manager.query(
      `SELECT ${columns ? selectList([...ALWAYS, ...columns]) : REPORT_COLUMNS} FROM report r WHERE ${where.join(' AND ')} ORDER BY r.received_at ${order}, r.id ${order} LIMIT $${params.length}`,
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
