import type { QueueWorker, WorkerRegistry } from './worker-deps';

/** What a module tells the workers. */
export interface WorkerModule {
  readonly queues?: readonly QueueWorker[];
}

export function workerRegistryOf(modules: readonly WorkerModule[]): WorkerRegistry {
  return Object.freeze({ queues: modules.flatMap((m) => m.queues ?? []) });
}
