import IORedis from 'ioredis';
import { createPostgresBackend, Processor, Queue, QueueOptions, Worker, WorkerOptions, withBackend } from 'bullmq';
import { PLATFORM_QUEUES, POSTGRES_QUEUE_SCHEMA, QueueName, REDIS_PREFIX } from './queue-names';

export interface QueueBackendOptions {
  /** Redis when given; otherwise BullMQ's PostgreSQL backend on `databaseUrl`. */
  readonly redisUrl?: string;
  readonly databaseUrl: string;
  /** Connection trouble (Redis restarting, say); reconnection is automatic. */
  readonly onConnectionError?: (error: Error) => void;
  /**
   * Let BullMQ's PostgreSQL backend create or upgrade its schema (default).
   * The application's restricted role may not: `npm run migrate` prepares the
   * schema as the owner, and the role only uses it.
   */
  readonly migratePostgresSchema?: boolean;
  /** Redis key prefix (a hash tag); default `{samverka}`. */
  readonly prefix?: string;
}

export interface QueueFactory {
  readonly kind: 'redis' | 'postgres';
  queue<D>(name: QueueName): Queue<D>;
  worker<D>(name: QueueName, processor: Processor<D>, options?: Partial<WorkerOptions>): Worker<D>;
  close(): Promise<void>;
}

/**
 * The one place that knows which backend runs the queues. Everything else
 * uses the Queue and Worker it hands out, identically for both.
 */
/** A connected Redis that stops answering (a network partition) fails each command after this, instead of never. */
const PRODUCER_COMMAND_TIMEOUT_MS = 20_000;

export function createQueueFactory(options: QueueBackendOptions): QueueFactory {
  if (options.redisUrl) {
    const connections: IORedis[] = [];
    const connect = (producer = false) => {
      // Workers block on Redis and must wait for it forever (BullMQ requires maxRetriesPerRequest null). Producers must
      // not: with no offline queue an add fails at once while Redis is away, and the reconciler enqueues it later.
      const connection = new IORedis(
        options.redisUrl!,
        producer
          ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, enableReadyCheck: true, commandTimeout: PRODUCER_COMMAND_TIMEOUT_MS }
          : { maxRetriesPerRequest: null, enableReadyCheck: true },
      );
      connection.on('error', (error) => options.onConnectionError?.(error));
      connections.push(connection);
      return connection;
    };
    const shared = connect(true);
    const prefix = options.prefix ?? REDIS_PREFIX;
    return {
      kind: 'redis',
      queue: <D>(name: QueueName) => withErrorListener(new Queue<D>(name, { connection: shared, prefix } as QueueOptions), options),
      worker: <D>(name: QueueName, processor: Processor<D>, extra: Partial<WorkerOptions> = {}) =>
        new Worker<D>(name, processor, { ...extra, connection: connect(), prefix } as WorkerOptions),
      close: async () => {
        await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
      },
    };
  }

  const Pg = withBackend(createPostgresBackend);
  const connection = {
    connectionString: options.databaseUrl,
    migrate: options.migratePostgresSchema ?? true,
    schema: POSTGRES_QUEUE_SCHEMA,
    max: 5,
  };
  return {
    kind: 'postgres',
    queue: <D>(name: QueueName) => withErrorListener(new Pg.Queue<D>(name, { connection }) as unknown as Queue<D>, options),
    worker: <D>(name: QueueName, processor: Processor<D>, extra: Partial<WorkerOptions> = {}) =>
      new Pg.Worker<D>(name, processor as never, { ...extra, connection } as never) as unknown as Worker<D>,
    close: async () => undefined,
  };
}

function withErrorListener<Q extends { on(event: 'error', listener: (error: Error) => void): unknown }>(
  queue: Q,
  options: QueueBackendOptions,
): Q {
  queue.on('error', (error) => options.onConnectionError?.(error));
  return queue;
}

/** Creates or upgrades the PostgreSQL queue backend's schema, as the schema's owner. */
export async function prepareQueueSchema(databaseUrl: string): Promise<void> {
  const factory = createQueueFactory({ databaseUrl, migratePostgresSchema: true });
  const queue = factory.queue(PLATFORM_QUEUES.maintenance);
  try {
    await queue.getJobCounts();
  } finally {
    await queue.close();
    await factory.close();
  }
}
