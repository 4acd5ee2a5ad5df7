import { DataSource } from 'typeorm';
import { WorkActor } from '../db/unit-of-work';
import { Clock } from '../domain/clock';
import type { Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import { QueueFactory } from '../platform/queues/queue-backend';
import { QueueJobScheduler } from '../platform/queues/job-scheduler';
import type { WorkerRegistry } from './worker-module';

/** What the workers need from the process that runs them (wired in app/runtime.ts). */
export interface WorkerDeps {
  readonly config: Config;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly queues: QueueFactory;
  readonly jobs: QueueJobScheduler;
  /** Every module's queues (folded in app/). */
  readonly registry: WorkerRegistry;
}

/** Workers write as the system: no user, and the job's name as the request id on any audit row. */
export function workerActor(requestId: string): WorkActor {
  return { requestId, userId: null, agencyId: null, roles: [] };
}
