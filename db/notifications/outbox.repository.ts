import { EntityManager } from 'typeorm';
import { OutboxStatus } from './outbox.entity';

export interface PendingEmail {
  id: string;
  subject: string;
  body: string;
  email: string;
  calendar: string | null;
  /** What the e-mail's notification is about, for the link to its page. */
  subject_type: string | null;
  subject_id: string | null;
}

export interface OutboxRound {
  readonly id: string;
  readonly round: number;
}

export interface ParkedEmailRow {
  readonly id: string;
  readonly recipientUserId: string;
  readonly recipientEmail: string;
  readonly subject: string;
  readonly attempts: number;
  readonly retryRound: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly parkedAt: Date | null;
  readonly municipalityId: string;
}

const ROUND = `id, retry_round AS round`;

/** The e-mail outbox: rows are written with their notifications (notification.repository.ts) and delivered by a worker. */
export const outboxRepository = {
  async pendingEmail(manager: EntityManager, id: string): Promise<PendingEmail | null> {
    const [row] = await manager.query(
      `SELECT o.id, o.subject, o.body, o.calendar, u.email, n.subject_type, n.subject_id
         FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id
         LEFT JOIN notification n ON n.dedupe_key = substr(o.dedupe_key, length('email:') + 1)
        WHERE o.id = $1 AND o.status = $2`,
      [id, OutboxStatus.PENDING],
    );
    return row ?? null;
  },

  /** Counts a failed attempt, parking the row (with the time) at the last one; returns the attempts so far. */
  async recordFailure(manager: EntityManager, id: string, error: string, maxAttempts: number, at: Date): Promise<number> {
    const [{ attempts }] = await manager.query(
      `WITH failed AS (
         UPDATE outbox SET attempts = attempts + 1, last_error = $2,
                status = CASE WHEN attempts + 1 >= $3 THEN '${OutboxStatus.PARKED}' ELSE status END,
                parked_at = CASE WHEN attempts + 1 >= $3 THEN $4::timestamptz ELSE parked_at END
          WHERE id = $1 RETURNING attempts)
       SELECT attempts FROM failed`,
      [id, error, maxAttempts, at],
    );
    return attempts;
  },

  async markDelivered(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE outbox SET status = $2, delivered_at = $3, attempts = attempts + 1 WHERE id = $1 AND status = $4`, [
      id,
      OutboxStatus.DELIVERED,
      at,
      OutboxStatus.PENDING,
    ]);
  },

  /** PENDING e-mails written before `before`: their job may be lost; enqueuing them again under their round's id is harmless. */
  stuck(manager: EntityManager, before: Date, limit: number): Promise<OutboxRound[]> {
    return manager.query(
      `SELECT ${ROUND} FROM outbox WHERE status = '${OutboxStatus.PENDING}' AND created_at <= $1 ORDER BY created_at LIMIT $2`,
      [before, limit],
    );
  },

  /**
   * Gives parked e-mails a new round of attempts: those parked before
   * `parkedBefore` with fewer than `maxRounds` rounds behind them, or the
   * given ids whatever their history (an administrator's retry).
   */
  unpark(
    manager: EntityManager,
    which: { parkedBefore: Date; maxRounds: number; limit: number } | { ids: readonly string[] },
  ): Promise<OutboxRound[]> {
    const [where, params] =
      'ids' in which
        ? [`id = ANY($1::uuid[])`, [which.ids]]
        : [`parked_at <= $1 AND retry_round < $2 ORDER BY parked_at LIMIT $3`, [which.parkedBefore, which.maxRounds, which.limit]];
    return manager.query(
      // A CTE, so the driver answers rows (a bare UPDATE … RETURNING answers rows and a count).
      `WITH unparked AS (
         UPDATE outbox SET status = '${OutboxStatus.PENDING}', attempts = 0, parked_at = NULL, retry_round = retry_round + 1
          WHERE id IN (SELECT id FROM outbox WHERE status = '${OutboxStatus.PARKED}' AND ${where} FOR UPDATE SKIP LOCKED)
          RETURNING ${ROUND})
       SELECT * FROM unparked`,
      params,
    );
  },

  /** Parked e-mails of one municipality, longest parked first. */
  parked(manager: EntityManager, municipalityId: string, first: number): Promise<ParkedEmailRow[]> {
    return manager.query(
      `SELECT o.id, o.recipient_user_id AS "recipientUserId", u.email AS "recipientEmail", o.subject, o.attempts, o.retry_round AS "retryRound",
              o.last_error AS "lastError", o.created_at AS "createdAt", o.parked_at AS "parkedAt", a.municipality_id AS "municipalityId"
         FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id JOIN agency a ON a.id = u.agency_id
        WHERE o.status = '${OutboxStatus.PARKED}' AND a.municipality_id = $1
        ORDER BY o.parked_at NULLS FIRST, o.id LIMIT $2`,
      [municipalityId, first],
    );
  },
};
