import { EntityManager } from 'typeorm';
import { DEADLINE_COLUMNS, DeadlineRow } from '../../db/deadlines/deadline.repository';
import { districtSupervisors, writeNotifications } from '../../db/notifications/notification.repository';
import { DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { stepAudience } from '../../domain/deadlines/deadline-steps';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { deadlineStepMessage } from '../../domain/notifications/notification-content';

/** A job may run this much before its step's time (clock skew between processes) and still fire it. */
export const EARLY_TOLERANCE_MS = 5_000;

export type FireResult =
  | { readonly kind: 'fired'; readonly outboxIds: string[]; readonly notified: number }
  | { readonly kind: 'not-due'; readonly fireAt: Date }
  /** Already fired, or the deadline was met or cancelled: nothing to do. */
  | { readonly kind: 'stale' };

/** How each subject type is named in messages: by its reference, never by the child. */
const SUBJECT_REFERENCE: { readonly [S in DeadlineSubject]: string } = {
  [DeadlineSubject.REPORT]: `SELECT reference FROM report WHERE id = $1`,
};

/**
 * Fires one step, at most once: the guarded UPDATE of `fired_at` and the
 * notifications (unique keys) commit together, so a job that runs twice, or
 * races the reconciler, changes nothing the second time.
 */
export async function fireStep(manager: EntityManager, stepId: string, now: Date): Promise<FireResult> {
  const claimed: (DeadlineRow & { step: string })[] = await manager.query(
    `WITH claimed AS (
       UPDATE deadline_step s SET fired_at = $2
         FROM deadline d
        WHERE s.id = $1 AND s.fired_at IS NULL AND d.id = s.deadline_id AND d.met_at IS NULL AND d.cancelled_at IS NULL
          AND s.fire_at <= $3
       RETURNING s.step, ${DEADLINE_COLUMNS})
     SELECT * FROM claimed`,
    [stepId, now, new Date(now.getTime() + EARLY_TOLERANCE_MS)],
  );
  const deadline = claimed[0];
  if (!deadline) {
    const [pending] = await manager.query(
      `SELECT s.fire_at FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id
        WHERE s.id = $1 AND s.fired_at IS NULL AND d.met_at IS NULL AND d.cancelled_at IS NULL`,
      [stepId],
    );
    return pending ? { kind: 'not-due', fireAt: pending.fire_at } : { kind: 'stale' };
  }

  if (deadline.step === 'breach') {
    await manager.query(`UPDATE deadline SET breached_at = $2 WHERE id = $1 AND breached_at IS NULL`, [deadline.id, now]);
  } else if (deadline.step === 'escalate') {
    await manager.query(`UPDATE deadline SET escalation_level = escalation_level + 1 WHERE id = $1`, [deadline.id]);
  }

  const audience = stepAudience(deadline.step, deadline.responsibleUserId !== null);
  const recipients = audience === 'responsible' ? [deadline.responsibleUserId!] : await districtSupervisors(manager, deadline.districtId);
  const [{ reference }] = await manager.query(SUBJECT_REFERENCE[deadline.subjectType], [deadline.subjectId]);
  const [{ settings }]: { settings: DistrictPolicy }[] = await manager.query(
    `SELECT settings FROM district_policy WHERE district_id = $1 AND version = $2`, [deadline.districtId, deadline.policyVersion]);
  const message = deadlineStepMessage(deadline.kind, deadline.step, reference, deadline.dueAt, settings.timeZone);

  const outboxIds = await writeNotifications(manager, recipients.map((userId) => ({
    userId,
    kind: `DEADLINE_${deadline.step.toUpperCase()}`,
    message,
    subjectType: deadline.subjectType,
    subjectId: deadline.subjectId,
    dedupeKey: `deadline-step:${stepId}:${userId}`,
    email: true,
  })));
  return { kind: 'fired', outboxIds, notified: recipients.length };
}
