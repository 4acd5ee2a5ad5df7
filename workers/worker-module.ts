import type { Processor, WorkerOptions as BullWorkerOptions } from 'bullmq';
import type { QueueName } from '../platform/queues/queue-names';
import type { EmailSender } from './notifications/email-sender';
import type { WorkerDeps } from './worker-deps';

/** What the process hands every processor besides its deps. */
export interface ProcessorOptions {
  readonly emailSender: EmailSender;
}

/**
 * Our jobs take milliseconds, so a job held by a killed worker is declared
 * stalled and retried after 10 s (checked every 5 s) instead of BullMQ's 30 s.
 */
export const SHORT_JOB_LOCKS = { lockDuration: 10_000, stalledInterval: 5_000 } as const;

/** One queue a module's jobs run on: its processor and how many run at once. */
export interface QueueWorker {
  readonly queue: QueueName;
  readonly processor: (deps: WorkerDeps, options: ProcessorOptions) => Processor;
  readonly options: Partial<BullWorkerOptions>;
}

/** What a module tells the workers. */
export interface WorkerModule {
  readonly queues?: readonly QueueWorker[];
}

export interface WorkerRegistry {
  readonly queues: readonly QueueWorker[];
}

export function workerRegistryOf(modules: readonly WorkerModule[]): WorkerRegistry {
  return Object.freeze({ queues: modules.flatMap((m) => m.queues ?? []) });
}
