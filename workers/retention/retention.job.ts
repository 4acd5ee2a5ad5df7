import { queueName } from '../../platform/queues/queue-names';
import { onSystemPool, QueueWorker, WorkerDeps } from '../worker-deps';
import { runRetention } from './retention-run';

/** The retention module's own queue: the nightly run. */
export const RETENTION_QUEUE = queueName('retention');
export const RETENTION_SCHEDULER_ID = 'retention-nightly';
/** 02:30 in Stockholm: after the day's work, before the morning's reminders. */
export const RETENTION_PATTERN = '30 2 * * *';

export function retentionProcessor(deps: WorkerDeps) {
  return async (): Promise<string> => {
    const results = await runRetention(onSystemPool(deps));
    deps.logger.info({ districts: results.length, counts: results.map((r) => r.counts) }, 'retention run finished');
    return JSON.stringify(results.map((r) => ({ runId: r.runId, counts: r.counts })));
  };
}

/** One run at a time: a second start while one runs would only wait on its locks. */
export const RETENTION_WORKER: QueueWorker = {
  queue: RETENTION_QUEUE,
  processor: retentionProcessor,
  options: { concurrency: 1, lockDuration: 10 * 60_000 },
  schedule: () => ({ id: RETENTION_SCHEDULER_ID, name: 'retention', pattern: RETENTION_PATTERN, tz: 'Europe/Stockholm' }),
};
