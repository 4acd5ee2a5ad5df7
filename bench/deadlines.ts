/**
 * Deadline engine benchmark: N deadlines due within a short window, fired by
 * two real worker processes (`node dist/app/worker.main.js`).
 *
 * Each deadline is a FEEDBACK deadline on one existing report, started 14 days
 * before it is due, with its two reminders already fired; what is left to fire
 * at the due time is `breach` (to the responsible social worker) and `escalate`
 * (to the district's supervisors): 2 steps per deadline, each writing its
 * notifications and e-mail outbox rows like any real step. The steps are
 * enqueued the way the API does it (QueueJobScheduler: a delayed job per step);
 * the workers' reconciler also fires whatever it finds overdue.
 *
 * Measured from the deadline_step table: lag = fired_at − fire_at, and steps/s.
 * The default window offers the steps at the target rate (2,000 steps/s), so
 * the lag shows whether the engine keeps up with it.
 */
import path from 'node:path';
import { Pool } from 'pg';
import { systemClock } from '../domain/time/clock';
import { deadlineStepJobId, outboxJobId, QueueJobScheduler } from '../platform/queues/job-scheduler';
import { PLATFORM_QUEUES } from '../platform/queues/queue-names';
import { createQueueFactory } from '../platform/queues/queue-backend';
import { cpuSecondsOf, machineCpuSeconds, memoryOf, round1, sampleMemory, Service, startService, waitUntil } from './lib/processes';
import { round } from './lib/stats';

export interface DeadlineBenchOptions {
  readonly databaseUrl: string;
  readonly redisUrl?: string;
  readonly deadlines: number;
  /** Seconds over which the due times are spread; default: steps ÷ 2,000. */
  readonly windowSec?: number;
  /** Seconds between the end of enqueueing (estimated) and the first due time; default from N. */
  readonly leadSec?: number;
  readonly workers: number;
  readonly logDir: string;
  readonly distDir: string;
  readonly log: (line: string) => void;
}

export interface DeadlineBenchResult {
  readonly deadlines: number;
  readonly steps: number;
  readonly workers: number;
  readonly queueBackend: 'redis' | 'postgres';
  readonly windowSec: number;
  readonly offeredStepsPerSec: number;
  readonly fired: number;
  readonly lagMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number };
  /** Fired steps ÷ (last fired_at − first fire_at): the offered rate when the engine keeps up, its capacity when it does not. */
  readonly stepsPerSec: number;
  /** The most steps fired within one wall-clock second. */
  readonly peakStepsPerSec: number;
  /** How long after the last due time the last step fired. */
  readonly drainAfterWindowSec: number;
  readonly enqueueSec: number;
  readonly insertSec: number;
  /** Seconds to spare between the end of enqueueing and the first due time (negative: the first were late before any worker could see them). */
  readonly slackSec: number;
  readonly workerPeakRssMiB: number[];
  /** While the steps fired: each worker's CPU as % of one core, and the whole machine's as % of all cores. */
  readonly workerCpuPercent: number[];
  readonly machineCpuPercent: number;
  readonly timedOut: boolean;
}

const STEPS_PER_DEADLINE = 2;
/** Above this many leftover jobs the clean-up drains the queues instead of removing jobs one by one. */
const DRAIN_ABOVE = 20_000;
const TARGET_STEPS_PER_SEC = 2_000;

export async function runDeadlineBench(options: DeadlineBenchOptions): Promise<DeadlineBenchResult> {
  const { log } = options;
  const pool = new Pool({ connectionString: options.databaseUrl, max: 2, application_name: 'samverka-bench-deadlines' });
  const workers: Service[] = [];
  const tag = new Date();
  try {
    const [subject] = (
      await pool.query(`
      SELECT r.id, r.district_id FROM report r JOIN district d ON d.id = r.district_id
       WHERE d.code = 'norr' ORDER BY r.received_at DESC LIMIT 1`)
    ).rows;
    if (!subject) throw new Error('No report in the scale database: run npm run seed:scale first');
    const [{ id: responsibleId }] = (await pool.query(`SELECT id FROM app_user WHERE email = 'socsek.norr@samverka.test'`)).rows;

    const steps = options.deadlines * STEPS_PER_DEADLINE;
    const windowSec = options.windowSec ?? Math.max(5, Math.ceil(steps / TARGET_STEPS_PER_SEC));
    const backend = options.redisUrl ? 'redis' : 'postgres';

    // Workers first: their start-up reconcile must not be what fires the benchmark's steps.
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl ?? '',
      LOG_LEVEL: 'info',
      PORT: '0',
    };
    for (let i = 1; i <= options.workers; i++) {
      workers.push(startService(`worker-${i}`, [path.join(options.distDir, 'app/worker.main.js')], env, options.logDir));
    }
    const started = Date.now();
    for (const worker of workers) {
      await waitUntil(`${worker.name} to start`, async () => worker.logged('"workers started"'), 180_000, 250, worker);
    }
    log(`  ${options.workers} workers up in ${((Date.now() - started) / 1000).toFixed(1)} s (queue backend: ${backend})`);
    const memory = workers.map((w) => sampleMemory(w.pid, 500));

    // Due times: T0 … T0 + window, evenly spread. T0 leaves time to insert and enqueue.
    const leadSec = options.leadSec ?? Math.ceil(5 + options.deadlines / 4_000 + steps / (backend === 'redis' ? 8_000 : 2_000));
    const t0 = new Date(Date.now() + leadSec * 1000);
    const insertStart = Date.now();
    await pool.query(
      `
      INSERT INTO deadline (kind, subject_type, subject_id, subject_reference, district_id, responsible_user_id, policy_version, starts_at, due_at, created_at)
      SELECT 'FEEDBACK', 'REPORT', $1, 'OA-BENCH', $2, $3, 1, due - interval '14 days', due, $4
        FROM (SELECT $5::timestamptz + (g * $6::float8 / $7::int) * interval '1 millisecond' AS due FROM generate_series(0, $7::int - 1) g) x`,
      [subject.id, subject.district_id, responsibleId, tag, t0, windowSec * 1000, options.deadlines],
    );
    await pool.query(
      `
      INSERT INTO deadline_step (deadline_id, step, fire_at, fired_at)
      SELECT d.id, s.step, d.starts_at + (d.due_at - d.starts_at) * s.share,
             CASE WHEN s.share < 1 THEN d.starts_at + (d.due_at - d.starts_at) * s.share + interval '1 second' END
        FROM deadline d CROSS JOIN (VALUES ('remind_50', 0.5), ('remind_80', 0.8), ('breach', 1.0), ('escalate', 1.0)) s(step, share)
       WHERE d.created_at = $1`,
      [tag],
    );
    const pending: { id: string; fire_at: Date }[] = (
      await pool.query(
        `
      SELECT s.id, s.fire_at FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id
       WHERE d.created_at = $1 AND s.fired_at IS NULL ORDER BY s.fire_at`,
        [tag],
      )
    ).rows;
    const insertSec = (Date.now() - insertStart) / 1000;

    const enqueueStart = Date.now();
    const factory = createQueueFactory({ redisUrl: options.redisUrl, databaseUrl: options.databaseUrl });
    const scheduler = new QueueJobScheduler(factory, systemClock, 6 * 3_600_000);
    try {
      for (let i = 0; i < pending.length; i += 2_000) {
        await scheduler.enqueueDeadlineSteps(pending.slice(i, i + 2_000).map((s) => ({ id: s.id, fireAt: s.fire_at })));
      }
    } finally {
      await scheduler.close();
      await factory.close();
    }
    const enqueueSec = (Date.now() - enqueueStart) / 1000;
    const slackSec = (t0.getTime() - Date.now()) / 1000;
    log(
      `  ${options.deadlines} deadlines, ${pending.length} steps due over ${windowSec} s: inserted in ${insertSec.toFixed(1)} s, enqueued in ${enqueueSec.toFixed(1)} s, ` +
        `${Math.abs(slackSec).toFixed(1)} s ${slackSec >= 0 ? 'before' : 'AFTER'} the first was due`,
    );

    // Wait for the steps to fire: bounded by the window plus a drain allowance.
    const cpu0 = { workers: workers.map((w) => cpuSecondsOf(w.pid)), machine: machineCpuSeconds(), at: Date.now() };
    const deadlineMs = t0.getTime() + windowSec * 1000 + Math.max(120, 3 * windowSec) * 1000;
    let fired = 0;
    let lastReport = 0;
    let timedOut = false;
    for (;;) {
      // Cheap enough to ask every second: the partial index of unfired steps, over the window only.
      const unfired = Number(
        (
          await pool.query(
            `
        SELECT count(*) AS n FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id
         WHERE s.fired_at IS NULL AND s.closed_at IS NULL AND s.fire_at BETWEEN $2 AND $3 AND d.created_at = $1`,
            [tag, t0, new Date(t0.getTime() + windowSec * 1000 + 1000)],
          )
        ).rows[0].n,
      );
      fired = pending.length - unfired;
      if (fired >= pending.length) break;
      if (Date.now() > deadlineMs) {
        timedOut = true;
        break;
      }
      for (const w of workers) {
        if (w.child.exitCode !== null) throw new Error(`${w.name} exited during the benchmark:\n${w.tail()}`);
      }
      if (Date.now() - lastReport > 5_000) {
        lastReport = Date.now();
        const since = (Date.now() - t0.getTime()) / 1000;
        log(`  … ${fired}/${pending.length} fired (${Math.abs(since).toFixed(0)} s ${since < 0 ? 'before' : 'after'} the first due time)`);
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const cpuSeconds = (Date.now() - cpu0.at) / 1000;
    const machine1 = machineCpuSeconds();
    const workerCpuPercent = workers.map((w, i) => round1(((cpuSecondsOf(w.pid) - cpu0.workers[i]) / cpuSeconds) * 100));
    const machineCpuPercent = round1(((machine1.busy - cpu0.machine.busy) / Math.max(1e-9, machine1.total - cpu0.machine.total)) * 100);
    const workerPeakRssMiB = memory.map((m, i) => Math.max(m.stop().peakRssMiB, memoryOf(workers[i].pid)?.peakRssMiB ?? 0)).map(round1);

    // A step still unfired counts with its lag so far, so a timed-out run reports a lower bound, not a flattering subset.
    const [stats] = (
      await pool.query(
        `
      SELECT count(s.fired_at)::int AS fired,
             percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM COALESCE(s.fired_at, $2) - s.fire_at) * 1000) AS lag,
             max(extract(epoch FROM COALESCE(s.fired_at, $2) - s.fire_at) * 1000) AS max_lag,
             extract(epoch FROM max(s.fired_at) - min(s.fire_at)) AS span,
             extract(epoch FROM max(s.fired_at) - max(s.fire_at)) AS drain
        FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id
       WHERE d.created_at = $1 AND s.step IN ('breach', 'escalate')`,
        [tag, new Date()],
      )
    ).rows;
    const lag = (stats.lag ?? [NaN, NaN, NaN]).map(Number);
    const [{ peak }] = (
      await pool.query(
        `
      SELECT coalesce(max(n), 0)::int AS peak FROM (
        SELECT count(*) AS n FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id
         WHERE d.created_at = $1 AND s.step IN ('breach', 'escalate') AND s.fired_at IS NOT NULL
         GROUP BY date_trunc('second', s.fired_at)) x`,
        [tag],
      )
    ).rows;
    return {
      deadlines: options.deadlines,
      steps: pending.length,
      workers: options.workers,
      queueBackend: backend,
      windowSec,
      offeredStepsPerSec: round(pending.length / windowSec, 0),
      fired: stats.fired,
      lagMs: { p50: round(lag[0], 0), p95: round(lag[1], 0), p99: round(lag[2], 0), max: round(Number(stats.max_lag), 0) },
      stepsPerSec: round(stats.fired / Math.max(0.001, Number(stats.span)), 0),
      peakStepsPerSec: peak,
      drainAfterWindowSec: round(Number(stats.drain), 1),
      enqueueSec: round(enqueueSec, 1),
      insertSec: round(insertSec, 1),
      slackSec: round(slackSec, 1),
      workerPeakRssMiB,
      workerCpuPercent,
      machineCpuPercent,
      timedOut,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await cleanUp(pool, tag, options, log).catch((error) =>
      log(`  clean-up failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    await pool.end();
  }
}

/**
 * Removes the benchmark's deadlines (their steps cascade), the notifications
 * and e-mails they produced, and the queue jobs of steps and e-mails still
 * waiting, so the next run starts from the same place.
 */
async function cleanUp(pool: Pool, tag: Date, options: DeadlineBenchOptions, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const ours = `SELECT s.id FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id WHERE d.created_at = $1`;
  const unfired: string[] = (
    await pool.query(
      `
    SELECT s.id FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id WHERE d.created_at = $1 AND s.fired_at IS NULL`,
      [tag],
    )
  ).rows.map((r) => r.id);
  const n = await pool.query(
    `
    DELETE FROM notification n WHERE n.kind LIKE 'DEADLINE_%' AND n.created_at >= $1
       AND split_part(n.dedupe_key, ':', 2)::uuid IN (${ours})`,
    [tag],
  );
  const o = await pool.query(
    `
    DELETE FROM outbox o WHERE o.dedupe_key LIKE 'email:deadline-step:%' AND o.created_at >= $1
       AND split_part(o.dedupe_key, ':', 3)::uuid IN (${ours}) RETURNING o.id, o.status`,
    [tag],
  );
  const d = await pool.query(`DELETE FROM deadline WHERE created_at = $1`, [tag]);
  // Hundreds of thousands of dead rows would slow the next run down: vacuum them now rather than whenever autovacuum gets there.
  await pool.query(`VACUUM (ANALYZE) deadline, deadline_step, notification, outbox`);
  const sqlSec = (Date.now() - started) / 1000;
  const undelivered = o.rows.filter((r) => r.status === 'PENDING').map((r) => r.id as string);
  let removedJobs = 0;
  let drained = false;
  if (unfired.length || undelivered.length) {
    const factory = createQueueFactory({ redisUrl: options.redisUrl, databaseUrl: options.databaseUrl });
    const steps = factory.queue(PLATFORM_QUEUES.deadlineSteps);
    const outbox = factory.queue(PLATFORM_QUEUES.outbox);
    try {
      if (unfired.length + undelivered.length > DRAIN_ABOVE) {
        // One job at a time takes minutes at this size. Draining also drops the waiting and delayed jobs
        // of real steps, which the reconciler puts back when workers start: the queues are rebuilt from the database.
        await steps.drain(true);
        await outbox.drain(true);
        drained = true;
      } else {
        const jobs = [
          ...unfired.map((id) => () => steps.remove(deadlineStepJobId(id))),
          ...undelivered.map((id) => () => outbox.remove(outboxJobId(id))),
        ];
        for (let i = 0; i < jobs.length; i += 500) {
          const removed = await Promise.all(jobs.slice(i, i + 500).map((remove) => remove().catch(() => 0)));
          removedJobs += removed.filter((r) => r === 1).length;
        }
      }
    } finally {
      await Promise.all([steps.close(), outbox.close()]);
      await factory.close();
    }
  }
  log(
    `  cleaned up ${d.rowCount} deadlines, ${n.rowCount} notifications, ${o.rowCount} e-mails (${sqlSec.toFixed(1)} s), ` +
      `${drained ? 'drained the step and e-mail queues' : `${removedJobs} queued jobs`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
