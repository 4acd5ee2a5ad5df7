import { PLATFORM_QUEUES } from '../platform/queues/queue-names';
import type { QueueWorker, WorkerRegistry } from './worker-deps';

/** What a module tells the workers: the queues it runs, each named by the module (`queueName`) beside its worker. */
export interface WorkerModule {
  readonly queues?: readonly QueueWorker[];
}

/** Two workers on one queue would take each other's jobs; the maintenance queue is the platform's own worker. */
export function workerRegistryOf(modules: readonly WorkerModule[]): WorkerRegistry {
  const queues = modules.flatMap((m) => m.queues ?? []);
  const names: string[] = [...queues.map((q) => q.queue), PLATFORM_QUEUES.maintenance];
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length) throw new Error(`Queues with two workers: ${twice.join(', ')}`);
  return Object.freeze({ queues });
}
