import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EntityRow, selectList } from '../columns';
import { DeadlineEntity } from './deadline.entity';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { ClockSubject, SubjectRef } from '../../domain/deadlines/deadline-subjects';
import { PlannedStep } from '../../domain/deadlines/deadline-steps';

export interface NewDeadline {
  readonly kind: DeadlineKind;
  readonly subject: ClockSubject;
  readonly startsAt: Date;
  readonly dueAt: Date;
  readonly steps: readonly PlannedStep[];
}

export interface PendingStep {
  readonly id: string;
  readonly fireAt: Date;
}

/** Where the next page of pending steps starts: after this step, in (fire_at, id) order. */
export interface StepCursor {
  readonly fireAt: string;
  readonly id: string;
}

export interface PendingStepPage {
  readonly steps: PendingStep[];
  /** Null on the last page. */
  readonly next: StepCursor | null;
}

export type DeadlineRow = Omit<EntityRow<DeadlineEntity>, 'createdAt'>;

export const DEADLINE_COLUMNS = selectList(DeadlineEntity, 'd', { omit: ['createdAt'] });

/**
 * The deadlines engine's persistence. Each write runs in the caller's
 * transaction, next to the domain change that caused it; services reach it
 * through the unit of work's clocks (db/clocks.ts), which enqueue the steps after commit.
 */
/** An escalated clock as the supervisors' list shows it. */
export interface EscalatedRow {
  id: string;
  kind: DeadlineKind;
  subjectType: DeadlineSubject;
  subjectId: string;
  reference: string | null;
  districtId: string;
  responsibleUserId: string | null;
  dueAt: Date;
  escalationLevel: number;
  escalatedAt: Date;
  childId: string;
}

export const deadlineRepository = {
  /**
   * The open clocks of these subject types in these districts whose breach was escalated, oldest escalation first, with
   * the child (for the access policy) from the report or talk the clock runs on.
   */
  escalated(manager: EntityManager, districtIds: readonly string[], subjectTypes: readonly DeadlineSubject[], limit: number) {
    return manager.query(
      `SELECT d.id, d.kind, d.subject_type AS "subjectType", d.subject_id AS "subjectId", d.subject_reference AS reference,
              d.district_id AS "districtId", d.responsible_user_id AS "responsibleUserId", d.due_at AS "dueAt",
              d.escalation_level AS "escalationLevel", s.fired_at AS "escalatedAt", COALESCE(r.child_id, t.child_id) AS "childId"
         FROM deadline d
         JOIN deadline_step s ON s.deadline_id = d.id AND s.step = 'escalate' AND s.fired_at IS NOT NULL
         LEFT JOIN report r ON d.subject_type = '${'REPORT'}' AND r.id = d.subject_id
         LEFT JOIN talk t ON d.subject_type IN ('${'TALK'}', '${'SUMMONS'}') AND t.id = d.subject_id
        WHERE d.district_id = ANY($1::uuid[]) AND d.subject_type = ANY($2::text[])
          AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.escalation_level > 0
          AND COALESCE(r.child_id, t.child_id) IS NOT NULL
        ORDER BY s.fired_at, d.id
        LIMIT $3`,
      [districtIds, subjectTypes, limit],
    ) as Promise<EscalatedRow[]>;
  },

  async create(manager: EntityManager, spec: NewDeadline): Promise<{ deadlineId: string; steps: PendingStep[] }> {
    const { subject } = spec;
    const [{ id }] = await manager.query(
      `INSERT INTO deadline (kind, subject_type, subject_id, subject_reference, district_id, responsible_user_id, policy_version, starts_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        spec.kind,
        subject.type,
        subject.id,
        subject.reference,
        subject.districtId,
        subject.responsibleUserId,
        subject.policyVersion,
        spec.startsAt,
        spec.dueAt,
      ],
    );
    const steps: { id: string; fire_at: Date }[] = await manager.query(
      `INSERT INTO deadline_step (deadline_id, step, fire_at) SELECT $1, * FROM unnest($2::text[], $3::timestamptz[]) RETURNING id, fire_at`,
      [id, spec.steps.map((p) => p.step), spec.steps.map((p) => p.fireAt)],
    );
    return { deadlineId: id, steps: steps.map((s) => ({ id: s.id, fireAt: s.fire_at })) };
  },

  /**
   * Several deadlines and all their steps, in the order given: one INSERT each. Not one WITH … INSERT: row-level
   * security checks a step against its deadline, which a data-modifying WITH of the same statement does not show.
   */
  async createMany(manager: EntityManager, specs: readonly NewDeadline[]): Promise<{ deadlineId: string; steps: PendingStep[] }[]> {
    if (specs.length === 0) return [];
    // Ids made here, so each step finds its deadline without relying on the order RETURNING gives.
    const ids = specs.map(() => randomUUID());
    const column = <T>(pick: (s: NewDeadline) => T) => specs.map(pick);
    const owners = specs.flatMap((s, i) => s.steps.map(() => ids[i]));
    const planned = specs.flatMap((s) => s.steps);
    await manager.query(
      `INSERT INTO deadline (id, kind, subject_type, subject_id, subject_reference, district_id, responsible_user_id, policy_version, starts_at, due_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::uuid[], $8::int[], $9::timestamptz[], $10::timestamptz[])`,
      [
        ids,
        column((s) => s.kind),
        column((s) => s.subject.type),
        column((s) => s.subject.id),
        column((s) => s.subject.reference),
        column((s) => s.subject.districtId),
        column((s) => s.subject.responsibleUserId),
        column((s) => s.subject.policyVersion),
        column((s) => s.startsAt),
        column((s) => s.dueAt),
      ],
    );
    const steps: { id: string; deadline_id: string; fire_at: Date }[] = await manager.query(
      `INSERT INTO deadline_step (deadline_id, step, fire_at) SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])
       RETURNING id, deadline_id, fire_at`,
      [owners, planned.map((p) => p.step), planned.map((p) => p.fireAt)],
    );
    return ids.map((deadlineId) => ({
      deadlineId,
      steps: steps.filter((s) => s.deadline_id === deadlineId).map((s) => ({ id: s.id, fireAt: s.fire_at })),
    }));
  },

  /** Marks the subject's open deadline of this kind as met; its pending steps become no-ops. */
  meet(manager: EntityManager, subject: SubjectRef, kind: DeadlineKind, at: Date): Promise<string[]> {
    return closeOpen(manager, 'met_at', subject, kind, at);
  },

  cancel(manager: EntityManager, subject: SubjectRef, kind: DeadlineKind, at: Date): Promise<string[]> {
    return closeOpen(manager, 'cancelled_at', subject, kind, at);
  },

  async assign(manager: EntityManager, subject: SubjectRef, userId: string | null): Promise<void> {
    await manager.query(
      `UPDATE deadline SET responsible_user_id = $3 WHERE subject_type = $1 AND subject_id = $2 AND met_at IS NULL AND cancelled_at IS NULL`,
      [subject.type, subject.id, userId],
    );
  },

  /** The subject's open deadline of this kind, if one runs. */
  async open(manager: EntityManager, subject: SubjectRef, kind: DeadlineKind): Promise<DeadlineRow | null> {
    const rows: DeadlineRow[] = await manager.query(
      `SELECT ${DEADLINE_COLUMNS} FROM deadline d
        WHERE d.subject_type = $1 AND d.subject_id = $2 AND d.kind = $3 AND d.met_at IS NULL AND d.cancelled_at IS NULL
        ORDER BY d.created_at DESC LIMIT 1`,
      [subject.type, subject.id, kind],
    );
    return rows[0] ?? null;
  },

  forSubjects(manager: EntityManager, subjectType: DeadlineSubject, subjectIds: readonly string[]): Promise<DeadlineRow[]> {
    return manager.query(
      `SELECT ${DEADLINE_COLUMNS} FROM deadline d WHERE d.subject_type = $1 AND d.subject_id = ANY($2::uuid[]) ORDER BY d.due_at, d.kind, d.id`,
      [subjectType, subjectIds],
    );
  },

  /**
   * One page of the unfired steps of open deadlines due up to `until`, in (fire_at, id) order, starting after
   * `after`: keyset pagination, so each page costs one index range however far the walk has come. The cursor
   * keeps fire_at as PostgreSQL wrote it (microseconds), so steps that share a time are neither skipped nor repeated.
   */
  async pendingSteps(manager: EntityManager, until: Date, page: { after: StepCursor | null; limit: number }): Promise<PendingStepPage> {
    const rows: { id: string; fire_at: Date; cursor_at: string }[] = await manager.query(
      `SELECT s.id, s.fire_at, s.fire_at::text AS cursor_at FROM deadline_step s
        WHERE s.fired_at IS NULL AND s.closed_at IS NULL AND s.fire_at <= $1
          AND ($2::timestamptz IS NULL OR (s.fire_at, s.id) > ($2::timestamptz, $3::uuid))
        ORDER BY s.fire_at, s.id LIMIT $4`,
      [until, page.after?.fireAt ?? null, page.after?.id ?? null, page.limit],
    );
    const last = rows[rows.length - 1];
    return {
      steps: rows.map((r) => ({ id: r.id, fireAt: r.fire_at })),
      next: rows.length === page.limit ? { fireAt: last.cursor_at, id: last.id } : null,
    };
  },
};

async function closeOpen(
  manager: EntityManager,
  column: 'met_at' | 'cancelled_at',
  subject: SubjectRef,
  kind: DeadlineKind,
  at: Date,
): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `WITH closed AS (
       UPDATE deadline SET ${column} = $4
        WHERE subject_type = $1 AND subject_id = $2 AND kind = $3 AND met_at IS NULL AND cancelled_at IS NULL
       RETURNING id),
     closed_steps AS (
       UPDATE deadline_step s SET closed_at = $4 FROM closed c WHERE s.deadline_id = c.id AND s.fired_at IS NULL
       RETURNING s.id)
     SELECT id FROM closed_steps`,
    [subject.type, subject.id, kind, at],
  );
  return rows.map((r) => r.id);
}
