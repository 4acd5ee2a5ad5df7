import { EntityManager } from 'typeorm';
import { deadlineStepRepository, escalationKey } from '../../db/deadlines/deadline-step.repository';
import { NotificationSpec, writeNotifications } from '../../db/notifications/notification.repository';
import { DEADLINE_KINDS, DEADLINE_SUBJECTS } from '../../platform/deadlines/deadline-clocks';
import { stepAudience } from '../../domain/deadlines/deadline-steps';
import { deadlineStepMessage } from '../../domain/notifications/notification-content';

/** A job may run this much before its own step's time (clock skew between processes) and still fire it; swept steps never fire early. */
export const EARLY_TOLERANCE_MS = 5_000;

/** How many other due steps one job or reconciler pass fires along with its own. */
export const SWEEP_LIMIT = 200;

export interface FireRequest {
  /** Steps to fire, waiting for their row locks (a job's own step). */
  readonly stepIds: readonly string[];
  /** Also fire up to this many other due steps, skipping rows another transaction holds. */
  readonly sweep: number;
}

export interface FireResult {
  readonly firedIds: string[];
  readonly outboxIds: string[];
}

/**
 * Fires due steps, each at most once: a guarded UPDATE of `fired_at` and the
 * notifications (unique keys) commit together, so a job that runs twice, or
 * races another worker or the reconciler, changes nothing the second time.
 * Set-based: one claim, one insert of notifications and one of e-mails per batch.
 * The subject's reference comes from the deadline row; who hears from the subject registry.
 */
export async function fireSteps(manager: EntityManager, request: FireRequest, now: Date): Promise<FireResult> {
  const claimed = await deadlineStepRepository.claimDue(
    manager,
    {
      stepIds: request.stepIds,
      ownUntil: new Date(now.getTime() + EARLY_TOLERANCE_MS),
      sweep: request.sweep,
    },
    now,
  );
  if (claimed.length === 0) return { firedIds: [], outboxIds: [] };

  await deadlineStepRepository.markBreached(
    manager,
    claimed.filter((c) => c.step === 'breach').map((c) => c.deadlineId),
    now,
  );
  await deadlineStepRepository.escalate(
    manager,
    claimed.filter((c) => c.step === 'escalate').map((c) => c.deadlineId),
  );

  const targetOf = (c: (typeof claimed)[number]) => ({ districtId: c.districtId, ...DEADLINE_SUBJECTS[c.subjectType].escalateTo });
  const escalation = await deadlineStepRepository.escalationRecipients(
    manager,
    claimed.filter((c) => stepAudience(c.step, c.responsibleUserId !== null) === 'supervisors').map(targetOf),
  );
  const notifications: NotificationSpec[] = claimed.flatMap((c) => {
    const audience = stepAudience(c.step, c.responsibleUserId !== null);
    const recipients = audience === 'responsible' ? [c.responsibleUserId!] : (escalation.get(escalationKey(targetOf(c))) ?? []);
    const message = deadlineStepMessage(
      DEADLINE_KINDS[c.kind],
      DEADLINE_SUBJECTS[c.subjectType],
      c.step,
      c.reference,
      new Date(c.dueAt),
      c.timeZone,
    );
    return recipients.map((userId) => ({
      userId,
      kind: `DEADLINE_${c.step.toUpperCase()}`,
      message,
      subjectType: c.subjectType,
      subjectId: c.subjectId,
      dedupeKey: `deadline-step:${c.stepId}:${userId}`,
      email: true,
    }));
  });
  const outboxIds = await writeNotifications(manager, notifications);
  return { firedIds: claimed.map((c) => c.stepId), outboxIds };
}

/** When a step that did not fire is due, or null when it fired, closed or does not exist. */
export const pendingFireAt = deadlineStepRepository.pendingFireAt;
