import autocannon from 'autocannon';
import { maxOf, meanOf, percentile, round } from './stats';

export interface LoadRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  /** A fresh body per request (unique idempotency keys and the like). */
  readonly body: () => string;
  /** A GraphQL-level check of a 200 response; false counts as an error. */
  readonly ok?: (body: string) => boolean;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly durationSec: number;
  readonly warmupSec: number;
  readonly request: LoadRequest;
}

export interface LoadResult {
  readonly requests: number;
  readonly reqPerSec: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number; readonly mean: number };
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** 200 responses whose body failed the workload's check (GraphQL errors). */
  readonly badBodies: number;
  readonly durationSec: number;
  /** Percent of one core the server process used during the measured run. */
  serverCpuPercent?: number;
  /** Percent of all cores the machine used (server, PostgreSQL, load generator, anything else). */
  machineCpuPercent?: number;
}

function run(options: LoadOptions, durationSec: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let badBodies = 0;
  const { request } = options;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: durationSec,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: request.path,
            headers: { 'content-type': 'application/json', ...request.headers },
            setupRequest: (req) => ({ ...req, body: request.body() }),
            onResponse: request.ok
              ? (status: number, body: string) => {
                  if (status === 200 && !request.ok!(body)) badBodies++;
                }
              : undefined,
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          reqPerSec: round(result.requests.total / result.duration, 1),
          latencyMs: {
            p50: round(percentile(latencies, 50), 2),
            p95: round(percentile(latencies, 95), 2),
            p99: round(percentile(latencies, 99), 2),
            max: round(maxOf(latencies), 2),
            mean: round(meanOf(latencies), 2),
          },
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          badBodies,
          durationSec: round(result.duration, 2),
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

/** A warm-up run whose numbers are thrown away. */
export async function warmUp(options: LoadOptions): Promise<void> {
  if (options.warmupSec > 0) await run(options, options.warmupSec);
}

/** The measured run. */
export function measure(options: LoadOptions): Promise<LoadResult> {
  return run(options, options.durationSec);
}
