import { Worker } from 'bullmq';
import { Runtime } from '../platform/runtime';

export interface RunningWorkers {
  readonly workers: readonly Worker[];
  /** Closes workers first (active jobs finish or are released), then the queues. */
  close(): Promise<void>;
}

/** Starts one worker per queue this process serves. */
export async function startWorkers(runtime: Runtime): Promise<RunningWorkers> {
  const workers: Worker[] = [];
  for (const worker of workers) {
    worker.on('failed', (job, error) => runtime.logger.warn({ queue: worker.name, jobId: job?.id, err: error }, 'job failed'));
  }
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
