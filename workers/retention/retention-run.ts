import type { EntityManager } from 'typeorm';
import { asSystem } from '../../db/access/row-scope';
import { sweptCount, type RetentionBatch, type RetentionRule } from '../../db/personal-data/personal-data';
import { keptSql, ofUserSql, pendingSql, retentionRepository } from '../../db/retention/retention.repository';
import type { DistrictPolicy } from '../../domain/districts/district-policy';
import { RETENTION_BATCH, retentionCutoff } from '../../domain/retention/retention-rules';
import { calendarDateAt, formatCalendarDate } from '../../domain/time/calendar-date';
import { deadlineStepJobId } from '../../platform/queues/job-scheduler';
import { PLATFORM_QUEUES } from '../../platform/queues/queue-names';
import type { WorkerDeps } from '../worker-deps';

export interface RetentionRunOptions {
  readonly districtId?: string;
  readonly batchSize?: number;
  /** Called inside each batch's transaction after its sweep: a throw there is a crash before the commit. */
  readonly afterSweep?: (recordType: string, batchNumber: number) => void;
}

export interface DistrictRunResult {
  readonly districtId: string;
  readonly runId: string;
  readonly counts: Record<string, number>;
}

const rulesOf = (deps: Pick<WorkerDeps, 'registry'>): readonly RetentionRule[] =>
  deps.registry.personalData.flatMap((table) => table.retention ?? []);

function batchFor(rule: RetentionRule, districtId: string, policy: DistrictPolicy, now: Date, limit: number): RetentionBatch {
  const months = policy[rule.setting];
  if (typeof months !== 'number') throw new Error(`Retention setting ${rule.setting} is not a number of months`);
  return {
    districtId,
    cutoff: retentionCutoff(now, months, policy.timeZone),
    limit,
    kept: keptSql(policy.retentionResearchException),
    pending: pendingSql(rule.recordType),
    ofUser: ofUserSql(districtId),
  };
}

/**
 * The nightly run: every module's retention rules, district by district, in batches of their own transaction.
 * Each batch marks its records swept and adds to the day's run row in the same commit, so a run killed halfway
 * resumes (a later start the same day continues that row) without counting anything twice.
 */
export async function runRetention(deps: WorkerDeps, options: RetentionRunOptions = {}): Promise<DistrictRunResult[]> {
  const now = deps.clock.now();
  const limit = options.batchSize ?? RETENTION_BATCH;
  const districts = (await asSystem(deps.dataSource, (m) => retentionRepository.districts(m))).filter(
    (d) => !options.districtId || d.id === options.districtId,
  );
  const steps = deps.queues.queue(PLATFORM_QUEUES.deadlineSteps);
  const results: DistrictRunResult[] = [];
  try {
    for (const district of districts) {
      const runDate = formatCalendarDate(calendarDateAt(now, district.policy.timeZone));
      const run = await asSystem(deps.dataSource, (m) => retentionRepository.openRun(m, district.id, runDate, district.policyVersion, now));
      for (const rule of rulesOf(deps)) {
        const batch = batchFor(rule, district.id, district.policy, now, limit);
        for (let n = 1; ; n++) {
          const outcome = await asSystem(deps.dataSource, async (manager) => {
            const swept = await rule.sweep(manager, batch);
            options.afterSweep?.(rule.recordType, n);
            await retentionRepository.recordSweep(manager, run.id, rule.recordType, swept, now);
            return swept;
          });
          // After the commit: a job left behind finds no step and ends as 'stale'; removing it keeps the queue honest.
          await Promise.all(outcome.deadlineStepIds.map((id) => steps.remove(deadlineStepJobId(id))));
          if (sweptCount(outcome) < limit) break;
        }
      }
      await asSystem(deps.dataSource, (m) => retentionRepository.finishRun(m, run.id, deps.clock.now()));
      const [done] = await asSystem(deps.dataSource, (m) => retentionRepository.runs(m, [district.id], 1));
      results.push({ districtId: district.id, runId: run.id, counts: done.counts });
    }
  } finally {
    await steps.close();
  }
  return results;
}

class DryRunRollback extends Error {
  constructor(readonly counts: Record<string, number>) {
    super('dry run');
  }
}

/** What a run would sweep in one district now, by record type: the sweeps run in a transaction that is rolled back. */
export async function dryRunRetention(deps: Pick<WorkerDeps, 'dataSource' | 'clock' | 'registry'>, districtId: string) {
  const now = deps.clock.now();
  try {
    await asSystem(deps.dataSource, async (manager: EntityManager) => {
      const district = (await retentionRepository.districts(manager)).find((d) => d.id === districtId);
      if (!district) throw new Error(`No district ${districtId}`);
      const counts: Record<string, number> = {};
      for (const rule of rulesOf(deps)) {
        const outcome = await rule.sweep(manager, batchFor(rule, districtId, district.policy, now, 1_000_000_000));
        counts[rule.recordType] = sweptCount(outcome);
      }
      throw new DryRunRollback(counts);
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.counts;
    throw error;
  }
  throw new Error('unreachable');
}
