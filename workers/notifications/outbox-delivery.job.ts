import { Job, UnrecoverableError } from 'bullmq';
import { outboxRepository } from '../../db/notifications/outbox.repository';
import { QueueWorker, SHORT_JOB_LOCKS, WorkerDeps } from '../worker-deps';
import { JOB_ATTEMPTS, OutboxJobData } from '../../platform/queues/job-scheduler';
import { PLATFORM_QUEUES } from '../../platform/queues/queue-names';
import { maskIdentityNumbers } from '../../platform/log-redaction';
import { EmailSender } from './email-sender';
import { notificationLink } from '../../domain/notifications/notification-content';

export const OUTBOX_QUEUE = PLATFORM_QUEUES.outbox;

/**
 * Delivers one outbox row. At-least-once: a crash between sending and marking
 * can send an e-mail twice, never lose it. After the last attempt the row is
 * parked for an operator.
 */
export function outboxDeliveryProcessor(runtime: WorkerDeps, sender: EmailSender) {
  return async (job: Job<OutboxJobData>): Promise<string> => {
    const { dataSource, clock } = runtime;
    const row = await outboxRepository.pendingEmail(dataSource.manager, job.data.outboxId);
    if (!row) return 'stale';
    try {
      const link = runtime.config.publicUrl ? notificationLink(runtime.config.publicUrl, row.subject_type, row.subject_id) : null;
      await sender.send({
        to: row.email,
        subject: row.subject,
        body: link ? `${row.body}\n\nÖppna i Samverka: ${link}` : row.body,
        calendar: row.calendar,
      });
    } catch (error) {
      const attempts = await outboxRepository.recordFailure(
        dataSource.manager,
        row.id,
        error instanceof Error ? maskIdentityNumbers(error.message).slice(0, 500) : 'send failed',
        JOB_ATTEMPTS,
        clock.now(),
      );
      if (attempts >= JOB_ATTEMPTS) throw new UnrecoverableError('e-mail parked after the last attempt');
      throw error;
    }
    await outboxRepository.markDelivered(dataSource.manager, row.id, clock.now());
    return 'delivered';
  };
}

export const OUTBOX_WORKER: QueueWorker = {
  queue: OUTBOX_QUEUE,
  processor: (deps, { emailSender }) => outboxDeliveryProcessor(deps, emailSender),
  options: { concurrency: 4, ...SHORT_JOB_LOCKS },
};
