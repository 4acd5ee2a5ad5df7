import IORedis from 'ioredis';
import { createPostgresBackend, Processor, Queue, QueueOptions, Worker, WorkerOptions, withBackend } from 'bullmq';
import { POSTGRES_QUEUE_SCHEMA, QueueName, REDIS_PREFIX } from './queue-names';

export interface QueueBackendOptions {
  /** Redis when given; otherwise BullMQ's PostgreSQL backend on `databaseUrl`. */
  readonly redisUrl?: string;
  readonly databaseUrl: string;
  /** Connection trouble (Redis restarting, say); reconnection is automatic. */
  readonly onConnectionError?: (error: Error) => void;
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
export function createQueueFactory(options: QueueBackendOptions): QueueFactory {
  if (options.redisUrl) {
    const connections: IORedis[] = [];
    const connect = () => {
      const connection = new IORedis(options.redisUrl!, { maxRetriesPerRequest: null, enableReadyCheck: true });
      connection.on('error', (error) => options.onConnectionError?.(error));
      connections.push(connection);
      return connection;
    };
    const shared = connect();
    return {
      kind: 'redis',
      queue: <D>(name: QueueName) => withErrorListener(new Queue<D>(name, { connection: shared, prefix: REDIS_PREFIX } as QueueOptions), options),
      worker: <D>(name: QueueName, processor: Processor<D>, extra: Partial<WorkerOptions> = {}) =>
        new Worker<D>(name, processor, { ...extra, connection: connect(), prefix: REDIS_PREFIX } as WorkerOptions),
      close: async () => {
        await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
      },
    };
  }

  const Pg = withBackend(createPostgresBackend);
  const connection = { connectionString: options.databaseUrl, migrate: true, schema: POSTGRES_QUEUE_SCHEMA, max: 5 };
  return {
    kind: 'postgres',
    queue: <D>(name: QueueName) => withErrorListener(new Pg.Queue<D>(name, { connection }) as unknown as Queue<D>, options),
    worker: <D>(name: QueueName, processor: Processor<D>, extra: Partial<WorkerOptions> = {}) =>
      new Pg.Worker<D>(name, processor as never, { ...extra, connection } as never) as unknown as Worker<D>,
    close: async () => undefined,
  };
}

function withErrorListener<Q extends { on(event: 'error', listener: (error: Error) => void): unknown }>(queue: Q, options: QueueBackendOptions): Q {
  queue.on('error', (error) => options.onConnectionError?.(error));
  return queue;
}
