/** Every queue of the platform. Job ids never contain ':' (BullMQ refuses it). */
export enum QueueName {
  DEADLINE_STEPS = 'deadline-steps',
  OUTBOX = 'outbox',
  MAINTENANCE = 'maintenance',
  RETENTION = 'retention',
  INDICATORS = 'indicators',
}

/**
 * Redis keys share one hash tag, so every key of a queue lands in the same
 * slot and the deployment runs unchanged on Redis Cluster.
 */
export const REDIS_PREFIX = '{samverka}';

/** The PostgreSQL backend keeps its tables in this schema, apart from ours. */
export const POSTGRES_QUEUE_SCHEMA = 'bullmq';
