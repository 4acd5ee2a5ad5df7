import http from 'node:http';
import { maxOf, meanOf, percentile, round } from './stats';

export interface OpenLoopOptions {
  readonly url: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: () => string;
  /** Requests per second, offered whatever the server's answers do (open loop). */
  readonly rate: number;
  readonly durationSec: number;
  /** A GraphQL-level check of a 200 response; false counts as an error. */
  readonly ok?: (body: string) => boolean;
  readonly timeoutMs?: number;
}

export interface OpenLoopResult {
  readonly offeredRate: number;
  readonly sent: number;
  readonly completed: number;
  readonly achievedRate: number;
  /** From the time the request was due to be sent, so a sender or server falling behind shows (no coordinated omission). */
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number; readonly mean: number };
  /** Non-2xx, bodies failing the check, connection errors and timeouts. */
  readonly errors: number;
  readonly errorKinds: Record<string, number>;
  /** How late the sender itself sent (its own event loop on a busy machine), p99. */
  readonly senderLagP99Ms: number;
}

/**
 * A fixed-rate sender: request i is due at start + i / rate, sent then on a keep-alive connection of its own
 * (as many as are in flight), whether or not earlier ones were answered. Latency counts from the due time.
 */
export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const total = Math.round(options.rate * options.durationSec);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const lags: number[] = [];
  const errorKinds: Record<string, number> = {};
  const fail = (kind: string) => {
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const inFlight = new Set<Promise<void>>();
  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const body = options.body();
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: options.path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...options.headers },
          timeout: options.timeoutMs ?? 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - dueAt);
            if (res.statusCode !== 200) fail(`status ${res.statusCode}`);
            else if (options.ok && !options.ok(Buffer.concat(chunks).toString('utf8'))) fail('bad body');
            resolve();
          });
          res.on('error', () => {
            fail('response error');
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error) => {
        fail(error.message === 'timeout' ? 'timeout' : 'connection error');
        resolve();
      });
      req.end(body);
    });

  const start = performance.now();
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && start + next * interval <= now) {
      const dueAt = start + next * interval;
      lags.push(now - dueAt);
      const p = send(dueAt);
      inFlight.add(p);
      void p.then(() => inFlight.delete(p));
      next += 1;
    }
    const wait = start + next * interval - performance.now();
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(wait, 50))));
  }
  await Promise.all([...inFlight]);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const errors = Object.values(errorKinds).reduce((a, b) => a + b, 0);
  return {
    offeredRate: options.rate,
    sent: total,
    completed: latencies.length,
    achievedRate: round(latencies.length / elapsed, 1),
    latencyMs: {
      p50: round(percentile(latencies, 50), 2),
      p90: round(percentile(latencies, 90), 2),
      p99: round(percentile(latencies, 99), 2),
      max: round(maxOf(latencies), 2),
      mean: round(meanOf(latencies), 2),
    },
    errors,
    errorKinds,
    senderLagP99Ms: round(percentile(lags, 99), 2),
  };
}
