/**
 * The chaos drill of the deadlines engine: real API and worker processes on
 * their own Redis and PostgreSQL, while workers are SIGKILLed, Redis is
 * flushed and restarted, and PostgreSQL drops every connection. Afterwards the
 * ledger must show every step fired exactly once. On the PostgreSQL queue
 * backend (what `npm start` runs without REDIS_URL) the flush deletes the
 * queue's jobs and there is no Redis to restart.
 */
import { DEADLINE_KINDS } from '../../platform/deadlines/deadline-clocks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { runMigrations } from '../../db/data-source';
import { createAppDataSource } from '../../app/runtime';
import { asSystem } from '../../db/access/row-scope';
import { DEVELOPMENT_ROLES, prepareLocalRoles } from '../../db/roles';
import { seedDemo } from '../../db/seed/demo-seed';
import { systemClock } from '../../domain/time/clock';
import { DEFAULT_DISTRICT_POLICY } from '../../platform/districts/district-settings';
import { planSteps } from '../../domain/deadlines/deadline-steps';
import { startEmbeddedDatabase } from '../../platform/embedded-database';
import { createQueueFactory, prepareQueueSchema } from '../../platform/queues/queue-backend';
import { POSTGRES_QUEUE_SCHEMA } from '../../platform/queues/queue-names';
import { QueueJobScheduler, ScheduledStep } from '../../platform/queues/job-scheduler';
import { freePort, ManagedProcess, waitUntil, which } from './processes';

export interface ChaosOptions {
  readonly deadlines: number;
  /**
   * Due times are spread over this window, which starts `leadMs` after the due times are chosen; writing the rows
   * and starting the faults happen in the lead. Default: 6 s plus 0.4 ms a deadline (the rows of 100,000 took
   * about 45 s on the loaded 2-core machine), so the first steps are not overdue before the drill begins.
   */
  readonly windowMs: number;
  readonly leadMs?: number;
  readonly killEveryMs?: number;
  /** False runs the same load without faults, as a baseline for the lag. */
  readonly faults?: boolean;
  /** Run only these faults: kill, flush, redis-restart, pg-terminate (default all). */
  readonly only?: readonly string[];
  /** Which queue backend the processes run on (default redis). */
  readonly queueBackend?: QueueBackendKind;
  readonly log?: (line: string) => void;
}

export type QueueBackendKind = 'redis' | 'postgres';

export interface ChaosSummary {
  readonly deadlines: number;
  readonly steps: number;
  readonly missing: number;
  readonly duplicated: number;
  readonly p50LagMs: number;
  readonly p90LagMs: number;
  readonly p99LagMs: number;
  readonly maxLagMs: number;
  readonly recoveredAfterRedisLossMs: number;
  readonly workerKills: number;
  readonly queueBackend: QueueBackendKind;
  readonly logDir: string;
}

export function formatSummary(s: ChaosSummary): string {
  return (
    `deadlines=${s.deadlines} steps=${s.steps} missing=${s.missing} duplicated=${s.duplicated} p50LagMs=${s.p50LagMs} ` +
    `p90LagMs=${s.p90LagMs} p99LagMs=${s.p99LagMs} maxLagMs=${s.maxLagMs} recoveredAfterRedisLossMs=${s.recoveredAfterRedisLossMs} ` +
    `workerKills=${s.workerKills} queue=${s.queueBackend}`
  );
}

const ROOT = path.resolve(__dirname, '..', '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runChaos(options: ChaosOptions): Promise<ChaosSummary> {
  const log = options.log ?? (() => undefined);
  const leadMs = options.leadMs ?? 6_000 + Math.round(options.deadlines * 0.4);
  const killEveryMs = options.killEveryMs ?? 4_000;
  const backend = options.queueBackend ?? 'redis';
  const redisServer = which('redis-server');
  if (backend === 'redis' && !redisServer) throw new Error('redis-server is not installed (Debian package redis-server)');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-chaos-'));
  fs.chmodSync(workDir, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
  const logDir = path.join(workDir, 'logs');
  fs.mkdirSync(logDir);

  // Own PostgreSQL and Redis, so killing them disturbs nothing else.
  const pgPort = await freePort();
  const database = await startEmbeddedDatabase({ dir: path.join(workDir, 'pg'), port: pgPort, database: 'samverka' });
  const redisPort = await freePort();
  const redisUrl = backend === 'redis' ? `redis://127.0.0.1:${redisPort}` : undefined;
  const redis = redisUrl
    ? new ManagedProcess(
        'redis',
        redisServer!,
        [
          '--port',
          String(redisPort),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--maxmemory-policy',
          'noeviction',
          '--dir',
          workDir,
        ],
        process.env,
        logDir,
      )
    : null;
  redis?.start();

  const processes: ManagedProcess[] = redis ? [redis] : [];
  try {
    const ds = createAppDataSource({ url: database.url });
    await ds.initialize();
    await runMigrations(ds);
    await asSystem(ds, (m) => seedDemo(m));
    // As `npm run migrate` does, so the processes do not race to create the queue's schema.
    if (!redisUrl) await prepareQueueSchema(database.url);
    // The API and the workers connect as production's roles do: requests under row-level security, system work apart.
    const roles = await prepareLocalRoles(ds, database.url, DEVELOPMENT_ROLES);
    if (redisUrl)
      await waitUntil(
        'redis',
        async () => {
          const probe = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
          try {
            await probe.connect();
            return (await probe.ping()) === 'PONG';
          } finally {
            probe.disconnect();
          }
        },
        10_000,
      );

    const env = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: roles.appUrl,
      DATABASE_SYSTEM_URL: roles.systemUrl,
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'warn',
      RECONCILE_EVERY_MS: '2000',
      PORT: String(await freePort()),
      // A separate API process gets no development sign-in; nothing here signs in, so an identity provider that is never asked will do.
      AUTH_JWKS_URL: 'https://idp.invalid/jwks',
      AUTH_ISSUER: 'https://idp.invalid/',
      AUTH_AUDIENCE: 'samverka',
    };
    if (!redisUrl) delete env.REDIS_URL;
    const api = new ManagedProcess('api', process.execPath, [path.join(ROOT, 'dist', 'app', 'api.main.js')], env, logDir);
    const workers = [1, 2].map(
      (n) => new ManagedProcess(`worker-${n}`, process.execPath, [path.join(ROOT, 'dist', 'app', 'worker.main.js')], env, logDir),
    );
    processes.push(api, ...workers);
    api.start();
    workers.forEach((w) => w.start());
    await waitUntil('the API', async () => (await fetch(`http://127.0.0.1:${env.PORT}/readyz`)).ok, 90_000);

    // N deadlines whose steps fall in the window, written as the API would: rows first, jobs after commit.
    const [{ id: reportId, district_id: districtId, responsible }] = await ds.query(
      `WITH r AS (
         INSERT INTO report (reference, reporter_kind, channel, registered_by_user_id, child_id, child_as_reported, district_id, policy_version,
                             category, description, feedback_requested, received_at, responsible_user_id)
         SELECT 'OA-CHAOS-1', 'POLICE', 'DIGITAL', p.id, c.id, 'x', c.district_id, 1, 'OTHER', 'chaos', true, now(), s.id
           FROM child c, app_user p, app_user s
          WHERE p.email = 'polis.norr@samverka.test' AND s.email = 'socsek.norr@samverka.test'
            AND c.district_id = (SELECT district_id FROM child c2 JOIN district d ON d.id = c2.district_id WHERE d.code = 'norr' LIMIT 1)
          LIMIT 1 RETURNING id, district_id, responsible_user_id)
       SELECT id, district_id, responsible_user_id AS responsible FROM r`,
    );
    const start = Date.now() + leadMs;
    const rows = Array.from({ length: options.deadlines }, (_, i) => {
      const dueAt = new Date(start + Math.floor(((i + 1) / options.deadlines) * options.windowMs));
      const startsAt = new Date(dueAt.getTime() - options.windowMs);
      return {
        startsAt,
        dueAt,
        steps: planSteps(DEADLINE_KINDS.FEEDBACK, DEFAULT_DISTRICT_POLICY, startsAt, dueAt).filter((s) => s.fireAt.getTime() >= start),
      };
    });
    const created: { id: string }[] = await ds.query(
      `INSERT INTO deadline (kind, subject_type, subject_id, subject_reference, district_id, responsible_user_id, policy_version, starts_at, due_at)
       SELECT 'FEEDBACK', 'REPORT', $1, 'OA-CHAOS-1', $2, $3, 1, s, d FROM unnest($4::timestamptz[], $5::timestamptz[]) AS t(s, d) RETURNING id`,
      [reportId, districtId, responsible, rows.map((r) => r.startsAt), rows.map((r) => r.dueAt)],
    );
    const stepIds: string[] = [];
    const stepDeadline: string[] = [];
    const stepName: string[] = [];
    const stepFire: Date[] = [];
    rows.forEach((r, i) =>
      r.steps.forEach((s) => {
        stepDeadline.push(created[i].id);
        stepName.push(s.step);
        stepFire.push(s.fireAt);
      }),
    );
    const inserted: { id: string; fire_at: Date }[] = await ds.query(
      `INSERT INTO deadline_step (deadline_id, step, fire_at) SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) RETURNING id, fire_at`,
      [stepDeadline, stepName, stepFire],
    );
    inserted.forEach((s) => stepIds.push(s.id));
    log(`chaos: ${options.deadlines} deadlines, ${stepIds.length} steps over ${options.windowMs} ms on the ${backend} queue backend`);
    if (Date.now() > start) log(`chaos: the window began ${Date.now() - start} ms before the rows were written: the lead was too short`);
    // Enqueued as the API would after commit, soonest first, while the window runs: at 100,000 deadlines the
    // enqueue takes longer than the lead. What a fault stops, the reconciler enqueues.
    const enqueueing = enqueueAll(
      database.url,
      redisUrl,
      inserted.map((s) => ({ id: s.id, fireAt: s.fire_at })),
      log,
    );

    // The faults, during the window.
    let workerKills = 0;
    let redisLostAt = 0;
    let redisBackAt = 0;
    const end = start + options.windowMs;
    const faults =
      options.faults === false
        ? []
        : [
            {
              kind: 'flush',
              at: start + options.windowMs * 0.3,
              run: async () => {
                await loseQueuedJobs(database.url, redisUrl);
                redisLostAt = Date.now();
                log(redisUrl ? 'chaos: FLUSHALL' : `chaos: DELETE FROM ${POSTGRES_QUEUE_SCHEMA}.job`);
              },
            },
            // With no Redis to restart, this only closes the span over which recovery from the loss is measured.
            {
              kind: 'redis-restart',
              at: start + options.windowMs * 0.55,
              run: async () => {
                await redis?.restart('SIGTERM');
                redisBackAt = Date.now();
                log(redis ? 'chaos: Redis restarted' : 'chaos: (no Redis to restart)');
              },
            },
            {
              kind: 'pg-terminate',
              at: start + options.windowMs * 0.8,
              run: async () => {
                const admin = new Client({ connectionString: database.url });
                await admin.connect();
                const { rowCount } = await admin.query(
                  `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'samverka' AND pid <> pg_backend_pid()`,
                );
                await admin.end();
                log(`chaos: terminated ${rowCount} PostgreSQL connections`);
              },
            },
          ].filter((f) => !options.only || options.only.includes(f.kind));
    const killing = options.faults !== false && (!options.only || options.only.includes('kill'));
    let nextKill = Date.now() + killEveryMs;
    while (Date.now() < end) {
      const now = Date.now();
      for (const fault of faults.filter((f) => f.at <= now)) {
        faults.splice(faults.indexOf(fault), 1);
        await fault.run();
      }
      if (killing && now >= nextKill) {
        const victim = workers[workerKills % workers.length];
        await victim.restart('SIGKILL');
        workerKills += 1;
        nextKill = now + killEveryMs;
      }
      await sleep(100);
    }
    for (const fault of faults) await fault.run();
    await enqueueing;

    // Recovery: every step fired, then the ledger.
    // A step still firing is late, not missing: wait while steps fire, give up after a spell without progress.
    const unfired = async (): Promise<number> =>
      (
        await ds.query(
          `SELECT count(*)::int AS n FROM deadline_step WHERE fired_at IS NULL AND deadline_id IN (SELECT id FROM deadline WHERE subject_id = $1)`,
          [reportId],
        )
      )[0].n;
    const recoveryBegan = Date.now();
    const left = await waitWhileProgressing(unfired, { stallMs: 60_000, capMs: 30 * 60_000 });
    log(left === 0 ? `chaos: the last step fired ${Date.now() - recoveryBegan} ms after the window` : `chaos: ${left} steps never fired`);
    const [ledger] = await ds.query(
      `SELECT count(*) FILTER (WHERE fired_at IS NULL)::int AS missing,
              coalesce(max(extract(epoch FROM fired_at - fire_at) * 1000), 0)::int AS max_lag,
              coalesce(percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - fire_at) * 1000),
                       ARRAY[0, 0, 0]::float8[])::int[] AS lags
         FROM deadline_step WHERE deadline_id IN (SELECT id FROM deadline WHERE subject_id = $1)`,
      [reportId],
    );
    // Each step has one recipient here (the responsible worker; Norr's one supervisor for escalations).
    const [{ duplicated, notified }] = await ds.query(
      `SELECT coalesce(sum(n - 1), 0)::int AS duplicated, count(*)::int AS notified
         FROM (SELECT split_part(dedupe_key, ':', 2) AS step, count(*) AS n FROM notification
                WHERE dedupe_key LIKE 'deadline-step:%' GROUP BY 1) per_step`,
    );
    // The worst lag of the steps whose jobs the flush destroyed.
    const [{ recovered }] = await ds.query(
      `SELECT coalesce(max(extract(epoch FROM fired_at - greatest(fire_at, $2)) * 1000), 0)::int AS recovered FROM deadline_step
        WHERE deadline_id IN (SELECT id FROM deadline WHERE subject_id = $1) AND fire_at > $2 AND fire_at <= $3`,
      [reportId, new Date(redisLostAt), new Date(redisBackAt || Date.now())],
    );
    const phases = await ds.query(
      `SELECT width_bucket(extract(epoch FROM fire_at) * 1000, $2::float8, $3::float8, 10) AS bucket, count(*)::int AS steps,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - fire_at) * 1000)::int AS p50,
              max(extract(epoch FROM fired_at - fire_at) * 1000)::int AS max
         FROM deadline_step WHERE deadline_id IN (SELECT id FROM deadline WHERE subject_id = $1) GROUP BY 1 ORDER BY 1`,
      [reportId, start - leadMs, end],
    );
    log(
      `chaos: lag by tenth of the run (bucket, steps, p50 ms, max ms): ${phases.map((p: any) => `${p.bucket}:${p.steps}/${p.p50}/${p.max}`).join(' ')}`,
    );
    log(`chaos: faults at flush=${redisLostAt - start}ms redisBack=${redisBackAt - start}ms (window ${options.windowMs} ms)`);
    await ds.destroy();

    const healthy = await fetch(`http://127.0.0.1:${env.PORT}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!healthy) log('chaos: the API did not answer /healthz after the drill');
    return {
      deadlines: options.deadlines,
      steps: stepIds.length,
      // An unfired step, or a fired step that notified nobody, is missing.
      missing: ledger.missing + Math.max(0, stepIds.length - ledger.missing - notified),
      duplicated,
      p50LagMs: ledger.lags[0],
      p90LagMs: ledger.lags[1],
      p99LagMs: ledger.lags[2],
      maxLagMs: ledger.max_lag,
      recoveredAfterRedisLossMs: recovered,
      workerKills,
      queueBackend: backend,
      logDir,
    };
  } finally {
    for (const p of processes.reverse()) await p.stop('SIGTERM', 20_000).catch(() => undefined);
    await database.stop().catch(() => undefined);
  }
}

/** Polls a count down to zero; stops early after `stallMs` without it falling, or at `capMs`. Returns what is left. */
async function waitWhileProgressing(count: () => Promise<number>, limits: { stallMs: number; capMs: number }): Promise<number> {
  const began = Date.now();
  let left = await count();
  let progressedAt = Date.now();
  while (left > 0 && Date.now() - progressedAt < limits.stallMs && Date.now() - began < limits.capMs) {
    await sleep(1_000);
    const now = await count().catch(() => left);
    if (now < left) progressedAt = Date.now();
    left = now;
  }
  return left;
}

/** Enqueues the steps soonest first, in the scheduler's chunks; a failure (Redis restarting) is logged and left to the reconciler. */
async function enqueueAll(
  databaseUrl: string,
  redisUrl: string | undefined,
  steps: ScheduledStep[],
  log: (line: string) => void,
): Promise<void> {
  const began = Date.now();
  const factory = createQueueFactory({ databaseUrl, redisUrl });
  const scheduler = new QueueJobScheduler(factory, systemClock, 6 * 3_600_000);
  const sorted = [...steps].sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
  try {
    await scheduler.enqueueDeadlineSteps(sorted);
    log(`chaos: enqueued ${sorted.length} steps in ${Date.now() - began} ms`);
  } catch (error) {
    log(
      `chaos: the enqueue after commit failed after ${Date.now() - began} ms (${error instanceof Error ? error.message : String(error)}); the reconciler takes over`,
    );
  } finally {
    await scheduler.close().catch(() => undefined);
    await factory.close();
  }
}

/** The queue loses every job: Redis is flushed, or the PostgreSQL backend's job table emptied. */
async function loseQueuedJobs(databaseUrl: string, redisUrl: string | undefined): Promise<void> {
  if (redisUrl) {
    const client = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
    await client.flushall();
    client.disconnect();
    return;
  }
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`DELETE FROM ${POSTGRES_QUEUE_SCHEMA}.job`);
  await admin.end();
}
