import { DataSource } from 'typeorm';
import { systemDataSourceOf } from '../db/access/row-scope';
import type { DbRegistry } from '../db/db-module';
import { WorkActor } from '../db/unit-of-work';
import { Clock } from '../domain/time/clock';
import type { Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import { QueueFactory } from '../platform/queues/queue-backend';
import { QueueJobScheduler } from '../platform/queues/job-scheduler';
import type { Processor, WorkerOptions as BullWorkerOptions } from 'bullmq';
import type { QueueName } from '../platform/queues/queue-names';
import type { EmailSender } from './notifications/email-sender';

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
  /** A repeating job the queue runs on its own (BullMQ job scheduler): upserted when the workers start. */
  readonly schedule?: (deps: WorkerDeps) => { readonly id: string; readonly name: string; readonly pattern: string; readonly tz: string };
}

export interface WorkerRegistry {
  readonly queues: readonly QueueWorker[];
}

/** What the workers need from the process that runs them (wired in app/runtime.ts). */
export interface WorkerDeps {
  readonly config: Config;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly queues: QueueFactory;
  readonly jobs: QueueJobScheduler;
  /** Every module's queues and personal-data tables (folded in app/). */
  readonly registry: WorkerRegistry & Pick<DbRegistry, 'personalData'>;
}

/** Workers write as the system: no user, and the job's name as the request id on any audit row. */
export function workerActor(requestId: string): WorkActor {
  return { requestId, userId: null, agencyId: null, roles: [] };
}

/** A worker's unit of work in system scope runs on the system role's pool: asSystem then switches that transaction itself. */
export function onSystemPool(deps: WorkerDeps): WorkerDeps {
  return { ...deps, dataSource: systemDataSourceOf(deps.dataSource) };
}
