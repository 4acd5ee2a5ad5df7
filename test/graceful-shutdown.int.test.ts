import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDeadline } from './helpers/deadlines';
import { systemClock } from '../domain/time/clock';
import { DEFAULT_DISTRICT_POLICY } from '../platform/districts/district-settings';
import { ManagedProcess, waitUntil } from './chaos/processes';
import { createTestApp, TestApp } from './helpers/test-app';
import { asSystem, BEGIN_AS_SYSTEM } from '../db/access/row-scope';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ clock: systemClock });
});

afterAll(() => app.close());

describe('graceful shutdown of a worker', () => {
  it('finishes the job it holds when SIGTERM arrives, and loses nothing', async () => {
    const [report] = await app.sql(
      `SELECT c.id AS child_id, c.district_id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' LIMIT 1`,
    );
    const [{ id: reportId }] = await app.sql(
      `INSERT INTO report (reference, reporter_kind, channel, registered_by_user_id, child_id, child_as_reported, district_id, policy_version, category, description, feedback_requested, received_at)
       SELECT 'OA-SIGTERM-1', 'POLICE', 'DIGITAL', id, $1, 'x', $2, 1, 'OTHER', 'x', false, now() FROM app_user WHERE email = 'polis.norr@samverka.test' RETURNING id`,
      [report.child_id, report.district_id],
    );
    const socsekId = await app.idOf('app_user', 'email = $1', ['socsek.norr@samverka.test']);
    const startsAt = new Date();
    const { steps } = await asSystem(app.dataSource, (m) =>
      createTestDeadline(m, {
        kind: 'FEEDBACK',
        subjectId: reportId,
        districtId: report.district_id,
        responsibleUserId: socsekId,
        policy: { ...DEFAULT_DISTRICT_POLICY, reminderPercents: [] },
        startsAt,
        dueAt: new Date(startsAt.getTime() + 1_500),
      }),
    );
    const breach = steps[0];

    // Hold the step's row, so the worker's job is caught in the middle of its transaction.
    const blocker = new Client({ connectionString: app.db.systemUrl });
    await blocker.connect();
    // In system scope: row-level security would hide the row, and nothing would be held.
    await blocker.query(BEGIN_AS_SYSTEM);
    await blocker.query('SELECT id FROM deadline_step WHERE id = $1 FOR UPDATE', [breach.id]);

    // The spawned worker's connections carry their own application name, so the waits below are for this worker alone.
    const applicationName = `samverka-shutdown-${process.pid}-${Date.now()}`;
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-shutdown-'));
    const worker = new ManagedProcess(
      'worker',
      process.execPath,
      [path.resolve(__dirname, '..', 'dist', 'app', 'worker.main.js')],
      {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: app.db.url,
        DATABASE_SYSTEM_URL: app.db.systemUrl,
        REDIS_URL: app.runtime.config.redisUrl ?? '',
        LOG_LEVEL: 'info',
        PGAPPNAME: applicationName,
      },
      logDir,
    );
    worker.start();
    await waitUntil(
      'the worker to be ready',
      async () => fs.readFileSync(path.join(logDir, 'worker.log'), 'utf8').includes('"workers started"'),
      45_000,
    );
    await app.runtime.jobs.enqueueDeadlineSteps(steps);
    await waitUntil(
      "the worker's job to block on the held row",
      async () => {
        const rows = await app.sql(
          `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND application_name = $2 AND wait_event_type = 'Lock' AND query LIKE '%deadline_step%'`,
          [app.db.name, applicationName],
        );
        return rows.length > 0;
      },
      30_000,
    );

    const exited = worker.stop('SIGTERM', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [{ fired_at: beforeRelease }] = await app.sql(`SELECT fired_at FROM deadline_step WHERE id = $1`, [breach.id]);
    await blocker.query('COMMIT');
    await blocker.end();
    const code = await exited;

    expect(beforeRelease).toBeNull();
    expect(code).toBe(0);
    const [{ fired_at: firedAt }] = await app.sql(`SELECT fired_at FROM deadline_step WHERE id = $1`, [breach.id]);
    expect(firedAt).not.toBeNull();
    const notes = await app.sql(`SELECT kind FROM notification WHERE subject_id = $1 AND kind = 'DEADLINE_BREACH'`, [reportId]);
    expect(notes).toEqual([{ kind: 'DEADLINE_BREACH' }]);
  }, 90_000);
});
