import type { EntityManager } from 'typeorm';
import { RESEARCH_BIRTH_DAYS } from '../../domain/retention/retention-rules';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { withPolicyDefaults } from '../../platform/districts/district-settings';
import { EntityRow, selectList } from '../columns';
import { LegalHoldEntity } from './legal-hold.entity';
import { RetentionRunEntity } from './retention-run.entity';
import { sweptCount, type RetentionBatch, type RetentionOutcome } from '../personal-data/personal-data';

export type LegalHoldRow = EntityRow<LegalHoldEntity>;
export type RetentionRunRow = EntityRow<RetentionRunEntity>;

const HOLD_COLUMNS = selectList(LegalHoldEntity, 'h');
const RUN_COLUMNS = selectList(RetentionRunEntity, 'r', { as: { runDate: `to_char(r.run_date, 'YYYY-MM-DD')` } });

/** SQL, true when a child's records are held (a hold on the child, or on the case in `caseIdColumn`) or kept for research. */
export function keptSql(researchException: boolean) {
  return (childIdColumn: string, caseIdColumn?: string): string => {
    const onCase = caseIdColumn ? ` OR kh.case_id = ${caseIdColumn}` : '';
    const hold = `EXISTS (SELECT 1 FROM legal_hold kh WHERE kh.lifted_at IS NULL AND ((kh.child_id = ${childIdColumn} AND kh.case_id IS NULL)${onCase}))`;
    if (!researchException) return hold;
    const days = RESEARCH_BIRTH_DAYS.join(', ');
    return `(${hold} OR EXISTS (SELECT 1 FROM child kc WHERE kc.id = ${childIdColumn} AND extract(day FROM kc.birth_date) IN (${days})))`;
  };
}

/** SQL, true when the record in `idColumn` has not been swept as `recordType`; the type is ours, never user input. */
export function pendingSql(recordType: string) {
  if (!/^[A-Z_]+$/.test(recordType)) throw new Error(`Not a record type: ${recordType}`);
  return (idColumn: string) =>
    `NOT EXISTS (SELECT 1 FROM retention_sweep s WHERE s.record_type = '${recordType}' AND s.record_id = ${idColumn})`;
}

/** SQL, true when the user in `userIdColumn` works in the district (their agency serves it or no district). */
export function ofUserSql(districtId: string) {
  if (!/^[0-9a-f-]{36}$/.test(districtId)) throw new Error(`Not a district id: ${districtId}`);
  return (userIdColumn: string): string =>
    `EXISTS (SELECT 1 FROM app_user u JOIN agency a ON a.id = u.agency_id
      WHERE u.id = ${userIdColumn} AND ('${districtId}'::uuid = ANY(a.district_ids) OR cardinality(a.district_ids) = 0))`;
}

export type BatchSql = Pick<RetentionBatch, 'kept' | 'pending' | 'ofUser'>;

export const retentionRepository = {
  async districts(manager: EntityManager): Promise<{ id: string; policyVersion: number; policy: DistrictPolicy }[]> {
    const rows = (await manager.query(
      `SELECT d.id, p.version AS "policyVersion", p.settings
         FROM district d JOIN district_policy p ON p.district_id = d.id AND p.version = d.policy_version ORDER BY d.id`,
    )) as { id: string; policyVersion: number; settings: Partial<DistrictPolicy> }[];
    return rows.map((r) => ({ id: r.id, policyVersion: r.policyVersion, policy: withPolicyDefaults(r.settings) }));
  },

  /** The day's run of the district, created on first start and resumed on any later start that day. */
  async openRun(manager: EntityManager, districtId: string, runDate: string, policyVersion: number, now: Date): Promise<RetentionRunRow> {
    await manager.query(
      `INSERT INTO retention_run (district_id, run_date, policy_version, started_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (district_id, run_date) DO NOTHING`,
      [districtId, runDate, policyVersion, now],
    );
    const [row] = (await manager.query(`SELECT ${RUN_COLUMNS} FROM retention_run r WHERE r.district_id = $1 AND r.run_date = $2`, [
      districtId,
      runDate,
    ])) as RetentionRunRow[];
    return row;
  },

  /** In the sweep's own transaction: the records count once, with the run, or not at all. */
  async recordSweep(manager: EntityManager, runId: string, recordType: string, outcome: RetentionOutcome, now: Date): Promise<void> {
    const count = sweptCount(outcome);
    if (!count) return;
    if (outcome.recordIds.length)
      await manager.query(`INSERT INTO retention_sweep (record_type, record_id, run_id, swept_at) SELECT $1, unnest($2::uuid[]), $3, $4`, [
        recordType,
        outcome.recordIds,
        runId,
        now,
      ]);
    await manager.query(
      `UPDATE retention_run SET counts = jsonb_set(counts, ARRAY[$2::text], to_jsonb(coalesce((counts->>$2)::int, 0) + $3::int))
        WHERE id = $1`,
      [runId, recordType, count],
    );
  },

  async finishRun(manager: EntityManager, runId: string, now: Date): Promise<void> {
    await manager.query(`UPDATE retention_run SET finished_at = $2 WHERE id = $1`, [runId, now]);
  },

  async runs(manager: EntityManager, districtIds: readonly string[], limit: number): Promise<RetentionRunRow[]> {
    return manager.query(
      `SELECT ${RUN_COLUMNS} FROM retention_run r WHERE r.district_id = ANY($1::uuid[]) ORDER BY r.run_date DESC, r.district_id LIMIT $2`,
      [districtIds, limit],
    );
  },

  async holds(manager: EntityManager, districtIds: readonly string[], childId: string | null): Promise<LegalHoldRow[]> {
    return manager.query(
      `SELECT ${HOLD_COLUMNS} FROM legal_hold h
        WHERE h.district_id = ANY($1::uuid[]) AND h.lifted_at IS NULL AND ($2::uuid IS NULL OR h.child_id = $2)
        ORDER BY h.placed_at DESC, h.id`,
      [districtIds, childId],
    );
  },

  async hold(manager: EntityManager, id: string, lock = false): Promise<LegalHoldRow | null> {
    const [row] = await manager.query(`SELECT ${HOLD_COLUMNS} FROM legal_hold h WHERE h.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ?? null;
  },

  async placeHold(
    manager: EntityManager,
    hold: Pick<LegalHoldRow, 'districtId' | 'childId' | 'caseId' | 'reason' | 'placedByUserId' | 'placedAt'>,
  ) {
    const result = await manager.insert(LegalHoldEntity, hold);
    return result.identifiers[0].id as string;
  },

  async liftHold(manager: EntityManager, id: string, liftReason: string, userId: string, now: Date): Promise<void> {
    await manager.update(LegalHoldEntity, { id }, { liftReason, liftedByUserId: userId, liftedAt: now });
  },

  /** The child of a collaboration case, for a hold on the case (null: no such case in the viewer's districts). */
  async caseChild(manager: EntityManager, caseId: string): Promise<{ childId: string; districtId: string } | null> {
    const [row] = await manager.query(`SELECT child_id AS "childId", district_id AS "districtId" FROM collaboration_case WHERE id = $1`, [
      caseId,
    ]);
    return row ?? null;
  },

  async child(manager: EntityManager, childId: string): Promise<{ id: string; districtId: string } | null> {
    const [row] = await manager.query(`SELECT id, district_id AS "districtId" FROM child WHERE id = $1`, [childId]);
    return row ?? null;
  },
};
