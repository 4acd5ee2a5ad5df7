import { createLogger } from '../../platform/logger';
import { hasRedis, testServices } from '../../test/services';
import { checkRedisSettings } from './redis-settings';

const maybe = hasRedis() ? describe : describe.skip;
if (!hasRedis()) console.warn('[test] Redis settings check SKIPPED: no Redis available');

maybe('the Redis settings check', () => {
  it('reports the eviction policy and AOF setting, and names what is wrong', async () => {
    const report = await checkRedisSettings(testServices().redisUrl!, createLogger('silent'));
    expect(report.evictionPolicy).toEqual(expect.any(String));
    expect(report.problems.some((p) => p.includes('maxmemory-policy'))).toBe(report.evictionPolicy !== 'noeviction');
    expect(report.problems.some((p) => p.includes('appendonly'))).toBe(report.appendOnly !== 'yes');
  });

  it('says it could not check when Redis does not answer', async () => {
    const report = await checkRedisSettings('redis://127.0.0.1:1', createLogger('silent'));
    expect(report.problems).toEqual([expect.stringContaining('could not read the Redis settings')]);
  });
});
