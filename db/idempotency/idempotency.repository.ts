import { EntityManager } from 'typeorm';
import { Conflict } from '../../domain/errors';

/**
 * Runs `create` once per (user, key): a retry, even a concurrent one, gets
 * the first result's id back. Call inside the write's transaction (`uow.once`).
 */
export async function once(
  manager: EntityManager, userId: string, key: string, operation: string, create: () => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${userId}:${key}`]);
  const [existing] = await manager.query(`SELECT result_id, operation FROM idempotency_key WHERE user_id = $1 AND key = $2`, [userId, key]);
  if (existing) {
    if (existing.operation !== operation) {
      throw new Conflict('This idempotency key was already used for another kind of request. Use a new key.');
    }
    return { id: existing.result_id, replayed: true };
  }
  const id = await create();
  await manager.query(`INSERT INTO idempotency_key (user_id, key, operation, result_id) VALUES ($1, $2, $3, $4)`, [userId, key, operation, id]);
  return { id, replayed: false };
}
