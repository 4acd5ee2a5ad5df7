import IORedis from 'ioredis';
import { Logger } from '../../platform/logger';

export interface RedisSettingsReport {
  readonly evictionPolicy: string | null;
  readonly appendOnly: string | null;
  readonly problems: string[];
}

/**
 * BullMQ needs `maxmemory-policy noeviction` (an evicted key is a lost job) and
 * AOF persistence. Checked at start; a wrong setting is logged loudly, not
 * fatal: the reconciler rebuilds lost jobs from the database anyway.
 */
export async function checkRedisSettings(redisUrl: string, logger: Logger): Promise<RedisSettingsReport> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  const problems: string[] = [];
  let evictionPolicy: string | null = null;
  let appendOnly: string | null = null;
  try {
    await redis.connect();
    evictionPolicy = ((await redis.config('GET', 'maxmemory-policy')) as string[])[1] ?? null;
    appendOnly = ((await redis.config('GET', 'appendonly')) as string[])[1] ?? null;
    if (evictionPolicy !== 'noeviction')
      problems.push(`maxmemory-policy is "${evictionPolicy}": set it to noeviction, or Redis may evict queued jobs`);
    if (appendOnly !== 'yes') problems.push('appendonly is off: enable AOF so a Redis restart keeps the queue');
  } catch (error) {
    problems.push(
      `could not read the Redis settings (${error instanceof Error ? error.message : 'unknown error'}); check noeviction and AOF by hand`,
    );
  } finally {
    redis.disconnect();
  }
  for (const problem of problems) logger.warn({ redis: 'settings' }, `REDIS SETTINGS: ${problem}`);
  return { evictionPolicy, appendOnly, problems };
}
