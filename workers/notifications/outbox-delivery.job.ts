import { Job, UnrecoverableError } from 'bullmq';
import { OutboxStatus } from '../../db/notifications/outbox.entity';
import { WorkerDeps } from '../worker-deps';
import { JOB_ATTEMPTS, OutboxJobData } from '../../platform/queues/job-scheduler';
import { QueueName } from '../../platform/queues/queue-names';
import { EmailSender } from './email-sender';

export const OUTBOX_QUEUE = QueueName.OUTBOX;

/**
 * Delivers one outbox row. At-least-once: a crash between sending and marking
 * can send an e-mail twice, never lose it. After the last attempt the row is
 * parked for an operator.
 */
export function outboxDeliveryProcessor(runtime: WorkerDeps, sender: EmailSender) {
  return async (job: Job<OutboxJobData>): Promise<string> => {
    const { dataSource, clock } = runtime;
    const [row] = await dataSource.query(
      `SELECT o.id, o.subject, o.body, u.email FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id
        WHERE o.id = $1 AND o.status = $2`,
      [job.data.outboxId, OutboxStatus.PENDING],
    );
    if (!row) return 'stale';
    try {
      await sender.send({ to: row.email, subject: row.subject, body: row.body });
    } catch (error) {
      const [{ attempts }] = await dataSource.query(
        `WITH failed AS (
           UPDATE outbox SET attempts = attempts + 1, last_error = $2,
                  status = CASE WHEN attempts + 1 >= $3 THEN '${OutboxStatus.PARKED}' ELSE status END
            WHERE id = $1 RETURNING attempts)
         SELECT attempts FROM failed`,
        [row.id, error instanceof Error ? error.message.slice(0, 500) : 'send failed', JOB_ATTEMPTS],
      );
      if (attempts >= JOB_ATTEMPTS) throw new UnrecoverableError('e-mail parked after the last attempt');
      throw error;
    }
    await dataSource.query(
      `UPDATE outbox SET status = $2, delivered_at = $3, attempts = attempts + 1 WHERE id = $1 AND status = $4`,
      [row.id, OutboxStatus.DELIVERED, clock.now(), OutboxStatus.PENDING],
    );
    return 'delivered';
  };
}
