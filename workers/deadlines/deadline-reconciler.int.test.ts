import { asSystem } from '../../db/access/row-scope';
import { deadlineRepository } from '../../db/deadlines/deadline.repository';
import { DEFAULT_DISTRICT_POLICY } from '../../platform/districts/district-settings';
import { deadlineStepJobId, QueueJobScheduler } from '../../platform/queues/job-scheduler';
import { createTestDeadline } from '../../test/helpers/deadlines';
import { createTestApp, TestApp } from '../../test/helpers/test-app';
import { hasRedis } from '../../test/services';
import { reconcileDeadlines } from './deadline-reconciler';

const backends = hasRedis() ? (['redis', 'postgres'] as const) : (['postgres'] as const);
if (!hasRedis()) console.warn('[test] Redis backend tests SKIPPED: no Redis available');

/** Small on purpose: the same walk as 300,000 steps in chunks of 1,000 and pages of 5,000. */
const CHUNK = 3;
const PAGE = 4;
const DEADLINES = 5;

/**
 * At ten times the chaos drill one bulk add of every due step outlived the producer's timeout and failed again on
 * each retry; the reconciler held every pending step in memory. Here the fake clock stands still, no worker runs,
 * and the queue is read back: each step due in the window is enqueued once, under its own id, a chunk at a time,
 * found by a walk over pages smaller than the steps that share one time.
 */
describe.each(backends)('the reconciler at scale, in small numbers, on the %s queue backend', (backend) => {
  let app: TestApp;
  let scheduler: QueueJobScheduler;

  beforeEach(async () => {
    app = await createTestApp({ queue: backend });
    scheduler = new QueueJobScheduler(app.runtime.queues, app.clock, app.runtime.config.scheduleHorizonMs, CHUNK);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await scheduler.close();
    await app.close();
  });

  /** DEADLINES deadlines due in ten minutes, all started now: their steps share fire times across page boundaries. */
  async function deadlinesDueSoon(): Promise<string[]> {
    // A report written directly, so no other deadline (and no job of the API's) joins the queue.
    const [{ id: reportId, district_id: districtId }] = await app.sql(
      `INSERT INTO report (reference, reporter_kind, channel, registered_by_user_id, child_id, child_as_reported, district_id, policy_version,
                           category, description, feedback_requested, received_at)
       SELECT 'OA-PAGES-1', 'POLICE', 'DIGITAL', u.id, c.id, 'x', c.district_id, 1, 'OTHER', 'x', true, $1
         FROM app_user u, child c JOIN district d ON d.id = c.district_id
        WHERE u.email = 'polis.norr@samverka.test' AND d.code = 'norr' LIMIT 1 RETURNING id, district_id`,
      [app.clock.now()],
    );
    const startsAt = app.clock.now();
    const stepIds: string[] = [];
    for (let i = 0; i < DEADLINES; i += 1) {
      const { steps } = await asSystem(app.dataSource, (manager) =>
        createTestDeadline(manager, {
          kind: 'FEEDBACK',
          subjectId: reportId,
          districtId,
          responsibleUserId: null,
          policy: DEFAULT_DISTRICT_POLICY,
          startsAt,
          dueAt: new Date(startsAt.getTime() + 10 * 60_000),
        }),
      );
      stepIds.push(...steps.map((s) => s.id));
    }
    return stepIds;
  }

  /** What the database says is due within the reconciler's window, read without paging. */
  async function dueInWindow(): Promise<string[]> {
    const windowMs = Math.min(app.runtime.config.scheduleHorizonMs, 3 * app.runtime.config.reconcileEveryMs);
    const rows = await app.sql<{ id: string }>(
      `SELECT id FROM deadline_step WHERE fired_at IS NULL AND closed_at IS NULL AND fire_at <= $1`,
      [new Date(app.clock.now().getTime() + windowMs)],
    );
    return rows.map((r) => r.id).sort();
  }

  async function jobsInQueue(): Promise<{ id: string; stepId: string }[]> {
    const jobs = await scheduler.queues()[0].getJobs(['delayed', 'waiting'], 0, -1);
    return jobs.map((job) => ({ id: job.id!, stepId: job.data.stepId }));
  }

  it("enqueues every step of a window larger than one chunk and one page, each once, in chunks, under its step's id", async () => {
    const ours = await deadlinesDueSoon();
    const due = await dueInWindow();
    expect(due).toEqual(expect.arrayContaining(ours));
    expect(due.length).toBeGreaterThan(3 * PAGE);

    const addBulk = jest.spyOn(scheduler.queues()[0], 'addBulk');
    const pageReads = jest.spyOn(deadlineRepository, 'pendingSteps');
    const result = await reconcileDeadlines({ ...app.runtime, jobs: scheduler }, { pageSize: PAGE });

    const pages = await Promise.all(pageReads.mock.results.map((read) => read.value as ReturnType<typeof deadlineRepository.pendingSteps>));
    expect(pages.length).toBe(Math.floor(due.length / PAGE) + 1);
    expect(pages.every((page) => page.steps.length <= PAGE)).toBe(true);

    const sent = addBulk.mock.calls.map(([jobs]) => jobs.map((job) => job.opts!.jobId!));
    expect(Math.max(...sent.map((chunk) => chunk.length))).toBe(CHUNK);
    expect(sent.flat().sort()).toEqual(due.map(deadlineStepJobId).sort());
    expect(result.enqueued).toBe(due.length);
    const queued = await jobsInQueue();
    expect(queued.map((job) => job.stepId).sort()).toEqual(due);
    expect(queued.every((job) => job.id === deadlineStepJobId(job.stepId))).toBe(true);
  });

  it('adds nothing the second time: the same ids leave the queue as it was', async () => {
    await deadlinesDueSoon();
    await reconcileDeadlines({ ...app.runtime, jobs: scheduler }, { pageSize: PAGE });
    const first = await jobsInQueue();
    const again = await reconcileDeadlines({ ...app.runtime, jobs: scheduler }, { pageSize: PAGE });
    expect(again.enqueued).toBe(first.length);
    expect((await jobsInQueue()).map((job) => job.id).sort()).toEqual(first.map((job) => job.id).sort());
  });
});
