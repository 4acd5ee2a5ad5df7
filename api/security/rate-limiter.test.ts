import Redis from 'ioredis';
import { createLogger } from '../../platform/logger';
import { MemoryRateLimiter, RedisRateLimiter } from './rate-limiter';
import { hasRedis, testServices } from '../../test/services';

describe('MemoryRateLimiter', () => {
  it('allows the limit per bucket and window, then says how long to wait', async () => {
    let now = 120_000 + 15_000;
    const limiter = new MemoryRateLimiter(60_000, () => now);
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await limiter.hit('user:a', 3));
    expect(hits.map((h) => h.allowed)).toEqual([true, true, true, false]);
    expect(hits[3]).toEqual({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 45 });
    expect((await limiter.hit('user:b', 3)).allowed).toBe(true);
    now = 180_000;
    expect(await limiter.hit('user:a', 3)).toEqual({ allowed: true, limit: 3, remaining: 2, retryAfterSeconds: 60 });
  });
});

describe('RedisRateLimiter with Redis down', () => {
  it('falls back to a per-process limit instead of letting everything through', async () => {
    const limiter = new RedisRateLimiter('redis://127.0.0.1:1', 60_000, createLogger('silent'));
    try {
      const started = Date.now();
      const hits = [];
      for (let i = 0; i < 4; i++) hits.push(await limiter.hit('ip:198.51.100.1', 3));
      expect(hits.map((h) => h.allowed)).toEqual([true, true, true, false]);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await limiter.close();
    }
  });
});

(hasRedis() ? describe : describe.skip)('RedisRateLimiter', () => {
  it('counts concurrent hits of two processes in Redis, each with its own exact count', async () => {
    const redisUrl = `${testServices().redisUrl}/15`;
    const [first, second] = [
      new RedisRateLimiter(redisUrl, 60_000, createLogger('silent')),
      new RedisRateLimiter(redisUrl, 60_000, createLogger('silent')),
    ];
    const bucket = `user:batch-${process.pid}-${Date.now()}`;
    try {
      const together = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? second : first).hit(bucket, 5)));
      expect(together.map((d) => d.remaining).sort()).toEqual([1, 2, 3, 4]);
      const more = await Promise.all([first.hit(bucket, 5), first.hit(bucket, 5), first.hit(`${bucket}-other`, 5)]);
      expect(more.map((d) => [d.allowed, d.remaining])).toEqual([
        [true, 0],
        [false, 0],
        [true, 4],
      ]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('lets a busy bucket spend counts it reserved ahead, and refuses a bucket at its limit without asking again', async () => {
    const redisUrl = `${testServices().redisUrl}/15`;
    const now = Date.now();
    const [first, second] = [
      new RedisRateLimiter(redisUrl, 60_000, createLogger('silent'), () => now),
      new RedisRateLimiter(redisUrl, 60_000, createLogger('silent'), () => now),
    ];
    const redis = new Redis(redisUrl);
    const bucket = `user:lease-${process.pid}-${now}`;
    const counted = async (name: string) => Number(await redis.get(`samverka:rate:${name}:${Math.floor(now / 60_000)}`));
    try {
      // Two hits at once on a limit of 64: their two counts and 4 more (a 16th of the limit) in one round trip.
      expect((await Promise.all([first.hit(bucket, 64), first.hit(bucket, 64)])).map((d) => d.remaining)).toEqual([63, 62]);
      expect(await counted(bucket)).toBe(6);
      const leased = [];
      for (let i = 0; i < 4; i++) leased.push((await first.hit(bucket, 64)).remaining);
      expect(leased).toEqual([61, 60, 59, 58]);
      expect(await counted(bucket)).toBe(6);
      expect((await second.hit(bucket, 64)).remaining).toBe(57);

      const tight = `${bucket}-tight`;
      const hits = [];
      for (let i = 0; i < 5; i++) hits.push((await first.hit(tight, 3)).allowed);
      expect(hits).toEqual([true, true, true, false, false]);
      // The third hit reached the limit: the fourth and fifth were refused without a round trip.
      expect(await counted(tight)).toBe(3);
    } finally {
      redis.disconnect();
      await Promise.all([first.close(), second.close()]);
    }
  });
});
