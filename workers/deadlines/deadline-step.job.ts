import { Job } from 'bullmq';
import { Runtime } from '../../platform/runtime';
import { DeadlineStepJobData } from '../queues/job-scheduler';
import { QueueName } from '../queues/queue-names';
import { fireStep } from './fire-step';

export const DEADLINE_STEP_QUEUE = QueueName.DEADLINE_STEPS;

/** Thrown when a job runs before its step is due; the queue retries it with backoff. */
export class StepNotDueError extends Error {}

/** Fires one deadline step; safe to run any number of times. */
export function deadlineStepProcessor(runtime: Runtime) {
  return async (job: Job<DeadlineStepJobData>): Promise<string> => {
    const result = await runtime.dataSource.transaction((manager) => fireStep(manager, job.data.stepId, runtime.clock.now()));
    if (result.kind === 'not-due') throw new StepNotDueError(`step is due at ${result.fireAt.toISOString()}`);
    if (result.kind === 'fired') await runtime.jobs.enqueueOutbox(result.outboxIds);
    return result.kind;
  };
}
