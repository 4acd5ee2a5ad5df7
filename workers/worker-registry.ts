import { Worker } from 'bullmq';
import { WorkerDeps } from './worker-deps';
import { reconcileDeadlines } from './deadlines/deadline-reconciler';
import { MAINTENANCE_QUEUE, maintenanceProcessor, RECONCILE_SCHEDULER_ID } from './maintenance/reconcile.job';
import { EmailSender, emailSenderFor } from './notifications/email-sender';

export interface RunningWorkers {
  readonly workers: readonly Worker[];
  /**
   * Closes workers first, then the queues. Normally active jobs finish; with
   * `force` they are abandoned, as in a crash, and their locks expire.
   */
  close(force?: boolean): Promise<void>;
}

export interface WorkerOptions {
  readonly emailSender?: EmailSender;
  /** Run the reconciler once before taking jobs (default true). */
  readonly reconcileOnStart?: boolean;
}

/** Starts one worker per module queue and the maintenance worker, schedules the reconciler and runs it once. */
export async function startWorkers(runtime: WorkerDeps, options: WorkerOptions = {}): Promise<RunningWorkers> {
  const processorOptions = { emailSender: options.emailSender ?? emailSenderFor(runtime.config, runtime.logger) };
  const workers: Worker[] = [
    ...runtime.registry.queues.map((q) => runtime.queues.worker(q.queue, q.processor(runtime, processorOptions), q.options)),
    runtime.queues.worker(MAINTENANCE_QUEUE, maintenanceProcessor(runtime), { concurrency: 1 }),
  ];
  for (const worker of workers) {
    worker.on('failed', (job, error) =>
      runtime.logger.warn(
        { queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade, err: { message: error.message } },
        'job failed',
      ),
    );
    // Message and code only: a pg error carries its whole client object.
    worker.on('error', (error: Error & { code?: string }) =>
      runtime.logger.error({ queue: worker.name, err: { message: error.message, code: error.code } }, 'worker error'),
    );
  }
  const maintenance = runtime.queues.queue(MAINTENANCE_QUEUE);
  const scheduled = runtime.registry.queues.flatMap((q) => (q.schedule ? [{ queue: q.queue, ...q.schedule(runtime) }] : []));
  const scheduleReconciler = async () => {
    await maintenance.upsertJobScheduler(RECONCILE_SCHEDULER_ID, { every: runtime.config.reconcileEveryMs }, { name: 'reconcile' });
    for (const s of scheduled) {
      const queue = runtime.queues.queue(s.queue);
      try {
        await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: s.tz }, { name: s.name });
      } finally {
        await queue.close();
      }
    }
  };
  await scheduleReconciler();
  // A wiped Redis loses the scheduler too; re-upserting it is idempotent and brings it back.
  const watchdog = setInterval(() => {
    scheduleReconciler().catch((error) => runtime.logger.warn({ err: error }, 'could not schedule the reconciler; retrying'));
  }, runtime.config.reconcileEveryMs);
  watchdog.unref();
  if (options.reconcileOnStart !== false) await reconcileDeadlines(runtime);
  return {
    workers,
    async close(force = false) {
      clearInterval(watchdog);
      await Promise.all(workers.map((w) => w.close(force)));
      await maintenance.close();
    },
  };
}
