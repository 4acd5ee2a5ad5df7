import { deadlineRepository } from '../../db/deadlines/deadline.repository';
import { outboxRepository } from '../../db/notifications/outbox.repository';
import { runUnitOfWork } from '../../db/unit-of-work';
import { workerActor, WorkerDeps } from '../worker-deps';
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
  for (;;) {
    const result = await runUnitOfWork(runtime, workerActor('deadline-reconciler'), async (uow) => {
      const fired = await fireSteps(uow.manager, { stepIds: [], sweep: SWEEP_LIMIT }, uow.now);
      uow.enqueueOutbox(fired.outboxIds);
      return fired;
    });
    firedOverdue += result.firedIds.length;
    if (result.firedIds.length < SWEEP_LIMIT) break;
  }

  const window = Math.min(config.scheduleHorizonMs, RUNS_AHEAD * config.reconcileEveryMs);
  const upcoming = await deadlineRepository.pendingSteps(dataSource.manager, new Date(clock.now().getTime() + window), 50_000);
  await jobs.enqueueDeadlineSteps(upcoming);

  const stuckOutbox = await outboxRepository.stuck(dataSource.manager, new Date(clock.now().getTime() - OUTBOX_STUCK_AFTER_MS), 10_000);
  await jobs.enqueueOutbox(stuckOutbox);
  return { firedOverdue, enqueued: upcoming.length, outboxRequeued: stuckOutbox.length };
}

/** Each run enqueues what falls due before this many further runs, so one missed run costs nothing. */
const RUNS_AHEAD = 3;
