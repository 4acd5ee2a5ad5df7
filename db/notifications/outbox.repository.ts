import { EntityManager } from 'typeorm';
import { OutboxStatus } from './outbox.entity';

export interface PendingEmail {
  id: string;
  subject: string;
  body: string;
  email: string;
}

/** The e-mail outbox: rows are written with their notifications (notification.repository.ts) and delivered by a worker. */
export const outboxRepository = {
  async pendingEmail(manager: EntityManager, id: string): Promise<PendingEmail | null> {
    const [row] = await manager.query(
      `SELECT o.id, o.subject, o.body, u.email FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id
        WHERE o.id = $1 AND o.status = $2`,
      [id, OutboxStatus.PENDING],
    );
    return row ?? null;
  },

  /** Counts a failed attempt, parking the row at the last one; returns the attempts so far. */
  async recordFailure(manager: EntityManager, id: string, error: string, maxAttempts: number): Promise<number> {
    const [{ attempts }] = await manager.query(
      `WITH failed AS (
         UPDATE outbox SET attempts = attempts + 1, last_error = $2,
                status = CASE WHEN attempts + 1 >= $3 THEN '${OutboxStatus.PARKED}' ELSE status END
          WHERE id = $1 RETURNING attempts)
       SELECT attempts FROM failed`,
      [id, error, maxAttempts],
    );
    return attempts;
  },

  async markDelivered(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE outbox SET status = $2, delivered_at = $3, attempts = attempts + 1 WHERE id = $1 AND status = $4`,
      [id, OutboxStatus.DELIVERED, at, OutboxStatus.PENDING],
    );
  },

  /** Pending e-mails written before `before`: their job was lost. */
  async stuck(manager: EntityManager, before: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM outbox WHERE status = 'PENDING' AND created_at <= $1 ORDER BY created_at LIMIT $2`, [before, limit]);
    return rows.map((r) => r.id);
  },
};
