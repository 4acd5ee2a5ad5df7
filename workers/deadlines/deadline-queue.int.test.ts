import IORedis from 'ioredis';
import { Job } from 'bullmq';
import { createTestDeadline } from '../../test/helpers/deadlines';
import { deadlineRepository } from '../../db/deadlines/deadline.repository';
import { asSystem } from '../../db/access/row-scope';
import { systemClock } from '../../domain/time/clock';
import { DEFAULT_DISTRICT_POLICY } from '../../platform/districts/district-settings';
import { createTestApp, TestApp } from '../../test/helpers/test-app';
import { hasRedis } from '../../test/services';
import { startWorkers } from '../worker-registry';
import { deadlineStepProcessor } from './deadline-step.job';
import { reconcileDeadlines } from './deadline-reconciler';

const backends = hasRedis() ? (['redis', 'postgres'] as const) : (['postgres'] as const);
if (!hasRedis()) console.warn('[test] Redis backend tests SKIPPED: no Redis available');

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(backends)('deadline steps on the %s queue backend', (backend) => {
  let app: TestApp;
  let reportId: string;

  beforeEach(async () => {
    app = await createTestApp({ clock: systemClock, queue: backend });
    const [child] = await app.sql(
      `SELECT c.personal_identity_number AS pnr FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' LIMIT 1`,
    );
    const created = await app.as(
      'polis.norr@samverka.test',
      `mutation($input: ReportConcernInput!) { reportConcern(input: $input) { id } }`,
      {
        input: {
          policeReference: `K-${backend}/26`,
          child: { personalIdentityNumber: child.pnr },
          category: 'SUSPECTED_CRIME',
          description: 'Test.',
          firstKnownSuspicion: true,
          preInvestigationRunning: false,
          guardianContactOnHold: false,
          feedbackRequested: false,
          idempotencyKey: `queue-test-${backend}`,
        },
      },
    );
    reportId = created.data.reportConcern.id;
    const socsekId = await app.idOf('app_user', 'email = $1', ['socsek.norr@samverka.test']);
    await app.sql(`UPDATE report SET responsible_user_id = $2 WHERE id = $1`, [reportId, socsekId]);
    await app.sql(`UPDATE deadline SET responsible_user_id = $2 WHERE subject_id = $1`, [reportId, socsekId]);
  });

  afterEach(() => app.close());

  /** A deadline a few seconds long, so the real queue fires its steps in the test. */
  async function shortDeadline(windowMs: number) {
    const [{ district_id: districtId }] = await app.sql(`SELECT district_id FROM report WHERE id = $1`, [reportId]);
    const socsekId = await app.idOf('app_user', 'email = $1', ['socsek.norr@samverka.test']);
    const startsAt = new Date();
    const created = await asSystem(app.dataSource, (manager) =>
      createTestDeadline(manager, {
        kind: 'FEEDBACK',
        subjectId: reportId,
        districtId,
        responsibleUserId: socsekId,
        policy: DEFAULT_DISTRICT_POLICY,
        startsAt,
        dueAt: new Date(startsAt.getTime() + windowMs),
      }),
    );
    return created;
  }

  async function firedCount(deadlineId: string): Promise<number> {
    const [{ n }] = await app.sql(`SELECT count(*)::int AS n FROM deadline_step WHERE deadline_id = $1 AND fired_at IS NOT NULL`, [
      deadlineId,
    ]);
    return n;
  }

  it('fires every step of a short deadline through the queue, once', async () => {
    const { deadlineId, steps } = await shortDeadline(1_500);
    await app.runtime.jobs.enqueueDeadlineSteps(steps);
    const workers = await startWorkers(app.runtime, { reconcileOnStart: false });
    try {
      await waitFor('all steps fired', async () => ((await firedCount(deadlineId)) === steps.length ? true : null));
      // Each notification also produced one e-mail, delivered through the outbox queue.
      await waitFor('e-mails delivered', async () => {
        const [{ delivered, total }] = await app.sql(
          `SELECT count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered, count(*)::int AS total FROM outbox`,
        );
        return total === 4 && delivered === 4 ? true : null;
      });
    } finally {
      await workers.close();
    }
    const notes = await app.sql(`SELECT kind, count(*)::int AS n FROM notification WHERE subject_id = $1 GROUP BY kind ORDER BY kind`, [
      reportId,
    ]);
    // remind_50, remind_80, breach to the responsible worker; escalate to the one supervisor.
    expect(notes).toEqual([
      { kind: 'DEADLINE_BREACH', n: 1 },
      { kind: 'DEADLINE_ESCALATE', n: 1 },
      { kind: 'DEADLINE_REMIND_50', n: 1 },
      { kind: 'DEADLINE_REMIND_80', n: 1 },
    ]);
  });

  it('loses nothing when the worker dies and the queue is wiped mid-window, and notifies once', async () => {
    const { deadlineId, steps } = await shortDeadline(3_000);
    await app.runtime.jobs.enqueueDeadlineSteps(steps);

    // The first worker takes the early steps, then dies without draining. (On the PostgreSQL
    // backend an in-process forced close leaves a handle open in BullMQ 6.7, so it stops
    // gracefully there; the chaos test kills real worker processes on both backends.)
    const first = await startWorkers(app.runtime, { reconcileOnStart: false });
    await waitFor('the first reminder', async () => ((await firedCount(deadlineId)) >= 1 ? true : null));
    await first.close(backend === 'redis');

    if (backend === 'redis') {
      const redis = new IORedis(app.runtime.config.redisUrl!);
      await redis.flushdb();
      await redis.quit();
    } else {
      await app.sql(`DELETE FROM bullmq.job`);
    }

    // A new worker starts: the reconciler rebuilds the queue from the database.
    const second = await startWorkers(app.runtime);
    try {
      await waitFor('every step fired', async () => ((await firedCount(deadlineId)) === steps.length ? true : null));
    } finally {
      await second.close();
    }

    // Replaying every job changes nothing.
    const process = deadlineStepProcessor(app.runtime);
    for (const step of steps) {
      expect(await process({ data: { stepId: step.id } } as Job)).toBe('stale');
    }
    const [{ duplicates }] = await app.sql(
      `SELECT count(*)::int AS duplicates FROM (SELECT kind, user_id FROM notification WHERE subject_id = $1 AND kind LIKE 'DEADLINE_%'
         GROUP BY kind, user_id HAVING count(*) > 1) d`,
      [reportId],
    );
    const [{ total }] = await app.sql(`SELECT count(*)::int AS total FROM notification WHERE subject_id = $1 AND kind LIKE 'DEADLINE_%'`, [
      reportId,
    ]);
    expect(duplicates).toBe(0);
    expect(total).toBe(4);
  });
});

describe('the reconciler', () => {
  it('fires overdue steps at once and leaves met deadlines alone', async () => {
    const app = await createTestApp({ clock: systemClock, queue: 'postgres' });
    try {
      const [{ district_id: districtId }] = await app.sql(`SELECT id AS district_id FROM district WHERE code = 'norr'`);
      const [{ id: someReport }] = await app.sql(`SELECT id FROM report LIMIT 1`).then(async (rows) =>
        rows.length
          ? rows
          : app.sql(
              `INSERT INTO report (reference, reporter_kind, channel, registered_by_user_id, child_id, child_as_reported, district_id, policy_version, category, description, feedback_requested, received_at)
         SELECT 'OA-TEST-1', 'POLICE', 'DIGITAL', u.id, c.id, 'x', $1, 1, 'OTHER', 'x', false, now() FROM app_user u, child c WHERE u.email = 'polis.norr@samverka.test' AND c.district_id = $1 LIMIT 1 RETURNING id`,
              [districtId],
            ),
      );
      const past = new Date(Date.now() - 60_000);
      const make = (subjectId: string) =>
        asSystem(app.dataSource, (m) =>
          createTestDeadline(m, {
            kind: 'PROTECTION_ASSESSMENT',
            subjectId,
            districtId,
            responsibleUserId: null,
            policy: DEFAULT_DISTRICT_POLICY,
            startsAt: new Date(past.getTime() - 30_000),
            dueAt: past,
          }),
        );
      const open = await make(someReport);
      await asSystem(app.dataSource, (m) =>
        deadlineRepository.meet(m, { type: 'REPORT', id: someReport }, 'PROTECTION_ASSESSMENT', new Date()),
      );
      const openAgain = await make(someReport);
      const result = await reconcileDeadlines(app.runtime);
      expect(result.firedOverdue).toBe(openAgain.steps.length);
      const fired = await app.sql(
        `SELECT deadline_id, count(*)::int AS n FROM deadline_step WHERE fired_at IS NOT NULL GROUP BY deadline_id`,
      );
      expect(fired).toEqual([{ deadline_id: openAgain.deadlineId, n: openAgain.steps.length }]);
      expect(open.deadlineId).not.toBe(openAgain.deadlineId);
      const again = await reconcileDeadlines(app.runtime);
      expect(again.firedOverdue).toBe(0);
    } finally {
      await app.close();
    }
  });
});
