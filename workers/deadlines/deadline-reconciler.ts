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
  let firedOverdue = 0;
  const outboxIds: string[] = [];
  for (;;) {
    const due = await deadlineRepository.pendingSteps(dataSource.manager, clock.now(), BATCH);
    for (const step of due) {
      const result = await dataSource.transaction((manager) => fireStep(manager, step.id, clock.now()));
      if (result.kind === 'fired') {
        firedOverdue += 1;
        outboxIds.push(...result.outboxIds);
      }
    }
    if (due.length < BATCH) break;
  }
  await jobs.enqueueOutbox(outboxIds);

  const horizon = new Date(clock.now().getTime() + config.scheduleHorizonMs);
  const upcoming = await deadlineRepository.pendingSteps(dataSource.manager, horizon, 50_000);
  await jobs.enqueueDeadlineSteps(upcoming);

  const pendingOutbox: { id: string }[] = await dataSource.query(`SELECT id FROM outbox WHERE status = 'PENDING' ORDER BY created_at LIMIT 10000`);
  await jobs.enqueueOutbox(pendingOutbox.map((r) => r.id));
  return { firedOverdue, enqueued: upcoming.length, outboxRequeued: pendingOutbox.length };
}
