import IORedis from 'ioredis';
import { HOUR_MS, FakeClock } from '../domain/time/clock';
import { capturingLogger } from '../scripts/fuzz/harness';
import { reconcileDeadlines } from '../workers/deadlines/deadline-reconciler';
import { deadlineStepJobId } from '../platform/queues/job-scheduler';
import { PLATFORM_QUEUES } from '../platform/queues/queue-names';
import { freePort, ManagedProcess, waitUntil, which } from './chaos/processes';
import { createTestApp, TestApp } from './helpers/test-app';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const redisServer = which('redis-server');
const maybe = redisServer ? describe : describe.skip;
if (!redisServer) console.warn('[test] Redis outage test SKIPPED: redis-server is not installed');

const REGISTER_CONCERN = `mutation($input: RegisterConcernInput!) { registerConcern(input: $input) { id reference } }`;
const NOW = '2026-11-23T08:00:00Z';

let redis: ManagedProcess;
let redisUrl: string;
let app: TestApp;
let base: string;
const clock = new FakeClock(NOW);
const { logger, entries } = capturingLogger('warn');

async function redisAnswers(): Promise<boolean> {
  const probe = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } finally {
    probe.disconnect();
  }
}

/**
 * A phone call social services received 11 hours ago: its first reminder is due within the hour, so the API
 * enqueues it after commit. (Only social services may set the receipt time back.)
 */
async function flag(n: number): Promise<{ ms: number; reportId: string; errors: unknown }> {
  const started = Date.now();
  const result = await app.as('socsek.norr@samverka.test', REGISTER_CONCERN, {
    input: {
      child: { givenName: 'Outage', familyName: `Barn${n}` },
      category: 'SCHOOL_ABSENCE',
      description: 'Hög frånvaro.',
      feedbackRequested: false,
      idempotencyKey: `redis-outage-${n}`,
      channel: 'PHONE',
      reporterKind: 'PRIVATE_PERSON',
      reporterContact: 'Ringde in.',
      receivedAt: new Date(clock.now().getTime() - 11 * HOUR_MS).toISOString(),
    },
  });
  return { ms: Date.now() - started, reportId: result.data?.registerConcern?.id, errors: result.errors };
}

async function readyz(): Promise<{ ms: number; status: number; body: any }> {
  const started = Date.now();
  const response = await fetch(`${base}/readyz`);
  return { ms: Date.now() - started, status: response.status, body: await response.json() };
}

async function firstStepOf(reportId: string): Promise<{ id: string; fire_at: Date }> {
  const [step] = await app.sql(
    `SELECT s.id, s.fire_at FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id WHERE d.subject_id = $1 ORDER BY s.fire_at LIMIT 1`,
    [reportId],
  );
  return step;
}

maybe('Redis down is a degraded state, not a hang', () => {
  beforeAll(async () => {
    const port = await freePort();
    redisUrl = `redis://127.0.0.1:${port}`;
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-redis-outage-'));
    redis = new ManagedProcess(
      'redis',
      redisServer!,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      process.env,
      logDir,
    );
    redis.start();
    await waitUntil('redis', redisAnswers, 10_000);
    app = await createTestApp({ clock, redisUrl, logger });
    base = `http://127.0.0.1:${await app.api.listen(0)}`;
  });
  afterAll(async () => {
    await app?.close();
    await redis?.stop('SIGKILL');
  });

  it('commits writes and answers /readyz in time while Redis is down; the reconciler enqueues later', async () => {
    const up = await flag(1);
    expect(up.errors).toBeUndefined();
    const queue = app.runtime.queues.queue(PLATFORM_QUEUES.deadlineSteps);
    expect(await queue.getJob(deadlineStepJobId((await firstStepOf(up.reportId)).id))).toBeTruthy();
    expect((await readyz()).body).toMatchObject({ ready: true, database: true, queue: true, down: [], status: 'ok' });

    await redis.stop('SIGTERM');
    const down = await flag(2);
    expect(down.errors).toBeUndefined();
    expect(down.ms).toBeLessThan(Math.max(1_500, up.ms * 3));
    const [{ count }] = await app.sql(`SELECT count(*)::int AS count FROM report WHERE id = $1`, [down.reportId]);
    expect(count).toBe(1);
    expect(entries.some((e) => e.msg === 'enqueue after commit failed; the reconciler will schedule it')).toBe(true);

    const ready = await readyz();
    expect(ready.ms).toBeLessThan(2_000);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ready: true, database: true, queue: false, down: ['queue'], status: 'degraded' });

    redis.start();
    await waitUntil('redis back', redisAnswers, 10_000);
    await waitUntil('the app reconnected', async () => (await readyz()).body.queue === true, 15_000);
    const missed = await firstStepOf(down.reportId);
    expect(await queue.getJob(deadlineStepJobId(missed.id))).toBeFalsy();
    // The reconciler enqueues what falls due before its next few runs (RUNS_AHEAD × RECONCILE_EVERY_MS).
    clock.set(new Date(new Date(missed.fire_at).getTime() - 10 * 60_000));
    await reconcileDeadlines(app.runtime);
    expect(await queue.getJob(deadlineStepJobId(missed.id))).toBeTruthy();
    console.log(`redis outage: writeUpMs=${up.ms} writeDownMs=${down.ms} readyzDownMs=${ready.ms} reconciled=1`);
  });
});
