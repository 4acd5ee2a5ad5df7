import Redis from 'ioredis';
import type { Logger } from '../../platform/logger';

/**
 * Fixed-window counters: a bucket ("user:…", "ip:…") may be hit `limit`
 * times per window. Windows are aligned to the epoch, so every API process
 * sharing a Redis counts into the same key.
 */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Whole seconds until the window ends; what `Retry-After` says. */
  readonly retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(bucket: string, limit: number): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

function decide(count: number, limit: number, windowEndsInMs: number): RateLimitDecision {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil(windowEndsInMs / 1000)),
  };
}

/** One process's memory; for development and single-instance runs. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly counts = new Map<string, number>();
  private window = -1;

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(bucket: string, limit: number): Promise<RateLimitDecision> {
    const now = this.now();
    const window = Math.floor(now / this.windowMs);
    // A new window forgets the old one whole, so the map never outgrows one window's clients.
    if (window !== this.window) {
      this.counts.clear();
      this.window = window;
    }
    const count = (this.counts.get(bucket) ?? 0) + 1;
    this.counts.set(bucket, count);
    return decide(count, limit, (window + 1) * this.windowMs - now);
  }

  async close(): Promise<void> {
    this.counts.clear();
  }
}

/**
 * INCRBY and the expiry of several counters in one step, so a crash between them cannot leave a counter that never
 * expires. KEYS: the counters; ARGV: the window in ms, then each counter's increment. Returns the counts after.
 */
const INCREMENT_ALL = `
local counts = {}
for i, key in ipairs(KEYS) do
  local by = tonumber(ARGV[i + 1])
  local count = redis.call('INCRBY', key, by)
  if count == by then redis.call('PEXPIRE', key, ARGV[1]) end
  counts[i] = count
end
return counts`;

const KEY_PREFIX = 'samverka:rate:';
/** A slow Redis must not slow every request down: past this, the request is counted in this process instead. */
const COMMAND_TIMEOUT_MS = 250;
const WARN_EVERY_MS = 60_000;
/** Right after start the connection is still being made: requests wait this long for it once, then count locally. */
const FIRST_CONNECTION_WAIT_MS = 2_000;

/**
 * A busy bucket reserves counts ahead in Redis and hands them out here: per hit, this many more, at most a
 * LEASE_SHARE-th of the limit. Counts reserved but unused when the window ends are lost, so a bucket can be
 * refused that many hits early per process; a bucket whose limit is under LEASE_SHARE reserves nothing.
 */
const LEASE_PER_HIT = 4;
const LEASE_SHARE = 16;

/** Counts of one bucket's window this process holds, `next` to `last`; once `last` reaches the limit, every later hit is refused. */
interface Lease {
  next: number;
  readonly last: number;
}

interface PendingHit {
  readonly bucket: string;
  readonly key: string;
  readonly limit: number;
  readonly windowEndsInMs: number;
  readonly resolve: (decision: RateLimitDecision) => void;
}

type CountingRedis = Redis & { incrementAll(...args: (string | number)[]): Promise<number[]> };

/**
 * Shared by every API process. The hits that arrive within one turn of the event loop go to Redis together, in one
 * round trip, and each gets its own count; a busy bucket also reserves a few counts ahead (a lease) and spends them
 * without asking Redis. When Redis fails (or is not connected) the hits are counted in this process's memory
 * instead, with the same limit: N processes then allow at most N times the limit, never everything.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: CountingRedis;
  private readonly fallback: MemoryRateLimiter;
  private lastWarning = 0;
  private pending: PendingHit[] = [];
  private leases = new Map<string, Lease>();
  private leaseWindow = -1;

  constructor(
    redisUrl: string,
    private readonly windowMs: number,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    // No offline queue: while Redis is away a command fails at once instead of waiting for a reconnect.
    const redis = new Redis(redisUrl, {
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    redis.defineCommand('incrementAll', { lua: INCREMENT_ALL });
    this.redis = redis as CountingRedis;
    this.redis.on('error', () => undefined);
    this.fallback = new MemoryRateLimiter(windowMs, now);
    this.firstConnection = new Promise((resolve) => {
      this.redis.once('ready', resolve);
      // A refused connection is an answer too: nothing to wait for.
      this.redis.once('error', resolve);
      setTimeout(resolve, FIRST_CONNECTION_WAIT_MS).unref();
    });
  }

  /** Settles when Redis first answers or refuses, or after FIRST_CONNECTION_WAIT_MS; later outages fall back at once. */
  private readonly firstConnection: Promise<unknown>;

  async hit(bucket: string, limit: number): Promise<RateLimitDecision> {
    if (this.redis.status !== 'ready') await this.firstConnection;
    const now = this.now();
    const window = Math.floor(now / this.windowMs);
    const windowEndsInMs = (window + 1) * this.windowMs - now;
    if (this.redis.status !== 'ready') return this.countLocally(bucket, limit, new Error(`Redis is ${this.redis.status}`));
    const key = `${KEY_PREFIX}${bucket}:${window}`;
    if (window !== this.leaseWindow) {
      this.leases.clear();
      this.leaseWindow = window;
    }
    const lease = this.leases.get(key);
    if (lease && lease.next <= lease.last) return decide(lease.next++, limit, windowEndsInMs);
    if (lease && lease.last >= limit) return decide(lease.last + 1, limit, windowEndsInMs);
    return new Promise((resolve) => {
      this.pending.push({ bucket, key, limit, windowEndsInMs, resolve });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const hits = this.pending;
    this.pending = [];
    const hitsOf = new Map<string, number>();
    for (const hit of hits) hitsOf.set(hit.key, (hitsOf.get(hit.key) ?? 0) + 1);
    const increments = new Map<string, number>();
    const limit = new Map<string, number>();
    for (const hit of hits) {
      limit.set(hit.key, hit.limit);
      const count = hitsOf.get(hit.key)!;
      increments.set(hit.key, count + Math.min(count * LEASE_PER_HIT, Math.floor(hit.limit / LEASE_SHARE)));
    }
    const keys = [...increments.keys()];
    let counts: number[];
    try {
      counts = await this.redis.incrementAll(keys.length, ...keys, this.windowMs, ...keys.map((key) => increments.get(key)!));
    } catch (error) {
      for (const hit of hits) hit.resolve(await this.countLocally(hit.bucket, hit.limit, error));
      return;
    }
    const lastCount = new Map(keys.map((key, i) => [key, Number(counts[i]) - increments.get(key)!]));
    for (const hit of hits) {
      const count = lastCount.get(hit.key)! + 1;
      lastCount.set(hit.key, count);
      hit.resolve(decide(count, hit.limit, hit.windowEndsInMs));
    }
    keys.forEach((key, i) => {
      const last = Number(counts[i]);
      const spent = lastCount.get(key)!;
      // A bucket at its limit stays refused until the window ends: no need to ask Redis again.
      if (key.endsWith(`:${this.leaseWindow}`) && (spent < last || last >= limit.get(key)!))
        this.leases.set(key, { next: spent + 1, last });
    });
  }

  private countLocally(bucket: string, limit: number, error: unknown): Promise<RateLimitDecision> {
    const now = this.now();
    if (now - this.lastWarning > WARN_EVERY_MS) {
      this.lastWarning = now;
      this.logger.warn({ err: error }, 'rate limiter: Redis unavailable, counting in this process');
    }
    return this.fallback.hit(bucket, limit);
  }

  async close(): Promise<void> {
    await this.fallback.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createRateLimiter(options: { redisUrl?: string; windowMs: number; logger: Logger }): RateLimiter {
  return options.redisUrl
    ? new RedisRateLimiter(options.redisUrl, options.windowMs, options.logger)
    : new MemoryRateLimiter(options.windowMs);
}
