/**
 * `node dist/bench/cost-split.js`: the cost of one request, split (issue 27). The API, the obligations baseline and
 * the bare baseline run as their own processes with bench/lib/cost-probe.ts preloaded, which counts their SQL
 * statements, PostgreSQL round trips and Redis commands and reads their own CPU time. Per workload and server:
 *
 * - sequential: one request at a time over HTTP; statements, round trips and Redis commands per request (they do
 *   not depend on the machine's load), CPU ms per request (hardly does), and the client's latency (does);
 * - open loop: police-feedback offered at a fixed rate (default 200/s) whatever the answers do; latency from each
 *   request's due time, errors, and the per-request counts under load (concurrent requests share audit INSERTs).
 *
 * Writes bench/results/cost-split-latest.json (git-ignored), or the file --output names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FlagSpec, flagsOrExit } from './lib/args';
import { ProbeCounts } from './lib/cost-probe';
import { startIdentityProvider } from './lib/identity-provider';
import { openLoop, OpenLoopResult } from './lib/open-loop';
import { freePort, httpOk, Service, startService, waitUntil } from './lib/processes';
import { benchRoleUrls, coordinatedCaseId, firstRow, norrDistrictId, productionEnv } from './lib/bench-servers';
import { databaseUrlFor, DEFAULT_SCALE_DATABASE } from './lib/scale-database';
import { percentile, round } from './lib/stats';
import {
  CASE_VIEW_QUERY,
  COORDINATOR_VIEWER,
  FLAG_CONCERN_MUTATION,
  flagConcernInput,
  POLICE_FEEDBACK_QUERY,
  POLICE_VIEWER,
  SCHOOL_VIEWER,
  SOCIAL_VIEWER,
  TALKS_DUE_QUERY,
} from './workloads';

const FLAGS = {
  database: { kind: 'string', default: DEFAULT_SCALE_DATABASE, help: 'the scale database (npm run seed:scale)' },
  'redis-url': { kind: 'string', help: "the API's Redis (rate limiter, queues); default REDIS_URL" },
  requests: { kind: 'int', default: 200, min: 1, help: 'sequential requests measured per workload and server' },
  warmup: { kind: 'int', default: 30, min: 0, help: 'sequential requests before measuring' },
  rate: { kind: 'number', default: 200, min: 1, help: 'open-loop requests per second (police-feedback)' },
  'open-loop-duration': { kind: 'number', default: 10, min: 0, help: 'seconds of open-loop load per server (0 skips)' },
  'api-dist': { kind: 'string', help: 'the API of another build (its dist/ folder), e.g. main, for before/after' },
  output: { kind: 'string', help: 'where to write the JSON (default bench/results/cost-split-latest.json)' },
} satisfies Record<string, FlagSpec>;

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.resolve(__dirname, '..');
const LOGS = path.join(ROOT, 'bench', 'results', 'logs');
const PROBE = path.join(DIST, 'bench', 'lib', 'cost-probe.js');
const out = (line = '') => process.stdout.write(`${line}\n`);

interface Probed {
  readonly service: Service;
  read(): Promise<ProbeCounts>;
}

function probed(service: Service): Probed {
  return {
    service,
    read: () =>
      new Promise<ProbeCounts>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${service.name}: no answer from the cost probe`)), 10_000);
        const listen = (message: unknown) => {
          const probe = (message as { probe?: ProbeCounts } | null)?.probe;
          if (!probe) return;
          clearTimeout(timer);
          service.child.off('message', listen);
          resolve(probe);
        };
        service.child.on('message', listen);
        service.child.send({ probe: 'read' });
      }),
  };
}

export interface PerRequest {
  readonly requests: number;
  readonly statements: number;
  readonly roundTrips: number;
  readonly redisCommands: number;
  readonly cpuMs: number;
}

const perRequest = (before: ProbeCounts, after: ProbeCounts, requests: number): PerRequest => ({
  requests,
  statements: round((after.statements - before.statements) / requests, 2),
  roundTrips: round((after.roundTrips - before.roundTrips) / requests, 2),
  redisCommands: round((after.redisCommands - before.redisCommands) / requests, 2),
  cpuMs: round((after.cpuMicros - before.cpuMicros) / 1000 / requests, 3),
});

interface Target {
  readonly server: Probed;
  readonly url: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: () => string;
}

async function post(target: Target): Promise<string> {
  const response = await fetch(`${target.url}${target.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body(),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"'))
    throw new Error(`${target.server.service.name} ${target.path}: ${text.slice(0, 300)}`);
  return text;
}

async function sequential(target: Target, warmup: number, requests: number) {
  for (let i = 0; i < warmup; i++) await post(target);
  const before = await target.server.read();
  const latencies: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    await post(target);
    latencies.push(performance.now() - t0);
  }
  const after = await target.server.read();
  return {
    ...perRequest(before, after, requests),
    latencyMs: { p50: round(percentile(latencies, 50), 2), p99: round(percentile(latencies, 99), 2) },
  };
}

async function underOpenLoop(target: Target, rate: number, durationSec: number): Promise<OpenLoopResult & { perRequest: PerRequest }> {
  const before = await target.server.read();
  const result = await openLoop({
    url: target.url,
    path: target.path,
    headers: target.headers,
    body: target.body,
    rate,
    durationSec,
    ok: (body) => !body.includes('"errors"'),
  });
  const after = await target.server.read();
  return { ...result, perRequest: perRequest(before, after, Math.max(1, result.completed)) };
}

async function main(): Promise<void> {
  const flags = flagsOrExit('node dist/bench/cost-split.js', FLAGS);
  const databaseUrl = databaseUrlFor(flags.database ?? DEFAULT_SCALE_DATABASE);
  const roles = await benchRoleUrls(databaseUrl);
  const idp = await startIdentityProvider(databaseUrl, [POLICE_VIEWER, SCHOOL_VIEWER, SOCIAL_VIEWER, COORDINATOR_VIEWER]);
  const env = productionEnv(databaseUrl, idp.env, flags['redis-url'] ?? process.env.REDIS_URL);
  const [apiPort, obligationsPort, baselinePort] = [await freePort(), await freePort(), await freePort()];
  const apiDist = flags['api-dist'] ? path.resolve(flags['api-dist']) : DIST;
  const services: Service[] = [];
  const start = (name: string, script: string, extra: Record<string, string>) => {
    const service = startService(name, ['--max-semi-space-size=8', '-r', PROBE, script], { ...env, ...extra }, LOGS, { ipc: true });
    services.push(service);
    return service;
  };
  try {
    const api = start('cost-api', path.join(apiDist, 'app/api.main.js'), {
      PORT: String(apiPort),
      DATABASE_URL: roles.appUrl,
      DATABASE_SYSTEM_URL: roles.systemUrl,
    });
    const obligations = start('cost-obligations', path.join(DIST, 'bench/obligations-server.js'), {
      PORT: String(obligationsPort),
      DATABASE_URL: roles.appUrl,
      DATABASE_SYSTEM_URL: roles.systemUrl,
    });
    const baseline = start('cost-baseline', path.join(DIST, 'bench/baseline-server.js'), {
      PORT: String(baselinePort),
      BASELINE_VIEWER_EMAIL: POLICE_VIEWER,
    });
    for (const [service, port] of [
      [api, apiPort],
      [obligations, obligationsPort],
      [baseline, baselinePort],
    ] as const) {
      await waitUntil(`${service.name} to answer /healthz`, () => httpOk(`http://127.0.0.1:${port}/healthz`), 60_000, 200, service);
    }
    const [apiP, obligationsP, baselineP] = [probed(api), probed(obligations), probed(baseline)];
    const idle0 = await apiP.read();
    await new Promise((r) => setTimeout(r, 2_000));
    const idle1 = await apiP.read();
    const apiIdle = { statementsPer2s: idle1.statements - idle0.statements, redisCommandsPer2s: idle1.redisCommands - idle0.redisCommands };

    const bearer = async (email: string) => ({ authorization: `Bearer ${await idp.token(email)}` });
    const gql = (query: string, variables: () => Record<string, unknown>) => () => JSON.stringify({ query, variables: variables() });
    const norr = await norrDistrictId(databaseUrl);
    const caseId = await coordinatedCaseId(databaseUrl);
    const child = await firstRow(
      databaseUrl,
      `SELECT c.personal_identity_number AS n FROM child c JOIN district d ON d.id = c.district_id
        WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL ORDER BY c.id LIMIT 1`,
    );
    const now = Date.now();
    const talksVars = { districtId: norr, from: new Date(now).toISOString(), to: new Date(now + 7 * 86_400_000).toISOString() };
    let key = 0;

    const police = gql(POLICE_FEEDBACK_QUERY, () => ({ first: 20 }));
    const policeHeaders = await bearer(POLICE_VIEWER);
    const workloads: { name: string; targets: Record<string, Target> }[] = [
      {
        name: 'police-feedback',
        targets: {
          product: { server: apiP, url: `http://127.0.0.1:${apiPort}`, path: '/graphql', headers: policeHeaders, body: police },
          obligations: {
            server: obligationsP,
            url: `http://127.0.0.1:${obligationsPort}`,
            path: '/police-feedback',
            headers: policeHeaders,
            body: police,
          },
          baseline: { server: baselineP, url: `http://127.0.0.1:${baselinePort}`, path: '/police-feedback', headers: {}, body: police },
        },
      },
      ...(caseId
        ? [
            {
              name: 'case-view',
              targets: {
                product: {
                  server: apiP,
                  url: `http://127.0.0.1:${apiPort}`,
                  path: '/graphql',
                  headers: await bearer(COORDINATOR_VIEWER),
                  body: gql(CASE_VIEW_QUERY, () => ({ id: caseId })),
                },
                baseline: {
                  server: baselineP,
                  url: `http://127.0.0.1:${baselinePort}`,
                  path: '/case-view',
                  headers: {},
                  body: gql(CASE_VIEW_QUERY, () => ({ id: caseId })),
                },
              },
            },
          ]
        : []),
      {
        name: 'talks-due',
        targets: {
          product: {
            server: apiP,
            url: `http://127.0.0.1:${apiPort}`,
            path: '/graphql',
            headers: await bearer(SOCIAL_VIEWER),
            body: gql(TALKS_DUE_QUERY, () => talksVars),
          },
          baseline: {
            server: baselineP,
            url: `http://127.0.0.1:${baselinePort}`,
            path: '/talks-due',
            headers: {},
            body: gql(TALKS_DUE_QUERY, () => talksVars),
          },
        },
      },
      {
        name: 'flag-concern',
        targets: {
          product: {
            server: apiP,
            url: `http://127.0.0.1:${apiPort}`,
            path: '/graphql',
            headers: await bearer(SCHOOL_VIEWER),
            body: gql(FLAG_CONCERN_MUTATION, () => ({ input: flagConcernInput(`cost-split-${now}-${key++}`, child.n) })),
          },
        },
      },
    ];

    const sequentialResults: Record<string, Record<string, Awaited<ReturnType<typeof sequential>>>> = {};
    for (const w of workloads) {
      sequentialResults[w.name] = {};
      for (const [server, target] of Object.entries(w.targets)) {
        // Writes leave rows for good: a tenth as many.
        const n = w.name === 'flag-concern' ? Math.max(1, Math.round(flags.requests / 10)) : flags.requests;
        const r = await sequential(target, w.name === 'flag-concern' ? 2 : flags.warmup, n);
        sequentialResults[w.name][server] = r;
        out(
          `${w.name.padEnd(16)} ${server.padEnd(12)} statements ${r.statements}  round trips ${r.roundTrips}  redis ${r.redisCommands}  CPU ${r.cpuMs} ms  p50 ${r.latencyMs.p50} ms`,
        );
      }
    }

    const openLoopResults: Record<string, OpenLoopResult & { perRequest: PerRequest }> = {};
    if (flags['open-loop-duration'] > 0) {
      for (const [server, target] of Object.entries(workloads[0].targets)) {
        for (let i = 0; i < flags.warmup; i++) await post(target);
        const r = await underOpenLoop(target, flags.rate, flags['open-loop-duration']);
        openLoopResults[server] = r;
        out(
          `open loop ${flags.rate}/s police-feedback ${server.padEnd(12)} p50 ${r.latencyMs.p50} p90 ${r.latencyMs.p90} p99 ${r.latencyMs.p99} max ${r.latencyMs.max} ms, errors ${r.errors}, achieved ${r.achievedRate}/s, statements ${r.perRequest.statements}, CPU ${r.perRequest.cpuMs} ms`,
        );
      }
    }

    const report = {
      when: new Date().toISOString(),
      apiDist,
      database: flags.database,
      loadAverage: (await import('node:os')).loadavg().map((n) => round(n, 2)),
      cpus: (await import('node:os')).cpus().length,
      apiIdle,
      sequential: sequentialResults,
      openLoop: { workload: 'police-feedback', rate: flags.rate, durationSec: flags['open-loop-duration'], results: openLoopResults },
    };
    const file = flags.output ? path.resolve(flags.output) : path.join(ROOT, 'bench', 'results', 'cost-split-latest.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    out(`written ${path.relative(ROOT, file)}; load average ${report.loadAverage.join(' ')} on ${report.cpus} cores`);
  } finally {
    for (const service of services) await service.stop(10_000);
    await idp.close?.();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
