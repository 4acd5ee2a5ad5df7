import type { EntityManager } from 'typeorm';
import { NOTHING_SWEPT, type RetentionBatch, type RetentionOutcome, type RetentionRule } from '../personal-data/personal-data';

/**
 * The access log is itself personal data (who read which child's records), so its events go too, after the
 * district's time for supervision; the log of a child under a legal hold or kept for research stays with the
 * records. An event with no district goes by its actor's districts. Only the database function deletes them
 * (migration 1734880320000): the log stays append-only for every other statement.
 */
async function deleteEvents(manager: EntityManager, batch: RetentionBatch): Promise<RetentionOutcome> {
  const picked = (await manager.query(
    `SELECT x.id FROM audit_event x
      WHERE x.occurred_at < $2
        AND (x.district_id = $1 OR (x.district_id IS NULL AND (x.actor_user_id IS NULL OR ${batch.ofUser('x.actor_user_id')})))
        AND NOT (x.child_id IS NOT NULL AND ${batch.kept('x.child_id')})
        AND NOT EXISTS (SELECT 1 FROM unnest(x.child_ids) k(id) WHERE ${batch.kept('k.id')})
      ORDER BY x.id LIMIT $3`,
    [batch.districtId, batch.cutoff, batch.limit],
  )) as { id: string }[];
  if (!picked.length) return NOTHING_SWEPT;
  const [{ n }] = (await manager.query(`SELECT samverka_retention_delete_audit($1::bigint[]) AS n`, [picked.map((r) => r.id)])) as {
    n: number;
  }[];
  return { recordIds: [], deleted: n, deadlineStepIds: [] };
}

export const AUDIT_RETENTION: readonly RetentionRule[] = [
  {
    recordType: 'AUDIT_EVENT',
    measuredFrom: 'the event',
    setting: 'retentionAuditMonths',
    action: 'DELETE',
    sweep: deleteEvents,
  },
];
