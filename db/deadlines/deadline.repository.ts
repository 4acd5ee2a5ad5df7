import { EntityManager } from 'typeorm';
import { DeadlineKind, DeadlineSubject, computeDueAt } from '../../domain/deadlines/deadline-kinds';
import { planSteps, stepsStillAhead } from '../../domain/deadlines/deadline-steps';
import { DistrictPolicy } from '../../domain/districts/district-policy';

export interface NewDeadline {
  readonly kind: DeadlineKind;
  readonly subjectType: DeadlineSubject;
  readonly subjectId: string;
  readonly districtId: string;
  readonly responsibleUserId: string | null;
  readonly policy: DistrictPolicy;
  readonly policyVersion: number;
  readonly startsAt: Date;
  /** Overrides the policy's window, e.g. an extended investigation. */
  readonly dueAt?: Date;
  /** When given, reminders before this time are not planned (see `stepsStillAhead`). */
  readonly now?: Date;
}

export interface PendingStep {
  readonly id: string;
  readonly fireAt: Date;
}

export interface DeadlineRow {
  id: string;
  kind: DeadlineKind;
  subjectType: DeadlineSubject;
  subjectId: string;
  districtId: string;
  responsibleUserId: string | null;
  policyVersion: number;
  startsAt: Date;
  dueAt: Date;
  metAt: Date | null;
  breachedAt: Date | null;
  cancelledAt: Date | null;
  escalationLevel: number;
}

export const DEADLINE_COLUMNS = `d.id, d.kind, d.subject_type AS "subjectType", d.subject_id AS "subjectId", d.district_id AS "districtId",
  d.responsible_user_id AS "responsibleUserId", d.policy_version AS "policyVersion", d.starts_at AS "startsAt", d.due_at AS "dueAt",
  d.met_at AS "metAt", d.breached_at AS "breachedAt", d.cancelled_at AS "cancelledAt", d.escalation_level AS "escalationLevel"`;

/**
 * The deadlines engine's persistence. Each write runs in the caller's
 * transaction, next to the domain change that caused it; the caller enqueues
 * the returned steps after commit.
 */
export const deadlineRepository = {
  async create(manager: EntityManager, spec: NewDeadline): Promise<{ deadlineId: string; dueAt: Date; steps: PendingStep[] }> {
    const dueAt = spec.dueAt ?? computeDueAt(spec.kind, spec.policy, spec.startsAt);
    const [{ id }] = await manager.query(
      `INSERT INTO deadline (kind, subject_type, subject_id, district_id, responsible_user_id, policy_version, starts_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [spec.kind, spec.subjectType, spec.subjectId, spec.districtId, spec.responsibleUserId, spec.policyVersion, spec.startsAt, dueAt],
    );
    const all = planSteps(spec.kind, spec.policy, spec.startsAt, dueAt);
    const planned = spec.now ? stepsStillAhead(all, spec.now) : all;
    const steps: { id: string; fire_at: Date }[] = await manager.query(
      `INSERT INTO deadline_step (deadline_id, step, fire_at) SELECT $1, * FROM unnest($2::text[], $3::timestamptz[]) RETURNING id, fire_at`,
      [id, planned.map((p) => p.step), planned.map((p) => p.fireAt)],
    );
    return { deadlineId: id, dueAt, steps: steps.map((s) => ({ id: s.id, fireAt: s.fire_at })) };
  },

  /** Marks the subject's open deadline of this kind as met; its pending steps become no-ops. */
  async meet(manager: EntityManager, subjectType: DeadlineSubject, subjectId: string, kind: DeadlineKind, at: Date): Promise<string[]> {
    return closeOpen(manager, 'met_at', subjectType, subjectId, kind, at);
  },

  async cancel(manager: EntityManager, subjectType: DeadlineSubject, subjectId: string, kind: DeadlineKind, at: Date): Promise<string[]> {
    return closeOpen(manager, 'cancelled_at', subjectType, subjectId, kind, at);
  },

  async assign(manager: EntityManager, subjectType: DeadlineSubject, subjectId: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE deadline SET responsible_user_id = $3 WHERE subject_type = $1 AND subject_id = $2 AND met_at IS NULL AND cancelled_at IS NULL`,
      [subjectType, subjectId, userId],
    );
  },

  forSubjects(manager: EntityManager, subjectType: DeadlineSubject, subjectIds: readonly string[]): Promise<DeadlineRow[]> {
    return manager.query(
      `SELECT ${DEADLINE_COLUMNS} FROM deadline d WHERE d.subject_type = $1 AND d.subject_id = ANY($2::uuid[]) ORDER BY d.due_at, d.kind, d.id`,
      [subjectType, subjectIds],
    );
  },

  /** Unfired steps of open deadlines due up to `until`, oldest first. */
  async pendingSteps(manager: EntityManager, until: Date, limit: number): Promise<PendingStep[]> {
    const rows: { id: string; fire_at: Date }[] = await manager.query(
      `SELECT s.id, s.fire_at FROM deadline_step s
        WHERE s.fired_at IS NULL AND s.closed_at IS NULL AND s.fire_at <= $1
        ORDER BY s.fire_at LIMIT $2`,
      [until, limit],
    );
    return rows.map((r) => ({ id: r.id, fireAt: r.fire_at }));
  },
};

async function closeOpen(
  manager: EntityManager, column: 'met_at' | 'cancelled_at', subjectType: DeadlineSubject, subjectId: string, kind: DeadlineKind, at: Date,
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
    [subjectType, subjectId, kind, at],
  );
  return rows.map((r) => r.id);
}
