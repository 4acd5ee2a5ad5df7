import { deadlineRepository, PendingStepPage, StepCursor } from '../../db/deadlines/deadline.repository';
import { outboxRepository } from '../../db/notifications/outbox.repository';
import { asSystem } from '../../db/access/row-scope';
import { runUnitOfWork } from '../../db/unit-of-work';
import { onSystemPool, workerActor, WorkerDeps } from '../worker-deps';
import { fireSteps, SWEEP_LIMIT } from './fire-step';

export interface ReconcileResult {
  readonly firedOverdue: number;
  readonly enqueued: number;
  readonly outboxRequeued: number;
  readonly outboxUnparked: number;
}

/** E-mails still pending this long after they were written have lost their job; they are enqueued again. */
export const OUTBOX_STUCK_AFTER_MS = 60_000;

/**
 * A parked e-mail (its 8 attempts over about 4 minutes all failed) gets a new
 * round of attempts an hour after it was parked, at most 3 times: a mail
 * server down for an afternoon delays reminders, it does not lose them. After
 * that it stays parked until an administrator retries it (`retryParkedEmail`).
 */
export const OUTBOX_UNPARK_AFTER_MS = 60 * 60_000;
export const OUTBOX_MAX_RETRY_ROUNDS = 3;

/**
 * Rebuilds the queue from the database, so a lost Redis or a killed worker
 * loses nothing: fires every step whose time has come (whatever happened to
 * its job), then enqueues the steps due before the next few runs under their
 * deterministic ids (existing jobs are untouched). Steps further out get their
 * job from a later run, so a run costs what is due soon, not the whole horizon.
 */
export async function reconcileDeadlines(runtime: WorkerDeps, options: { pageSize?: number } = {}): Promise<ReconcileResult> {
  const { dataSource, clock, jobs, config } = runtime;

  let firedOverdue = 0;
  for (;;) {
    const result = await runUnitOfWork(onSystemPool(runtime), workerActor('deadline-reconciler'), { scope: null }, (uow) =>
      asSystem(uow.manager, async (manager) => {
        const fired = await fireSteps(manager, { stepIds: [], sweep: SWEEP_LIMIT }, uow.now);
        uow.enqueueOutbox(fired.outboxIds);
        return fired;
      }),
    );
    firedOverdue += result.firedIds.length;
    if (result.firedIds.length < SWEEP_LIMIT) break;
  }

  const window = Math.min(config.scheduleHorizonMs, RUNS_AHEAD * config.reconcileEveryMs);
  const until = new Date(clock.now().getTime() + window);
  let enqueued = 0;
  for (let after: StepCursor | null = null; ;) {
    const page: PendingStepPage = await asSystem(dataSource, (manager) =>
      deadlineRepository.pendingSteps(manager, until, { after, limit: options.pageSize ?? RECONCILE_PAGE }),
    );
    await jobs.enqueueDeadlineSteps(page.steps);
    enqueued += page.steps.length;
    if (!page.next) break;
    after = page.next;
  }

  const stuckOutbox = await outboxRepository.stuck(dataSource.manager, new Date(clock.now().getTime() - OUTBOX_STUCK_AFTER_MS), 10_000);
  await jobs.enqueueOutbox(stuckOutbox);
  const unparked = await outboxRepository.unpark(dataSource.manager, {
    parkedBefore: new Date(clock.now().getTime() - OUTBOX_UNPARK_AFTER_MS),
    maxRounds: OUTBOX_MAX_RETRY_ROUNDS,
    limit: 1_000,
  });
  await jobs.enqueueOutbox(unparked);
  return { firedOverdue, enqueued, outboxRequeued: stuckOutbox.length, outboxUnparked: unparked.length };
}

/** Each run enqueues what falls due before this many further runs, so one missed run costs nothing. */
const RUNS_AHEAD = 3;

/**
 * Pending steps are read this many at a time (about 1 MB of ids and times) and
 * enqueued before the next page is read, so a run holds one page in memory
 * however many steps fall due in its window.
 */
export const RECONCILE_PAGE = 5_000;
