import { deadlineRepository } from '../../db/deadlines/deadline.repository';
import { WorkerDeps } from '../worker-deps';
import { fireSteps, SWEEP_LIMIT } from './fire-step';

export interface ReconcileResult {
  readonly firedOverdue: number;
  readonly enqueued: number;
  readonly outboxRequeued: number;
}

/** E-mails still pending this long after they were written have lost their job; they are enqueued again. */
export const OUTBOX_STUCK_AFTER_MS = 60_000;

/**
 * Rebuilds the queue from the database, so a lost Redis or a killed worker
 * loses nothing: fires every step whose time has come (whatever happened to
 * its job), then enqueues the steps due before the next few runs under their
 * deterministic ids (existing jobs are untouched). Steps further out get their
 * job from a later run, so a run costs what is due soon, not the whole horizon.
 */
export async function reconcileDeadlines(runtime: WorkerDeps): Promise<ReconcileResult> {
  const { dataSource, clock, jobs, config } = runtime;

  let firedOverdue = 0;
  const outboxIds: string[] = [];
  for (;;) {
    const result = await dataSource.transaction((manager) => fireSteps(manager, { stepIds: [], sweep: SWEEP_LIMIT }, clock.now()));
    firedOverdue += result.firedIds.length;
    outboxIds.push(...result.outboxIds);
    if (result.firedIds.length < SWEEP_LIMIT) break;
  }
  await jobs.enqueueOutbox(outboxIds);

  const window = Math.min(config.scheduleHorizonMs, RUNS_AHEAD * config.reconcileEveryMs);
  const upcoming = await deadlineRepository.pendingSteps(dataSource.manager, new Date(clock.now().getTime() + window), 50_000);
  await jobs.enqueueDeadlineSteps(upcoming);

  const stuckOutbox: { id: string }[] = await dataSource.query(
    `SELECT id FROM outbox WHERE status = 'PENDING' AND created_at <= $1 ORDER BY created_at LIMIT 10000`,
    [new Date(clock.now().getTime() - OUTBOX_STUCK_AFTER_MS)],
  );
  await jobs.enqueueOutbox(stuckOutbox.map((r) => r.id));
  return { firedOverdue, enqueued: upcoming.length, outboxRequeued: stuckOutbox.length };
}

/** Each run enqueues what falls due before this many further runs, so one missed run costs nothing. */
const RUNS_AHEAD = 3;
