import { DataSource } from 'typeorm';
import { Clock } from '../domain/clock';
import type { Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import { QueueFactory } from '../platform/queues/queue-backend';
import { QueueJobScheduler } from '../platform/queues/job-scheduler';

/** What the workers need from the process that runs them (wired in app/runtime.ts). */
export interface WorkerDeps {
  readonly config: Config;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly queues: QueueFactory;
  readonly jobs: QueueJobScheduler;
}
