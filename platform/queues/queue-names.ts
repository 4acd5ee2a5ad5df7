/**
 * A queue's name. Each is declared once, with `queueName`, by the part whose jobs run on it: a module beside its
 * `QueueWorker` (`workers/<module>/*.job.ts`), the platform below for the queues it fills itself. The registry
 * (app/registry.ts) folds the modules' queues and refuses a name declared twice. Names live on in Redis keys and the
 * PostgreSQL backend's rows: never rename one. Job ids never contain ':' (BullMQ refuses it).
 */
export type QueueName = string & { readonly __queueName: unique symbol };

export function queueName(name: string): QueueName {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`A queue name is lower-case letters, digits and '-': "${name}"`);
  return name as QueueName;
}

/**
 * The queues the platform fills itself: the unit of work enqueues deadline steps and e-mails after commit
 * (job-scheduler.ts), and the reconciler runs on maintenance. The deadlines and notifications modules run their workers.
 */
export const PLATFORM_QUEUES = {
  deadlineSteps: queueName('deadline-steps'),
  outbox: queueName('outbox'),
  maintenance: queueName('maintenance'),
} as const;

/**
 * Redis keys share one hash tag, so every key of a queue lands in the same
 * slot and the deployment runs unchanged on Redis Cluster.
 */
export const REDIS_PREFIX = '{samverka}';

/** The PostgreSQL backend keeps its tables in this schema, apart from ours. */
export const POSTGRES_QUEUE_SCHEMA = 'bullmq';
