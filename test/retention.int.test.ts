import { deadlineStepJobId } from '../platform/queues/job-scheduler';
import { PLATFORM_QUEUES } from '../platform/queues/queue-names';
import { RETENTION_QUEUE } from '../workers/retention/retention.job';
import { DAY_MS } from '../domain/time/clock';
import { dryRunRetention, runRetention } from '../workers/retention/retention-run';
import { RETENTION_PATTERN, RETENTION_SCHEDULER_ID } from '../workers/retention/retention.job';
import { startWorkers } from '../workers/worker-registry';
import { indicatorCells } from './helpers/indicators';
import { suspectedCrimeInput } from './helpers/reports';
import { freshAppPerTest } from './helpers/test-app';

/** Issue 26: records go when their retention is reached, stay under a legal hold or the research exception, and a run resumes. */
const T0 = '2026-11-23T08:00:00.000Z';
/** Five years and a month later: past the 60-month default. */
const LATER = '2031-12-24T01:30:00.000Z';
const POLICE = 'polis.norr@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';
const CHEF = 'chef.norr@samverka.test';
const ADMIN = 'admin@samverka.test';

const REPORT_CONCERN = `mutation($input: ReportConcernInput!) { reportConcern(input: $input) { id } }`;
const PROTECTION = `mutation($input: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $input) { id } }`;
const DECISION = `mutation($input: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $input) { id } }`;
const PLACE_HOLD = `mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) { id childId caseId reason placedAt liftedAt } }`;
const LIFT_HOLD = `mutation($input: LiftLegalHoldInput!) { liftLegalHold(input: $input) { id liftedAt liftReason } }`;
const RUNS = `{ retentionRuns { runDate finishedAt counts { recordType count } } }`;

const t = freshAppPerTest(T0);
let districtId: string;
let keys = 0;

/** A child of norr, born on the given day of a month (the seed's children, their birth date set for the test). */
async function childBornOn(day: number, skip = 0): Promise<{ id: string; pin: string }> {
  const [child] = await t.app.sql(
    `SELECT c.id, c.personal_identity_number AS pin FROM child c WHERE c.district_id = $1 AND c.personal_identity_number IS NOT NULL
      ORDER BY c.id OFFSET $2 LIMIT 1`,
    [districtId, skip],
  );
  await t.app.sql(`UPDATE child SET birth_date = make_date(2012, 3, $2) WHERE id = $1`, [child.id, day]);
  return child;
}

/** A police report on the child, assessed and closed without an investigation: its last entry is now. */
async function closedReport(pin: string, policeReference: string): Promise<string> {
  const created = await t.app.as(POLICE, REPORT_CONCERN, {
    input: suspectedCrimeInput({
      policeReference,
      child: { personalIdentityNumber: pin },
      description: 'Gripen för snatteri i butik.',
      firstKnownSuspicion: false,
      preInvestigationRunning: true,
      idempotencyKey: `retention-${++keys}`,
    }),
  });
  expect(created.errors).toBeUndefined();
  const reportId = created.data.reportConcern.id as string;
  expect(
    (await t.app.as(SOCSEK, PROTECTION, { input: { reportId, acuteDanger: false, note: 'Ingen akut fara.' } })).errors,
  ).toBeUndefined();
  expect((await t.app.as(SOCSEK, DECISION, { input: { reportId, decision: 'NO_INVESTIGATION' } })).errors).toBeUndefined();
  return reportId;
}

const reportRow = async (id: string) =>
  (
    await t.app.sql(
      `SELECT description, child_as_reported, police_reference, suspected_offence, protection_note, category, preliminary_decision, received_at
         FROM report WHERE id = $1`,
      [id],
    )
  )[0];

const pendingSteps = async (reportId: string): Promise<string[]> =>
  (
    await t.app.sql(
      `SELECT s.id FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id
        WHERE d.subject_id = $1 AND s.fired_at IS NULL AND s.closed_at IS NULL`,
      [reportId],
    )
  ).map((r) => r.id);

async function queuedJobs(stepIds: readonly string[]): Promise<string[]> {
  const queue = t.app.runtime.queues.queue(PLATFORM_QUEUES.deadlineSteps);
  try {
    const jobs = await Promise.all(stepIds.map((id) => queue.getJob(deadlineStepJobId(id))));
    return jobs.flatMap((job) => (job ? [String(job.id)] : []));
  } finally {
    await queue.close();
  }
}

const indicatorsOfNovember = () => indicatorCells(t.app, { unit: 'MONTH', from: '2026-11', to: '2026-11' });

const run = (options = {}) => runRetention(t.app.runtime, { districtId, ...options });
/** The report types' counts: the messages, keys and log events of the test's own requests go too (test/retention-records.int.test.ts). */
const reportCounts = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([type]) => type.startsWith('REPORT_')));
const reportRun = async (options = {}) => reportCounts((await run(options))[0].counts);

beforeEach(async () => {
  districtId = await t.app.idOf('district', 'code = $1', ['norr']);
});

describe('the nightly retention run', () => {
  it('anonymises a report without an investigation when its time is reached, with its pending steps and their jobs, and keeps the indicators', async () => {
    // Five children: the indicators show no cell of fewer.
    const children = [
      await childBornOn(3, 0),
      await childBornOn(4, 1),
      await childBornOn(6, 2),
      await childBornOn(7, 3),
      await childBornOn(8, 4),
    ];
    const reportIds: string[] = [];
    for (const [i, c] of children.entries()) reportIds.push(await closedReport(c.pin, `K-90${i}/26`));
    const [reportId] = reportIds;
    // The decision met every clock of the report; a step left open (a reminder whose closing was lost) and its queued
    // job stand for what a record may still have in the queue when its time is up.
    expect(await pendingSteps(reportId)).toEqual([]);
    const left = await t.app.sql(
      `WITH reopened AS (UPDATE deadline_step s SET closed_at = NULL FROM deadline d
        WHERE d.id = s.deadline_id AND d.subject_id = $1 AND s.fired_at IS NULL RETURNING s.id, s.fire_at) SELECT * FROM reopened`,
      [reportId],
    );
    expect(left.length).toBeGreaterThan(0);
    const steps = await pendingSteps(reportId);

    t.clock.set('2031-11-22T08:00:00.000Z');
    expect(await reportRun()).toEqual({});
    expect((await reportRow(reportId)).description).toBe('Gripen för snatteri i butik.');

    const before = await indicatorsOfNovember();
    expect(before.some((cell: any) => cell.districtName && cell.denominator > 0)).toBe(true);
    t.clock.set(LATER);
    // Overdue by now: the reconciler gives them queue jobs.
    await t.app.runtime.jobs.enqueueDeadlineSteps(left.map((s) => ({ id: s.id, fireAt: s.fire_at })));
    expect(await queuedJobs(steps)).toHaveLength(steps.length);
    expect(reportCounts(await dryRunRetention(t.app.runtime, districtId))).toEqual({ REPORT_NO_INVESTIGATION: 5, REPORT_INVESTIGATION: 0 });
    expect((await reportRow(reportId)).description).toBe('Gripen för snatteri i butik.');

    const [result] = await run();
    expect(reportCounts(result.counts)).toEqual({ REPORT_NO_INVESTIGATION: 5 });
    expect(await reportRow(reportId)).toMatchObject({
      description: '',
      child_as_reported: '',
      police_reference: null,
      suspected_offence: null,
      protection_note: null,
      category: 'SUSPECTED_CRIME',
      preliminary_decision: 'NO_INVESTIGATION',
    });
    expect(await pendingSteps(reportId)).toEqual([]);
    expect(await queuedJobs(steps)).toEqual([]);
    expect(await indicatorsOfNovember()).toEqual(before);

    const runs = await t.app.as(ADMIN, RUNS);
    expect(runs.errors).toBeUndefined();
    expect(runs.data.retentionRuns[0]).toMatchObject({
      runDate: '2031-12-24',
      counts: expect.arrayContaining([{ recordType: 'REPORT_NO_INVESTIGATION', count: 5 }]),
    });
    expect(runs.data.retentionRuns[0].finishedAt).not.toBeNull();
    const [stored] = await t.app.sql(
      `SELECT to_jsonb(r) - 'id' - 'district_id' - 'policy_version' AS row FROM retention_run r WHERE run_date = '2031-12-24'`,
    );
    expect(Object.keys(stored.row).sort()).toEqual(['counts', 'finished_at', 'run_date', 'started_at']);

    // The next night finds nothing left to do and counts nothing twice.
    t.clock.advance(DAY_MS);
    expect((await run())[0].counts).toEqual({});
  });

  it('keeps the records of a child born on the 15th while the research exception is on, and sweeps them once it is off', async () => {
    const child = await childBornOn(15);
    const reportId = await closedReport(child.pin, 'K-912/26');
    t.clock.set(LATER);
    expect(await reportRun()).toEqual({});
    expect((await reportRow(reportId)).description).not.toBe('');

    const changed = await t.app.as(
      ADMIN,
      `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { policy { retentionResearchException } } }`,
      { i: { districtId, retentionResearchException: false } },
    );
    expect(changed.errors).toBeUndefined();
    expect(await reportRun()).toEqual({ REPORT_NO_INVESTIGATION: 1 });
    expect((await reportRow(reportId)).description).toBe('');
  });

  it('refuses a retention longer than the law allows', async () => {
    const refused = await t.app.as(ADMIN, `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { id } }`, {
      i: { districtId, retentionReportMonths: 61 },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.retentionReportMonths' });
  });

  it('keeps the records of a child under a legal hold until it is lifted; setting and lifting are audited', async () => {
    const child = await childBornOn(4);
    const reportId = await closedReport(child.pin, 'K-913/26');
    const placed = await t.app.as(CHEF, PLACE_HOLD, { input: { childId: child.id, reason: 'Överklagat beslut i förvaltningsrätten.' } });
    expect(placed.errors).toBeUndefined();
    expect(placed.data.placeLegalHold).toMatchObject({ childId: child.id, caseId: null, liftedAt: null });

    const socialWorker = await t.app.as(SOCSEK, PLACE_HOLD, { input: { childId: child.id, reason: 'Vill spara allt.' } });
    expect(socialWorker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noReason = await t.app.as(CHEF, PLACE_HOLD, { input: { childId: child.id, reason: ' ' } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });

    t.clock.set(LATER);
    expect(await reportRun()).toEqual({});
    expect((await reportRow(reportId)).description).not.toBe('');

    const lifted = await t.app.as(CHEF, LIFT_HOLD, {
      input: { holdId: placed.data.placeLegalHold.id, liftReason: 'Domen har vunnit laga kraft.' },
    });
    expect(lifted.errors).toBeUndefined();
    expect(lifted.data.liftLegalHold.liftedAt).toBe(LATER);
    const again = await t.app.as(CHEF, LIFT_HOLD, {
      input: { holdId: placed.data.placeLegalHold.id, liftReason: 'Domen har vunnit laga kraft.' },
    });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    const audit = await t.app.sql(
      `SELECT action, child_id, district_id, fields FROM audit_event WHERE entity_type = 'LegalHold' AND action <> 'READ' ORDER BY occurred_at`,
    );
    expect(audit).toEqual([
      { action: 'CREATE', child_id: child.id, district_id: districtId, fields: ['childId', 'caseId', 'reason'] },
      { action: 'UPDATE', child_id: child.id, district_id: districtId, fields: ['liftedAt', 'liftReason'] },
    ]);

    expect(await reportRun()).toEqual({ REPORT_NO_INVESTIGATION: 1 });
  });

  it('resumes a run killed halfway without counting anything twice', async () => {
    const child = await childBornOn(7);
    const ids = [
      await closedReport(child.pin, 'K-921/26'),
      await closedReport(child.pin, 'K-922/26'),
      await closedReport(child.pin, 'K-923/26'),
    ];
    t.clock.set(LATER);
    await expect(
      run({
        batchSize: 1,
        afterSweep: (_type: string, batch: number) => {
          if (batch === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const [stopped] = await t.app.sql(`SELECT counts, finished_at FROM retention_run WHERE district_id = $1`, [districtId]);
    expect(stopped).toEqual({ counts: { REPORT_NO_INVESTIGATION: 1 }, finished_at: null });
    const blank = async () => (await Promise.all(ids.map(reportRow))).filter((r) => r.description === '').length;
    expect(await blank()).toBe(1);

    t.clock.advance(60_000);
    const [resumed] = await run({ batchSize: 1 });
    expect(reportCounts(resumed.counts)).toEqual({ REPORT_NO_INVESTIGATION: 3 });
    expect(await blank()).toBe(3);
    expect(await t.app.sql(`SELECT count(*)::int AS n FROM retention_run WHERE district_id = $1`, [districtId])).toEqual([{ n: 1 }]);
    expect(await t.app.sql(`SELECT count(*)::int AS n FROM retention_sweep`)).toEqual([{ n: 3 }]);
  });

  it('is a BullMQ job scheduler the workers upsert: nightly, in Stockholm time', async () => {
    const workers = await startWorkers(t.app.runtime, { reconcileOnStart: false });
    const queue = t.app.runtime.queues.queue(RETENTION_QUEUE);
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.find((s) => s.key === RETENTION_SCHEDULER_ID)).toMatchObject({
        pattern: RETENTION_PATTERN,
        tz: 'Europe/Stockholm',
      });
    } finally {
      await queue.close();
      await workers.close(true);
    }
  });
});
