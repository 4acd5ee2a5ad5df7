import { DataSource } from 'typeorm';
import { systemDataSourceOf } from '../db/access/row-scope';
import { WorkActor } from '../db/unit-of-work';
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

/** Workers write as the system: no user, and the job's name as the request id on any audit row. */
export function workerActor(requestId: string): WorkActor {
  return { requestId, userId: null, agencyId: null, roles: [] };
}

/** A worker's unit of work in system scope runs on the system role's pool: asSystem then switches that transaction itself. */
export function onSystemPool(deps: WorkerDeps): WorkerDeps {
  return { ...deps, dataSource: systemDataSourceOf(deps.dataSource) };
}
