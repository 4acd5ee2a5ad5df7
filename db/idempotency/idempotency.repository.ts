import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Conflict } from '../../domain/errors';

/** Key order and the key itself do not matter; any other difference in the input does. */
export function requestFingerprint(input: object): string {
  const canonical = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k, v]) => k !== 'idempotencyKey' && v !== undefined && v !== null)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}

/**
 * Runs `create` once per (user, key): a retry with the same input, even a
 * concurrent one, gets the first result's id back. The same key with another
 * input is a CONFLICT, never a silent drop. Call inside the write's transaction (`uow.once`).
 */
export async function once(
  manager: EntityManager,
  userId: string,
  key: string,
  operation: string,
  fingerprint: string,
  create: () => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${userId}:${key}`]);
  const [existing] = await manager.query(`SELECT result_id, operation, request_hash FROM idempotency_key WHERE user_id = $1 AND key = $2`, [
    userId,
    key,
  ]);
  if (existing) {
    if (existing.operation !== operation) {
      throw new Conflict(
        'This idempotency key was already used for another kind of request. Use a new key.',
        'Den här nyckeln har redan använts för en annan sorts begäran. Använd en ny nyckel.',
      );
    }
    if (existing.request_hash !== null && existing.request_hash !== fingerprint) {
      throw new Conflict(
        'This idempotency key was already used for another report. Nothing was saved: send this report again with a new key.',
        'Den här nyckeln har redan använts för en annan anmälan. Inget sparades: skicka anmälan igen med en ny nyckel.',
      );
    }
    return { id: existing.result_id, replayed: true };
  }
  const id = await create();
  await manager.query(`INSERT INTO idempotency_key (user_id, key, operation, result_id, request_hash) VALUES ($1, $2, $3, $4, $5)`, [
    userId,
    key,
    operation,
    id,
    fingerprint,
  ]);
  return { id, replayed: false };
}
