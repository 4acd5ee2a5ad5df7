import { EntityManager } from 'typeorm';
import { column, entityColumns, EntityRow, selectList } from '../columns';
import { InvestigationExtensionEntity } from './investigation-extension.entity';
import { ReportEntity } from './report.entity';
import { ClockSubject } from '../../domain/deadlines/deadline-subjects';
import { REPORT_READERS } from '../../domain/reports/reports.grants';
import { rowScopeSql } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { FeedbackFilter } from '../../domain/feedback/feedback-rules';
import { ReportCategory } from '../../domain/reports/report-rules';

/** A report as the API reads it: the entity's columns, and the due times of its open clocks. */
export type ReportRow = Omit<EntityRow<ReportEntity>, 'createdAt' | 'feedbackUnasked' | 'senderFields'> & {
  /** From the open FEEDBACK deadline; null when no feedback was asked for. */
  feedbackDueAt: Date | null;
  preliminaryDueAt: Date | null;
};

const dueAtOf = (kind: DeadlineKind) =>
  `(SELECT d.due_at FROM deadline d WHERE d.subject_type = '${'REPORT'}' AND d.subject_id = r.id AND d.kind = '${kind}'
     AND d.cancelled_at IS NULL ORDER BY d.created_at DESC LIMIT 1)`;

const REPORT_COLUMNS = `${selectList(ReportEntity, 'r', { omit: ['createdAt', 'feedbackUnasked', 'senderFields'] })},
  ${dueAtOf('FEEDBACK')} AS "feedbackDueAt", ${dueAtOf('PRELIMINARY_ASSESSMENT')} AS "preliminaryDueAt"`;

/** Some fields of a report row; the list always adds ALWAYS. */
export type ReportProjection = readonly (keyof ReportRow)[];

/** A row's identity, access facts and list cursor: in every projection. */
const ALWAYS: ReportProjection = ['id', 'childId', 'districtId', 'reporterAgencyId', 'registeredByUserId', 'receivedAt'];

/** The select list of a projection: the entity's wanted columns, and a clock's due time only when asked for. */
function projectedColumns(columns: ReportProjection): string {
  const wanted = new Set<string>([...ALWAYS, ...columns]);
  const omit = [...entityColumns(ReportEntity).keys()].filter((p) => !wanted.has(p));
  const dueAt = (
    [
      ['feedbackDueAt', 'FEEDBACK'],
      ['preliminaryDueAt', 'PRELIMINARY_ASSESSMENT'],
    ] as const
  )
    .filter(([property]) => wanted.has(property))
    .map(([property, kind]) => `${dueAtOf(kind)} AS "${property}"`);
  return [selectList(ReportEntity, 'r', { omit }), ...dueAt].join(', ');
}

const r = (property: keyof ReportEntity & string) => column(ReportEntity, 'r', property);
const RECEIVED_AT = r('receivedAt');

const REPORT_FACT_COLUMNS = {
  districtId: r('districtId'),
  reporterAgencyId: r('reporterAgencyId'),
  filedByUserId: r('registeredByUserId'),
} as const;

export interface ReportListQuery {
  /** 'intake' lists the viewer's districts; 'reporter' lists what the viewer's agency filed. */
  readonly view: 'intake' | 'reporter';
  readonly first: number;
  readonly after?: { receivedAt: string; id: string } | null;
  readonly openOnly?: boolean | null;
  readonly unassignedOnly?: boolean | null;
  /** Only reports the viewer is responsible for. */
  readonly assignedToMe?: boolean | null;
  readonly category?: ReportCategory | null;
  readonly policeReference?: string | null;
  readonly feedbackStatus?: FeedbackFilter | null;
  readonly overdueOnly?: boolean | null;
  /** For the feedback filter's deadline. */
  readonly now: Date;
}

/** One supervisor's extension of an investigation. */
export type InvestigationExtensionRow = EntityRow<InvestigationExtensionEntity>;
const EXTENSION_COLUMNS = selectList(InvestigationExtensionEntity, 'e');

export interface OpenInvestigation {
  reportId: string;
  reference: string;
  responsibleUserId: string | null;
}

/** A report as a subject of clocks: reminders name its reference, never the child. */
export function reportClockSubject(
  report: Pick<ReportRow, 'id' | 'reference' | 'districtId' | 'policyVersion' | 'responsibleUserId'>,
): ClockSubject {
  return {
    type: 'REPORT',
    id: report.id,
    reference: report.reference,
    districtId: report.districtId,
    policyVersion: report.policyVersion,
    responsibleUserId: report.responsibleUserId,
  };
}

export type NewReport = Pick<
  ReportRow,
  | 'reporterKind'
  | 'channel'
  | 'reporterAgencyId'
  | 'registeredByUserId'
  | 'reporterContact'
  | 'reporterName'
  | 'policeReference'
  | 'childId'
  | 'childAsReported'
  | 'districtId'
  | 'policyVersion'
  | 'category'
  | 'description'
  | 'suspectedOffence'
  | 'offenceCanLeadToPrison'
  | 'firstKnownSuspicion'
  | 'preInvestigationRunning'
  | 'guardianContactOnHold'
  | 'feedbackRequested'
  | 'receivedAt'
  | 'observedAt'
> &
  Partial<Pick<ReportEntity, 'senderReference' | 'senderFields'>>;

/** What a sending case system gets back, and what its retry is compared with. */
export interface SentReport {
  id: string;
  reference: string;
  receivedAt: Date;
  registeredByUserId: string;
  senderFields: Record<string, string>;
}

/** What the intake search looks for; the API decides which kind a typed term is. */
export type IntakeSearchTerm = {
  readonly kind: 'reference' | 'policeReference' | 'name' | 'personalIdentityNumber';
  readonly value: string;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** $1 the child, $2 a report to leave out (or null). */
const OPEN_INVESTIGATION_SQL = `SELECT id AS "reportId", reference, responsible_user_id AS "responsibleUserId" FROM report
   WHERE child_id = $1 AND preliminary_decision = 'OPEN_INVESTIGATION' AND investigation_closed_at IS NULL
     AND ($2::uuid IS NULL OR id <> $2::uuid)
   ORDER BY preliminary_decided_at DESC LIMIT 1`;

/** The child's open collaboration case ($1), newest first, with its coordinator. */
const OPEN_COLLABORATION_CASE_SQL = `SELECT id AS "caseId", coordinator_user_id AS "coordinatorUserId" FROM collaboration_case
   WHERE child_id = $1 AND closed_at IS NULL ORDER BY opened_at DESC LIMIT 1`;

export interface OpenCases {
  investigation: OpenInvestigation | null;
  collaborationCase: { caseId: string; coordinatorUserId: string } | null;
}

export const reportRepository = {
  /** Per person: the reports in these districts they are responsible for that still wait for a decision or a closed investigation. */
  async openReportCounts(manager: EntityManager, userIds: readonly string[], districtIds: readonly string[]) {
    const rows: { userId: string; n: number }[] = await manager.query(
      `SELECT r.responsible_user_id AS "userId", count(*)::int AS n FROM report r
        WHERE r.responsible_user_id = ANY($1::uuid[]) AND r.district_id = ANY($2::uuid[])
          AND (r.preliminary_decided_at IS NULL OR (r.preliminary_decision = 'OPEN_INVESTIGATION' AND r.investigation_closed_at IS NULL))
        GROUP BY r.responsible_user_id`,
      [userIds, districtIds],
    );
    return new Map(rows.map((r) => [r.userId, r.n]));
  },

  async findVisibleByIds(manager: EntityManager, scope: ViewerScope, ids: readonly string[]): Promise<ReportRow[]> {
    const params: unknown[] = [ids];
    const visible = rowScopeSql(scope, REPORT_READERS, REPORT_FACT_COLUMNS, params);
    return manager.query(`SELECT ${REPORT_COLUMNS} FROM report r WHERE r.id = ANY($1::uuid[]) AND ${visible.sql}`, visible.params);
  },

  /** The report a client sent under its own reference; in RLS the client's agency filed it. */
  async findBySender(manager: EntityManager, userId: string, senderReference: string): Promise<SentReport | null> {
    const [row] = await manager.query(
      `SELECT id, reference, received_at AS "receivedAt", registered_by_user_id AS "registeredByUserId", sender_fields AS "senderFields"
         FROM report WHERE registered_by_user_id = $1 AND sender_reference = $2`,
      [userId, senderReference],
    );
    return row ?? null;
  },

  /** The newest report per child under a police case number, of those the viewer's agency filed and may see. */
  async findFiledByPoliceReference(manager: EntityManager, scope: ViewerScope, policeReference: string): Promise<ReportRow[]> {
    const params: unknown[] = [policeReference.trim(), scope.agencyId];
    const visible = rowScopeSql(scope, REPORT_READERS, REPORT_FACT_COLUMNS, params);
    return manager.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (${r('childId')}) ${REPORT_COLUMNS} FROM report r
          WHERE upper(${r('policeReference')}) = upper($1) AND ${r('reporterAgencyId')} = $2 AND ${visible.sql}
          ORDER BY ${r('childId')}, ${RECEIVED_AT} DESC, r.id DESC) per_child
        ORDER BY "receivedAt" DESC, id`,
      visible.params,
    );
  },

  /** A report by its OA reference (as staff quote it on the phone), if the viewer may see it. */
  async findVisibleByReference(manager: EntityManager, scope: ViewerScope, reference: string): Promise<ReportRow | null> {
    const params: unknown[] = [reference.trim()];
    const visible = rowScopeSql(scope, REPORT_READERS, REPORT_FACT_COLUMNS, params);
    const rows: ReportRow[] = await manager.query(
      `SELECT ${REPORT_COLUMNS} FROM report r WHERE upper(${r('reference')}) = upper($1) AND ${visible.sql}`,
      visible.params,
    );
    return rows[0] ?? null;
  },

  /**
   * The intake search: reports in the viewer's districts by reference or police case number (prefix), the child's name
   * (as registered or as reported) or the child's normalized personal identity number, optionally only the viewer's own;
   * newest first.
   */
  async searchIntake(
    manager: EntityManager,
    scope: ViewerScope,
    term: IntakeSearchTerm | null,
    assignedToMe: boolean,
    limit: number,
  ): Promise<ReportRow[]> {
    const params: unknown[] = [[...scope.districtIds]];
    const where = [`${r('districtId')} = ANY($1::uuid[])`, rowScopeSql(scope, REPORT_READERS, REPORT_FACT_COLUMNS, params).sql];
    if (assignedToMe) {
      params.push(scope.userId);
      where.push(`${r('responsibleUserId')} = $${params.length}`);
    }
    if (term?.kind === 'reference') {
      params.push(`${escapeLike(term.value.toUpperCase())}%`);
      where.push(`upper(${r('reference')}) LIKE $${params.length}`);
    } else if (term?.kind === 'policeReference') {
      // Any part, without spaces and dashes: officers read K-numbers out with or without the area prefix and year.
      params.push(`%${escapeLike(term.value.toUpperCase().replace(/[\s-]/g, ''))}%`);
      where.push(`regexp_replace(upper(${r('policeReference')}), '[\\s-]', '', 'g') LIKE $${params.length}`);
    } else if (term?.kind === 'personalIdentityNumber') {
      params.push(term.value);
      where.push(`EXISTS (SELECT 1 FROM child c WHERE c.id = ${r('childId')} AND c.personal_identity_number = $${params.length})`);
    } else if (term) {
      params.push(`%${escapeLike(term.value)}%`);
      where.push(`(EXISTS (SELECT 1 FROM child c WHERE c.id = ${r('childId')} AND (c.given_name || ' ' || c.family_name) ILIKE $${params.length})
        OR ${r('childAsReported')}::text ILIKE $${params.length})`);
    }
    params.push(limit);
    return manager.query(
      `SELECT ${REPORT_COLUMNS} FROM report r WHERE ${where.join(' AND ')} ORDER BY ${RECEIVED_AT} DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
  },

  extensionsOf(manager: EntityManager, reportIds: readonly string[]): Promise<InvestigationExtensionRow[]> {
    return manager.query(
      `SELECT ${EXTENSION_COLUMNS} FROM investigation_extension e WHERE e.report_id = ANY($1::uuid[]) ORDER BY e.decided_at, e.new_due_at, e.id`,
      [reportIds],
    );
  },

  async addExtension(manager: EntityManager, extension: Omit<InvestigationExtensionRow, 'id'>): Promise<void> {
    await manager.insert(InvestigationExtensionEntity, extension);
  },

  /** Every report of these children the viewer may load, newest first (at most 50 per child). */
  async findVisibleByChildIds(manager: EntityManager, scope: ViewerScope, childIds: readonly string[]): Promise<ReportRow[]> {
    const params: unknown[] = [childIds];
    const visible = rowScopeSql(scope, REPORT_READERS, REPORT_FACT_COLUMNS, params);
    return manager.query(
      `SELECT * FROM (SELECT ${REPORT_COLUMNS}, row_number() OVER (PARTITION BY ${r('childId')} ORDER BY ${RECEIVED_AT} DESC, r.id DESC) AS n
         FROM report r WHERE ${r('childId')} = ANY($1::uuid[]) AND ${visible.sql}) per_child
        WHERE n <= 50 ORDER BY "receivedAt" DESC, id DESC`,
      visible.params,
    );
  },

  /** A merge is the supervisor's decision on who the child is: every report of the kept record is confirmed on it. */
  async confirmIdentityOfChild(manager: EntityManager, childId: string): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE report SET identity_confirmed = true WHERE child_id = $1 AND NOT identity_confirmed RETURNING id`,
      [childId],
    );
    return rows.map((row) => row.id);
  },

  async idsOfChild(manager: EntityManager, childId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM report WHERE child_id = $1 ORDER BY received_at, id`, [childId]);
    return rows.map((row) => row.id);
  },

  /** The child's investigation still open in Samverka (opened by a preliminary decision, not closed), newest first. */
  async openInvestigationOf(manager: EntityManager, childId: string, exceptReportId: string | null): Promise<OpenInvestigation | null> {
    const [row] = await manager.query(OPEN_INVESTIGATION_SQL, [childId, exceptReportId]);
    return row ?? null;
  },

  /** The child's open investigation (as openInvestigationOf) and open collaboration case, in one round trip. */
  async openCasesOf(manager: EntityManager, childId: string, exceptReportId: string | null): Promise<OpenCases> {
    const [row] = await manager.query(
      `SELECT (SELECT to_jsonb(i) FROM (${OPEN_INVESTIGATION_SQL}) i) AS investigation,
              (SELECT to_jsonb(c) FROM (${OPEN_COLLABORATION_CASE_SQL}) c) AS "collaborationCase"`,
      [childId, exceptReportId],
    );
    return row;
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
      where.push(`${r('districtId')} = ANY($${params.length}::uuid[])`);
    } else {
      params.push(scope.agencyId);
      where.push(`${r('reporterAgencyId')} = $${params.length}`);
    }
    if (query.openOnly) where.push(`${r('preliminaryDecidedAt')} IS NULL`);
    if (query.unassignedOnly) where.push(`${r('responsibleUserId')} IS NULL`);
    if (query.assignedToMe) {
      params.push(scope.userId);
      where.push(`${r('responsibleUserId')} = $${params.length}`);
    }
    if (query.category) {
      params.push(query.category);
      where.push(`${r('category')} = $${params.length}`);
    }
    if (query.policeReference) {
      params.push(query.policeReference.trim());
      where.push(`upper(${r('policeReference')}) = upper($${params.length})`);
    }
    if (query.feedbackStatus === FeedbackFilter.GIVEN) where.push(`${r('feedbackGivenAt')} IS NOT NULL`);
    if (query.feedbackStatus === FeedbackFilter.AWAITING || query.feedbackStatus === FeedbackFilter.OVERDUE) {
      params.push(query.now);
      const overdue = `coalesce(${dueAtOf('FEEDBACK')} < $${params.length}, false)`;
      where.push(
        `${r('feedbackRequested')} AND ${r('feedbackGivenAt')} IS NULL AND ${query.feedbackStatus === FeedbackFilter.OVERDUE ? overdue : `NOT ${overdue}`}`,
      );
    }
    if (query.overdueOnly) {
      params.push(query.now);
      where.push(`EXISTS (SELECT 1 FROM deadline d WHERE d.subject_type = '${'REPORT'}' AND d.subject_id = ${r('id')}
        AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.due_at < $${params.length})`);
    }
    const direction = query.view === 'intake' ? '>' : '<';
    const order = query.view === 'intake' ? 'ASC' : 'DESC';
    if (query.after) {
      params.push(query.after.receivedAt, query.after.id);
      where.push(`(${RECEIVED_AT}, r.id) ${direction} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.first + 1);
    return manager.query(
      `SELECT ${columns ? projectedColumns(columns) : REPORT_COLUMNS} FROM report r WHERE ${where.join(' AND ')} ORDER BY ${RECEIVED_AT} ${order}, r.id ${order} LIMIT $${params.length}`,
      params,
    );
  },

  /** Locks the report for a state change. */
  async lockForUpdate(manager: EntityManager, id: string): Promise<ReportRow | null> {
    const rows: ReportRow[] = await manager.query(`SELECT ${REPORT_COLUMNS} FROM report r WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    return rows[0] ?? null;
  },

  /** Inserts the report with the next reference of the year (OA-2026-000042) in the same statement. */
  async insert(manager: EntityManager, report: NewReport, year: number): Promise<{ id: string; reference: string }> {
    const nextReference = `(SELECT 'OA-${Math.trunc(year)}-' || lpad(n::text, greatest(6, length(n::text)), '0') FROM nextval('report_reference_seq') n)`;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ReportEntity)
      .values({ ...report, reference: () => nextReference })
      .returning(['id', 'reference'])
      .execute();
    const [{ id, reference }] = result.raw as { id: string; reference: string }[];
    return { id, reference };
  },

  /** Changes a report's handling; the columns are the entity's, so a change cannot name a column the table lacks. */
  async update(manager: EntityManager, id: string, changes: Partial<Omit<EntityRow<ReportEntity>, 'id' | 'createdAt'>>): Promise<void> {
    await manager.update(ReportEntity, { id }, changes);
  },
};
