import { EntityManager } from 'typeorm';
import { NotificationSpec, writeNotifications } from '../../db/notifications/notification.repository';
import { AgencyKind, Role } from '../../domain/access/roles';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { DEADLINE_SUBJECTS } from '../../domain/deadlines/deadline-subjects';
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

interface ClaimedStep {
  stepId: string;
  step: string;
  deadlineId: string;
  kind: DeadlineKind;
  subjectType: DeadlineSubject;
  subjectId: string;
  districtId: string;
  responsibleUserId: string | null;
  dueAt: Date;
  reference: string;
  timeZone: string;
}

/**
 * Fires due steps, each at most once: a guarded UPDATE of `fired_at` and the
 * notifications (unique keys) commit together, so a job that runs twice, or
 * races another worker or the reconciler, changes nothing the second time.
 * Set-based: one claim, one insert of notifications and one of e-mails per batch.
 */
export async function fireSteps(manager: EntityManager, request: FireRequest, now: Date): Promise<FireResult> {
  const claimed: ClaimedStep[] = await manager.query(
    `WITH own AS (
       SELECT id FROM deadline_step WHERE id = ANY($1::uuid[]) FOR UPDATE
     ), swept AS (
       SELECT id FROM deadline_step
        WHERE $4::int > 0 AND fired_at IS NULL AND closed_at IS NULL AND fire_at <= $2 AND NOT (id = ANY($1::uuid[]))
        ORDER BY fire_at LIMIT $4
        FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE deadline_step s SET fired_at = $2
         FROM deadline d
        WHERE s.id IN (SELECT id FROM own UNION ALL SELECT id FROM swept)
          AND s.fired_at IS NULL AND s.closed_at IS NULL
          AND s.fire_at <= CASE WHEN s.id = ANY($1::uuid[]) THEN $3 ELSE $2 END
          AND d.id = s.deadline_id AND d.met_at IS NULL AND d.cancelled_at IS NULL
       RETURNING s.id AS "stepId", s.step, d.id AS "deadlineId", d.kind, d.subject_type AS "subjectType", d.subject_id AS "subjectId",
                 d.subject_reference AS reference, d.district_id AS "districtId", d.responsible_user_id AS "responsibleUserId",
                 d.due_at AS "dueAt", d.policy_version
     )
     SELECT c.*, p.settings->>'timeZone' AS "timeZone"
       FROM claimed c
       JOIN district_policy p ON p.district_id = c."districtId" AND p.version = c.policy_version`,
    [request.stepIds, now, new Date(now.getTime() + EARLY_TOLERANCE_MS), request.sweep],
  );
  if (claimed.length === 0) return { firedIds: [], outboxIds: [] };

  const breached = claimed.filter((c) => c.step === 'breach').map((c) => c.deadlineId);
  if (breached.length) await manager.query(`UPDATE deadline SET breached_at = $2 WHERE id = ANY($1::uuid[]) AND breached_at IS NULL`, [breached, now]);
  const escalated = claimed.filter((c) => c.step === 'escalate').map((c) => c.deadlineId);
  if (escalated.length) await manager.query(`UPDATE deadline SET escalation_level = escalation_level + 1 WHERE id = ANY($1::uuid[])`, [escalated]);

  const supervisors = await escalationRecipients(manager, claimed
    .filter((c) => stepAudience(c.step, c.responsibleUserId !== null) === 'supervisors')
    .map((c) => ({ districtId: c.districtId, ...DEADLINE_SUBJECTS[c.subjectType].escalateTo })));
  const notifications: NotificationSpec[] = claimed.flatMap((c) => {
    const audience = stepAudience(c.step, c.responsibleUserId !== null);
    const recipients = audience === 'responsible' ? [c.responsibleUserId!] : supervisors.get(escalationKey({ districtId: c.districtId, ...DEADLINE_SUBJECTS[c.subjectType].escalateTo })) ?? [];
    const message = deadlineStepMessage(c.kind, c.subjectType, c.step, c.reference, new Date(c.dueAt), c.timeZone);
    return recipients.map((userId) => ({
      userId, kind: `DEADLINE_${c.step.toUpperCase()}`, message, subjectType: c.subjectType, subjectId: c.subjectId,
      dedupeKey: `deadline-step:${c.stepId}:${userId}`, email: true,
    }));
  });
  const outboxIds = await writeNotifications(manager, notifications);
  return { firedIds: claimed.map((c) => c.stepId), outboxIds };
}

interface EscalationTarget {
  readonly districtId: string;
  readonly agencyKind: AgencyKind;
  readonly role: Role;
}

const escalationKey = (t: EscalationTarget) => `${t.districtId}|${t.agencyKind}|${t.role}`;

/** The users each subject's registry entry names for a district (social services supervisors for a report), in one query. */
async function escalationRecipients(manager: EntityManager, targets: EscalationTarget[]): Promise<Map<string, string[]>> {
  const unique = [...new Map(targets.map((t) => [escalationKey(t), t])).values()];
  const result = new Map<string, string[]>();
  if (unique.length === 0) return result;
  const rows: { districtId: string; agencyKind: AgencyKind; role: Role; userId: string }[] = await manager.query(
    `SELECT t.district_id AS "districtId", t.agency_kind AS "agencyKind", t.role, u.id AS "userId"
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(district_id, agency_kind, role)
       JOIN agency a ON a.kind = t.agency_kind AND t.district_id = ANY(a.district_ids)
       JOIN app_user u ON u.agency_id = a.id AND t.role = ANY(u.roles) AND u.disabled_at IS NULL
      ORDER BY u.id`,
    [unique.map((t) => t.districtId), unique.map((t) => t.agencyKind), unique.map((t) => t.role)],
  );
  for (const row of rows) {
    const key = escalationKey(row);
    result.set(key, [...(result.get(key) ?? []), row.userId]);
  }
  return result;
}

/** When a step that did not fire is due, or null when it fired, closed or does not exist. */
export async function pendingFireAt(manager: EntityManager, stepId: string): Promise<Date | null> {
  const [row] = await manager.query(`SELECT fire_at FROM deadline_step WHERE id = $1 AND fired_at IS NULL AND closed_at IS NULL`, [stepId]);
  return row ? row.fire_at : null;
}
