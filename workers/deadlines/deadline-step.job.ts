import { Job } from 'bullmq';
import { asSystem } from '../../db/access/row-scope';
import { runUnitOfWork } from '../../db/unit-of-work';
import { onSystemPool, QueueWorker, SHORT_JOB_LOCKS, workerActor, WorkerDeps } from '../worker-deps';
import { DeadlineStepJobData } from '../../platform/queues/job-scheduler';
import { PLATFORM_QUEUES } from '../../platform/queues/queue-names';
import { fireSteps, pendingFireAt, SWEEP_LIMIT } from './fire-step';

export const DEADLINE_STEP_QUEUE = PLATFORM_QUEUES.deadlineSteps;

/** Thrown when a job runs before its step is due; the queue retries it with backoff. */
export class StepNotDueError extends Error {}

/**
 * Fires the job's step, and with it any other due steps, so a burst of
 * deadlines costs a few transactions rather than one each. Safe to run any
 * number of times: a step already fired is 'stale'.
 */
export function deadlineStepProcessor(runtime: WorkerDeps) {
  return async (job: Job<DeadlineStepJobData>): Promise<string> => {
    const { stepId } = job.data;
    const result = await runUnitOfWork(onSystemPool(runtime), workerActor(`deadline-step-${job.id}`), { scope: null }, (uow) =>
      asSystem(uow.manager, async (manager) => {
        const fired = await fireSteps(manager, { stepIds: [stepId], sweep: SWEEP_LIMIT }, uow.now);
        uow.enqueueOutbox(fired.outboxIds);
        return fired;
      }),
    );
    if (result.firedIds.includes(stepId)) return 'fired';
    const fireAt = await asSystem(runtime.dataSource, (manager) => pendingFireAt(manager, stepId));
    if (fireAt && fireAt.getTime() > runtime.clock.now().getTime()) throw new StepNotDueError(`step is due at ${fireAt.toISOString()}`);
    return 'stale';
  };
}

export const DEADLINE_STEP_WORKER: QueueWorker = {
  queue: DEADLINE_STEP_QUEUE,
  processor: deadlineStepProcessor,
  options: { concurrency: 8, ...SHORT_JOB_LOCKS },
};
