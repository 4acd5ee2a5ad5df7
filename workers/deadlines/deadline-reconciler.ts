import { deadlineRepository } from '../../db/deadlines/deadline.repository';
import { Runtime } from '../../platform/runtime';
import { fireSteps, SWEEP_LIMIT } from './fire-step';

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
    const result = await dataSource.transaction((manager) => fireSteps(manager, { stepIds: [], sweep: SWEEP_LIMIT }, clock.now()));
    firedOverdue += result.firedIds.length;
    outboxIds.push(...result.outboxIds);
    if (result.firedIds.length < SWEEP_LIMIT) break;
  }
  await jobs.enqueueOutbox(outboxIds);

  const pendingOutbox: { id: string }[] = await dataSource.query(`SELECT id FROM outbox WHERE status = 'PENDING' ORDER BY created_at LIMIT 10000`);
  await jobs.enqueueOutbox(pendingOutbox.map((r) => r.id));
  return { firedOverdue, enqueued: upcoming.length, outboxRequeued: pendingOutbox.length };
}
