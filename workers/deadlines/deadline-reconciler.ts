import { deadlineRepository } from '../../db/deadlines/deadline.repository';
import { Runtime } from '../../platform/runtime';
import { fireStep } from './fire-step';

const BATCH = 500;

export interface ReconcileResult {
  readonly firedOverdue: number;
  readonly enqueued: number;
  readonly outboxRequeued: number;
}

/**
 * Rebuilds the queue from the database: fires every step whose time has come
 * (whatever happened to its job) and enqueues the steps due within the
 * horizon under their deterministic ids, so existing jobs are untouched.
 * This is what makes a lost Redis or a killed worker lose nothing.
 */
export async function reconcileDeadlines(runtime: Runtime): Promise<ReconcileResult> {
  const { dataSource, clock, jobs, config } = runtime;

  // First restore the queue, so the workers carry on while overdue steps are fired below.
  const horizon = new Date(clock.now().getTime() + config.scheduleHorizonMs);
  const upcoming = await deadlineRepository.pendingSteps(dataSource.manager, horizon, 50_000);
  const now = clock.now().getTime();
  await jobs.enqueueDeadlineSteps(upcoming.filter((s) => s.fireAt.getTime() > now));

  let firedOverdue = 0;
  const outboxIds: string[] = [];
  for (;;) {
    const due = await deadlineRepository.pendingSteps(dataSource.manager, clock.now(), BATCH);
    const results = await inParallel(due, FIRE_CONCURRENCY, (step) => dataSource.transaction((manager) => fireStep(manager, step.id, clock.now())));
    for (const result of results) {
      if (result.kind === 'fired') {
        firedOverdue += 1;
        outboxIds.push(...result.outboxIds);
      }
    }
    if (due.length < BATCH) break;
  }
  await jobs.enqueueOutbox(outboxIds);

  const pendingOutbox: { id: string }[] = await dataSource.query(`SELECT id FROM outbox WHERE status = 'PENDING' ORDER BY created_at LIMIT 10000`);
  await jobs.enqueueOutbox(pendingOutbox.map((r) => r.id));
  return { firedOverdue, enqueued: upcoming.length, outboxRequeued: pendingOutbox.length };
}

/** Overdue steps are fired a few at a time: fast after an outage, without exhausting the pool. */
const FIRE_CONCURRENCY = 4;

async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}
