import { EntityManager } from 'typeorm';
import { AgencyKind, Role } from '../../domain/access/roles';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';

export interface ClaimRequest {
  /** Steps to fire, waiting for their row locks (a job's own step); they may fire up to `ownUntil`. */
  readonly stepIds: readonly string[];
  readonly ownUntil: Date;
  /** Also claim up to this many other steps due by `now`, skipping rows another transaction holds. */
  readonly sweep: number;
}

/** A step claimed for firing, with what its notifications need: no join into the subject's table. */
export interface ClaimedStep {
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

export interface EscalationTarget {
  readonly districtId: string;
  readonly agencyKind: AgencyKind;
  readonly role: Role;
}

export const escalationKey = (t: EscalationTarget) => `${t.districtId}|${t.agencyKind}|${t.role}`;

/** The firing side of the deadlines engine: every statement a step job or the reconciler sends. */
export const deadlineStepRepository = {
  /** Sets `fired_at` on the due steps of open deadlines, at most once each (a guarded UPDATE), and returns them. */
  claimDue(manager: EntityManager, request: ClaimRequest, now: Date): Promise<ClaimedStep[]> {
    return manager.query(
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
      [request.stepIds, now, request.ownUntil, request.sweep],
    );
  },

  async markBreached(manager: EntityManager, deadlineIds: readonly string[], at: Date): Promise<void> {
    if (deadlineIds.length)
      await manager.query(`UPDATE deadline SET breached_at = $2 WHERE id = ANY($1::uuid[]) AND breached_at IS NULL`, [deadlineIds, at]);
  },

  async escalate(manager: EntityManager, deadlineIds: readonly string[]): Promise<void> {
    if (deadlineIds.length)
      await manager.query(`UPDATE deadline SET escalation_level = escalation_level + 1 WHERE id = ANY($1::uuid[])`, [deadlineIds]);
  },

  /** The users each target names (a role in the district's agencies of a kind), by `escalationKey`, in one query. */
  async escalationRecipients(manager: EntityManager, targets: readonly EscalationTarget[]): Promise<Map<string, string[]>> {
    const unique = [...new Map(targets.map((t) => [escalationKey(t), t])).values()];
    const result = new Map<string, string[]>();
    if (unique.length === 0) return result;
    const rows: (EscalationTarget & { userId: string })[] = await manager.query(
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
  },

  /** When a step that did not fire is due, or null when it fired, closed or does not exist. */
  async pendingFireAt(manager: EntityManager, stepId: string): Promise<Date | null> {
    const [row] = await manager.query(`SELECT fire_at FROM deadline_step WHERE id = $1 AND fired_at IS NULL AND closed_at IS NULL`, [
      stepId,
    ]);
    return row ? row.fire_at : null;
  },

  /**
   * Retention: the steps of these subjects' clocks that have not fired or closed go, in the sweep's transaction; the
   * caller removes their queue jobs after the commit. The deadline rows stay: codes and dates the indicators count.
   */
  async deletePendingOf(manager: EntityManager, subjectIds: readonly string[]): Promise<string[]> {
    if (!subjectIds.length) return [];
    const rows = (await manager.query(
      `WITH gone AS (DELETE FROM deadline_step s USING deadline d
        WHERE s.deadline_id = d.id AND d.subject_id = ANY($1::uuid[]) AND s.fired_at IS NULL AND s.closed_at IS NULL
        RETURNING s.id) SELECT id FROM gone`,
      [subjectIds],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  },
};
