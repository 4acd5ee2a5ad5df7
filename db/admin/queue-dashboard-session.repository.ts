import { EntityManager } from 'typeorm';

/**
 * Queue dashboard sessions, looked up by the hash of their id. A session
 * counts only while it is unexpired, unrevoked, and its user is enabled and
 * still an administrator: checked on every request.
 */
export const queueDashboardSessionRepository = {
  async create(manager: EntityManager, idHash: string, userId: string, now: Date, expiresAt: Date): Promise<void> {
    await manager.query(`DELETE FROM queue_dashboard_session WHERE user_id = $1 AND (expires_at <= $2 OR revoked_at IS NOT NULL)`, [
      userId,
      now,
    ]);
    await manager.query(`INSERT INTO queue_dashboard_session (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`, [
      idHash,
      userId,
      now,
      expiresAt,
    ]);
  },

  /** The session's user while the session holds, else null. */
  async activeUser(manager: EntityManager, idHash: string, now: Date, role: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT s.user_id AS "userId" FROM queue_dashboard_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL AND $3 = ANY(u.roles)`,
      [idHash, now, role],
    );
    return row?.userId ?? null;
  },

  async revoke(manager: EntityManager, idHash: string, now: Date): Promise<void> {
    await manager.query(`UPDATE queue_dashboard_session SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL`, [idHash, now]);
  },
};
