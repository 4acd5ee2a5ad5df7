import { EntityManager } from 'typeorm';
import { EntityRow, selectList } from '../columns';
import { NotificationEntity } from './notification.entity';
import { Message } from '../../domain/notifications/notification-content';

export interface NotificationSpec {
  readonly userId: string;
  readonly kind: string;
  readonly message: Message;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  /** The same key never produces a second notification or e-mail. */
  readonly dedupeKey: string;
  readonly email: boolean;
  /** An iCalendar entry the e-mail carries (a talk's booking, move or cancellation). */
  readonly calendar?: string;
}

/** Writes in-app notifications and their outbox e-mails; returns the ids of new outbox rows. */
export async function writeNotifications(manager: EntityManager, specs: readonly NotificationSpec[]): Promise<string[]> {
  if (specs.length === 0) return [];
  await manager.query(
    `INSERT INTO notification (user_id, kind, title, body, subject_type, subject_id, dedupe_key)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[])
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      specs.map((s) => s.userId),
      specs.map((s) => s.kind),
      specs.map((s) => s.message.title),
      specs.map((s) => s.message.body),
      specs.map((s) => s.subjectType),
      specs.map((s) => s.subjectId),
      specs.map((s) => s.dedupeKey),
    ],
  );
  const emails = specs.filter((s) => s.email);
  if (emails.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO outbox (channel, recipient_user_id, subject, body, dedupe_key, calendar)
     SELECT 'EMAIL', * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      emails.map((s) => s.userId),
      emails.map((s) => s.message.title),
      emails.map((s) => s.message.body),
      emails.map((s) => `email:${s.dedupeKey}`),
      emails.map((s) => s.calendar ?? null),
    ],
  );
  return rows.map((r) => r.id);
}

export type NotificationRow = Omit<EntityRow<NotificationEntity>, 'dedupeKey'>;

const NOTIFICATION_COLUMNS = selectList(NotificationEntity, 'n', { omit: ['dedupeKey'] });

export const notificationRepository = {
  /** The user's notifications, newest first. */
  forUser(manager: EntityManager, userId: string, options: { unreadOnly: boolean; first: number }): Promise<NotificationRow[]> {
    return manager.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification n WHERE n.user_id = $1 ${options.unreadOnly ? 'AND n.read_at IS NULL' : ''}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      [userId, options.first],
    );
  },

  /** Marks the user's own notification read (once); null when it is not theirs or does not exist. */
  async markRead(manager: EntityManager, userId: string, id: string, at: Date): Promise<NotificationRow | null> {
    const rows: NotificationRow[] = await manager.query(
      `WITH n AS (UPDATE notification SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING *)
       SELECT ${NOTIFICATION_COLUMNS} FROM n`,
      [id, userId, at],
    );
    return rows[0] ?? null;
  },
};
