import { EntityManager } from 'typeorm';
import { column, EntityRow, selectList } from '../columns';
import { ReportEntity } from './report.entity';
import { DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { ClockSubject } from '../../domain/deadlines/deadline-subjects';
import { REPORT_READERS } from '../../domain/access/grants/reports.grants';
import { rowScopeSql } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { FeedbackStatus } from '../../domain/feedback/feedback-rules';
import { ReportCategory } from '../../domain/reports/report-rules';

/** A report as the API reads it: the entity's columns, and the due times of its open clocks. */
export type ReportRow = Omit<EntityRow<ReportEntity>, 'createdAt' | 'feedbackUnasked'> & {
  /** From the open FEEDBACK deadline; null when no feedback was asked for. */
  feedbackDueAt: Date | null;
  preliminaryDueAt: Date | null;
};

const dueAtOf = (kind: DeadlineKind) =>
  `(SELECT d.due_at FROM deadline d WHERE d.subject_type = '${DeadlineSubject.REPORT}' AND d.subject_id = r.id AND d.kind = '${kind}'
     AND d.cancelled_at IS NULL ORDER BY d.created_at DESC LIMIT 1)`;

const REPORT_COLUMNS = `${selectList(ReportEntity, 'r', { omit: ['createdAt', 'feedbackUnasked'] })},
  ${dueAtOf(DeadlineKind.FEEDBACK)} AS "feedbackDueAt", ${dueAtOf(DeadlineKind.PRELIMINARY_ASSESSMENT)} AS "preliminaryDueAt"`;

const r = (property: keyof ReportEntity & string) => column(ReportEntity, 'r', property);
const SUBMITTED_AT = r('submittedAt');

const REPORT_FACT_COLUMNS = { districtId: r('districtId'), reporterAgencyId: r('reporterAgencyId') } as const;

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
function feedbackStatusSql(status: FeedbackStatus, now: string): string {
  const given = r('feedbackGivenAt');
  const requested = r('feedbackRequested');
  const due = dueAtOf(DeadlineKind.FEEDBACK);
  switch (status) {
    case FeedbackStatus.GIVEN: return `${given} IS NOT NULL`;
    case FeedbackStatus.NOT_REQUESTED: return `${given} IS NULL AND NOT ${requested}`;
    case FeedbackStatus.OVERDUE: return `${given} IS NULL AND ${requested} AND ${due} < ${now}`;
    case FeedbackStatus.PENDING: return `${given} IS NULL AND ${requested} AND (${due} IS NULL OR ${due} >= ${now})`;
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
      `SELECT ${REPORT_COLUMNS} FROM report r WHERE upper(${r('policeReference')}) = upper($1) AND ${visible.sql} ORDER BY ${SUBMITTED_AT} DESC`,
      visible.params,
    );
  },

  /** Newest first for reporters; oldest first (most urgent) for the intake queue. One row more than the page. */
  async list(manager: EntityManager, scope: ViewerScope, query: ReportListQuery): Promise<ReportRow[]> {
    const params: unknown[] = [];
    const where = [rowScopeSql(scope, REPORT_READERS, REPORT_FACT_COLUMNS, params).sql];
    if (query.view === 'intake') {
      params.push([...scope.districtIds]);
      where.push(`${r('districtId')} = ANY($${params.length}::uuid[])`);
    } else {
      params.push(scope.agencyId);
      where.push(`${r('reporterAgencyId')} = $${params.length}`);
    }
    if (query.openOnly) where.push(`${r('preliminaryDecidedAt')} IS NULL`);
    if (query.unassignedOnly) where.push(`${r('responsibleUserId')} IS NULL`);
    if (query.category) {
      params.push(query.category);
      where.push(`${r('category')} = $${params.length}`);
    }
    const timed = query.overdueOnly || query.feedbackStatus === FeedbackStatus.OVERDUE || query.feedbackStatus === FeedbackStatus.PENDING;
    if (timed) params.push(query.now.toISOString());
    const now = `$${params.length}::timestamptz`;
    if (query.feedbackStatus) where.push(`(${feedbackStatusSql(query.feedbackStatus, now)})`);
    if (query.overdueOnly) {
      where.push(`EXISTS (SELECT 1 FROM deadline d WHERE d.subject_type = '${DeadlineSubject.REPORT}' AND d.subject_id = ${r('id')}
        AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.due_at < ${now})`);
    }
    const direction = query.view === 'intake' ? '>' : '<';
    const order = query.view === 'intake' ? 'ASC' : 'DESC';
    if (query.after) {
      params.push(query.after.submittedAt, query.after.id);
      where.push(`(${SUBMITTED_AT}, r.id) ${direction} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.first + 1);
    return manager.query(
      `SELECT ${REPORT_COLUMNS} FROM report r WHERE ${where.join(' AND ')} ORDER BY ${SUBMITTED_AT} ${order}, r.id ${order} LIMIT $${params.length}`,
      params,
    );
  },

  /** Locks the report for a state change. */
  async lockForUpdate(manager: EntityManager, id: string): Promise<ReportRow | null> {
    const rows: ReportRow[] = await manager.query(`SELECT ${REPORT_COLUMNS} FROM report r WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    return rows[0] ?? null;
  },

  async insert(manager: EntityManager, report: NewReport): Promise<string> {
    const result = await manager.insert(ReportEntity, report);
    return result.identifiers[0].id as string;
  },

  /** Changes a report's handling; the columns are the entity's, so a change cannot name a column the table lacks. */
  async update(manager: EntityManager, id: string, changes: Partial<Omit<EntityRow<ReportEntity>, 'id' | 'createdAt'>>): Promise<void> {
    await manager.update(ReportEntity, { id }, changes);
  },

  async nextReference(manager: EntityManager, year: number): Promise<string> {
    const [{ n }] = await manager.query(`SELECT nextval('report_reference_seq') AS n`);
    return `OA-${year}-${String(n).padStart(6, '0')}`;
  },
};
