import { MemoryRateLimiter } from './rate-limiter';

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
