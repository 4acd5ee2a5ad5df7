import { DataSource } from 'typeorm';
import { AppDeps } from '../api/context';
import { createDataSource, DataSourceOptions, openSystemDataSource } from '../db/data-source';
import { Clock, offsetClock } from '../domain/time/clock';
import { Config } from '../platform/config';
import { Logger } from '../platform/logger';
import { QueueJobScheduler } from '../platform/queues/job-scheduler';
import { createQueueFactory, QueueFactory } from '../platform/queues/queue-backend';
import { WorkerDeps } from '../workers/worker-deps';
import { REGISTRY, Registry } from './registry';

/**
 * The composition root: one process's database, clock and queues, handed to
 * the API (AppDeps) and the workers (WorkerDeps). Only entry points and tests
 * import this file; nothing below it does.
 */
export interface Runtime extends AppDeps, WorkerDeps {
  readonly queues: QueueFactory;
  readonly jobs: QueueJobScheduler;
  readonly registry: Registry;
  close(): Promise<void>;
}

/** A data source over every module's entities and migrations. */
export function createAppDataSource(options: Omit<DataSourceOptions, 'registry'>): DataSource {
  return createDataSource({ ...options, registry: REGISTRY });
}

/** The owner (development) prepares the queue schema itself; the restricted application role finds it prepared by `npm run migrate`. */
async function mayCreateSchemas(dataSource: DataSource): Promise<boolean> {
  const [{ may }] = await dataSource.query(`SELECT has_database_privilege(current_user, current_database(), 'CREATE') AS may`);
  return may === true;
}

/** Opens the database and the queue backend for one process. */
export async function openRuntime(
  config: Config,
  databaseUrl: string,
  logger: Logger,
  options: { clock?: Clock; dataSource?: DataSource; systemDatabaseUrl?: string; poolSize?: number } = {},
): Promise<Runtime> {
  const poolSize = options.poolSize ?? 20;
  const dataSource = options.dataSource ?? createAppDataSource({ url: databaseUrl, poolSize });
  if (!dataSource.isInitialized) await dataSource.initialize();
  const systemDataSource = await openSystemDataSource(
    dataSource,
    REGISTRY,
    databaseUrl,
    options.systemDatabaseUrl ?? config.databaseSystemUrl,
    poolSize,
  );
  const clock = options.clock ?? offsetClock(config.clockOffsetMs);
  const queues = createQueueFactory({
    redisUrl: config.redisUrl,
    prefix: config.redisQueuePrefix,
    databaseUrl,
    migratePostgresSchema: config.redisUrl ? false : await mayCreateSchemas(dataSource),
    onConnectionError: (error) => logger.warn({ err: { message: error.message } }, 'queue connection error; reconnecting'),
  });
  const jobs = new QueueJobScheduler(queues, clock, config.scheduleHorizonMs);
  return {
    config,
    dataSource,
    clock,
    logger,
    queues,
    jobs,
    registry: REGISTRY,
    async close() {
      await jobs.close();
      await queues.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      if (systemDataSource?.isInitialized) await systemDataSource.destroy();
    },
  };
}
