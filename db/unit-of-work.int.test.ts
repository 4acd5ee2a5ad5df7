import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LegalBasis } from '../domain/access/legal-basis';
import { AuditAction } from '../domain/audit/audit-event';
import { FakeClock } from '../domain/time/clock';
import { ClockSubject } from '../domain/deadlines/deadline-subjects';
import { DEFAULT_DISTRICT_POLICY } from '../platform/districts/district-settings';
import { TalkDeadlineMode } from '../domain/talks/talks.settings';
import { countStatements } from '../bench/lib/statement-counter';
import { createTestDatabase, openTestPools, TestDatabase } from '../test/helpers/test-database';
import { fireSteps } from '../workers/deadlines/fire-step';
import { asSystem } from './access/row-scope';
import { PendingStep } from './deadlines/deadline.repository';
import { organisationRepository } from './organisation/organisation.repository';
import { AfterCommitJobs, runUnitOfWork, UnitOfWorkDeps, WorkActor } from './unit-of-work';

let db: TestDatabase;
let dataSource: DataSource;
let closePools: () => Promise<void>;
let districtId: string;
let forumVersion: number;
let userId: string;
const clock = new FakeClock('2026-11-23T08:00:00Z');
const warnings: string[] = [];
const enqueued: { steps: PendingStep[]; outbox: string[] } = { steps: [], outbox: [] };
let queueDown = false;

const jobs: AfterCommitJobs = {
  async enqueueDeadlineSteps(steps) {
    if (queueDown) throw new Error('queue down');
    enqueued.steps.push(...steps);
  },
  async enqueueOutbox(ids) {
    if (queueDown) throw new Error('queue down');
    enqueued.outbox.push(...ids);
  },
};
const deps = (): UnitOfWorkDeps => ({ dataSource, clock, jobs, logger: { warn: (_d, message) => warnings.push(message) } });
/** The test reads what the writes left, across districts: system scope. */
const systemQuery = (query: string, params?: unknown[]) => asSystem(dataSource, (m) => m.query(query, params));
const inNorr = () => ({ scope: { districtIds: [districtId], agencyId: null } });
const actor = (): WorkActor => ({ requestId: `uow-${randomUUID()}`, userId, agencyId: null, roles: ['SSPF_COORDINATOR'] });

/** A talk in a district whose forum decides: the talks table does not exist in the core, which is the point. */
const talk = (version: number): ClockSubject => ({
  type: 'TALK',
  id: randomUUID(),
  reference: 'ST-2026-000007',
  districtId,
  policyVersion: version,
  responsibleUserId: userId,
});

beforeAll(async () => {
  db = await createTestDatabase();
  ({ dataSource, close: closePools } = await openTestPools(db, 3));
  [{ id: districtId }] = await dataSource.query(`SELECT id FROM district WHERE code = 'norr'`);
  [{ id: userId }] = await dataSource.query(`SELECT id FROM app_user WHERE email = 'sspf.norr@samverka.test'`);
  const current = await organisationRepository.currentPolicy(dataSource.manager, districtId);
  forumVersion = current!.version + 1;
  await dataSource.transaction((m) =>
    organisationRepository.addPolicyVersion(
      m,
      districtId,
      forumVersion,
      { ...DEFAULT_DISTRICT_POLICY, talkDeadlineMode: TalkDeadlineMode.FORUM_DECIDES, talkDeadlineHours: null },
      userId,
    ),
  );
});

afterAll(async () => {
  await closePools();
  await db.drop();
});

beforeEach(() => {
  queueDown = false;
  warnings.length = 0;
  enqueued.steps.length = 0;
  enqueued.outbox.length = 0;
});

const deadlinesOf = (subjectId: string) =>
  systemQuery(`SELECT kind, subject_type, subject_reference, due_at FROM deadline WHERE subject_id = $1 ORDER BY created_at`, [subjectId]);

describe('clocks for any subject', () => {
  it('starts no clock, explicitly, when the policy sets none (the forum decides)', async () => {
    const subject = talk(forumVersion);
    const started = await runUnitOfWork(deps(), actor(), inNorr(), (uow) => uow.clocks.start(subject, 'TALK_HELD'));
    expect(started).toBeNull();
    expect(await deadlinesOf(subject.id)).toEqual([]);
    expect(enqueued.steps).toEqual([]);
  });

  it("takes the forum's date from the caller, stores the reference, and names it when a step fires without joining a talk table", async () => {
    const subject = talk(forumVersion);
    const target = new Date('2026-11-27T13:00:00Z');
    const started = await runUnitOfWork(deps(), actor(), inNorr(), (uow) => uow.clocks.start(subject, 'TALK_HELD', { dueAt: target }));
    expect(started!.dueAt).toEqual(target);
    expect(await deadlinesOf(subject.id)).toEqual([
      { kind: 'TALK_HELD', subject_type: 'TALK', subject_reference: 'ST-2026-000007', due_at: target },
    ]);
    expect(enqueued.steps.map((s) => s.fireAt.toISOString())).toEqual([
      '2026-11-25T10:30:00.000Z',
      '2026-11-26T16:48:00.000Z',
      target.toISOString(),
      target.toISOString(),
    ]);

    const fired = await asSystem(dataSource, (m) => fireSteps(m, { stepIds: [], sweep: 10 }, new Date('2026-11-25T11:00:00Z')));
    expect(fired.firedIds).toHaveLength(1);
    const [note] = await systemQuery(`SELECT title, body FROM notification WHERE subject_id = $1`, [subject.id]);
    expect(note.title).toBe('Påminnelse: allvarssamtal ST-2026-000007');
    expect(note.body).toContain('i samtal ST-2026-000007');
  });

  it('runs a policy clock under the Stockholm model', async () => {
    const current = await organisationRepository.currentPolicy(dataSource.manager, districtId);
    const subject = talk(forumVersion - 1);
    expect(current!.version).toBe(forumVersion);
    const started = await runUnitOfWork(deps(), actor(), inNorr(), (uow) =>
      uow.clocks.start(subject, 'TALK_HELD', { startsAt: clock.now() }),
    );
    expect(started!.dueAt.toISOString()).toBe('2026-11-25T08:00:00.000Z');
  });

  it('refuses a caller-dated kind without its date, writing nothing', async () => {
    const action: ClockSubject = { ...talk(forumVersion), type: 'PLAN_ACTION', reference: 'SP-2026-000001-3' };
    await expect(runUnitOfWork(deps(), actor(), inNorr(), (uow) => uow.clocks.start(action, 'PLAN_ACTION_DUE'))).rejects.toThrow(
      'needs its due time',
    );
    expect(await deadlinesOf(action.id)).toEqual([]);
  });

  it('starts several clocks of a subject and their steps in one statement, the district policy read once per process', async () => {
    const counter = countStatements(dataSource);
    const subject = (): ClockSubject => ({
      ...talk(forumVersion - 1),
      type: 'REPORT',
      reference: `OA-2026-${randomUUID().slice(0, 6)}`,
    });
    const kinds = (['PROTECTION_ASSESSMENT', 'PRELIMINARY_ASSESSMENT', 'FEEDBACK'] as const).map((kind) => ({
      kind,
    }));
    const first = subject();
    const started = await runUnitOfWork(deps(), actor(), inNorr(), (uow) => uow.clocks.startMany(first, kinds));
    expect(started.map((s) => s !== null)).toEqual([true, true, true]);
    const again = subject();
    const { statements } = await counter.measure(() =>
      runUnitOfWork(deps(), actor(), inNorr(), (uow) => uow.clocks.startMany(again, kinds)),
    );
    // BEGIN and the row scope in one round trip.
    expect(statements.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      'START TRANSACTION; SELECT',
      'INSERT INTO deadline',
      'INSERT INTO deadline_step',
      'COMMIT',
    ]);

    const steps = await systemQuery(
      `SELECT d.kind, count(*)::int AS steps FROM deadline d JOIN deadline_step s ON s.deadline_id = d.id WHERE d.subject_id = $1 GROUP BY d.kind ORDER BY d.kind`,
      [again.id],
    );
    expect(steps).toEqual([
      { kind: 'FEEDBACK', steps: 4 },
      { kind: 'PRELIMINARY_ASSESSMENT', steps: 4 },
      { kind: 'PROTECTION_ASSESSMENT', steps: 4 },
    ]);
    expect(enqueued.steps).toHaveLength(24);
    const dueAt = await systemQuery(`SELECT kind, due_at FROM deadline WHERE subject_id = $1 ORDER BY kind`, [again.id]);
    const one = await Promise.all(
      kinds.map(({ kind }) => runUnitOfWork(deps(), actor(), inNorr(), (uow) => uow.clocks.start(subject(), kind))),
    );
    expect(dueAt.map((d: { due_at: Date }) => d.due_at.getTime() - clock.now().getTime()).sort()).toEqual(
      one.map((s) => s!.dueAt.getTime() - clock.now().getTime()).sort(),
    );
  });

  it('meets, cancels and reassigns by subject', async () => {
    const action: ClockSubject = { ...talk(forumVersion), type: 'PLAN_ACTION', reference: 'SP-2026-000001-4' };
    await runUnitOfWork(deps(), actor(), inNorr(), async (uow) => {
      await uow.clocks.start(action, 'PLAN_ACTION_DUE', { dueAt: new Date('2026-12-01T12:00:00Z') });
      await uow.clocks.start(action, 'FOLLOW_UP_REMINDER', { dueAt: new Date('2026-12-15T12:00:00Z') });
    });
    await runUnitOfWork(deps(), actor(), inNorr(), async (uow) => {
      await uow.clocks.assign(action, null);
      await uow.clocks.meet(action, 'PLAN_ACTION_DUE');
      await uow.clocks.cancel(action, 'FOLLOW_UP_REMINDER');
      expect(await uow.clocks.open(action, 'PLAN_ACTION_DUE')).toBeNull();
    });
    const rows = await systemQuery(
      `SELECT kind, met_at IS NOT NULL AS met, cancelled_at IS NOT NULL AS cancelled, responsible_user_id FROM deadline WHERE subject_id = $1 ORDER BY kind`,
      [action.id],
    );
    expect(rows).toEqual([
      { kind: 'FOLLOW_UP_REMINDER', met: false, cancelled: true, responsible_user_id: null },
      { kind: 'PLAN_ACTION_DUE', met: true, cancelled: false, responsible_user_id: null },
    ]);
    const [{ open }] = await systemQuery(
      `SELECT count(*)::int AS open FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id WHERE d.subject_id = $1 AND s.closed_at IS NULL`,
      [action.id],
    );
    expect(open).toBe(0);
  });
});

describe('the unit of work', () => {
  it('commits the write, its audit and its notifications together, then enqueues', async () => {
    const a = actor();
    const subject = talk(forumVersion - 1);
    await runUnitOfWork(deps(), a, inNorr(), async (uow) => {
      await uow.clocks.start(subject, 'TALK_HELD');
      uow.audit({
        action: AuditAction.CREATE,
        entityType: 'Talk',
        entityId: subject.id,
        childId: null,
        districtId,
        fields: ['purpose'],
        legalBasis: LegalBasis.CONSENT,
        consentId: '00000000-0000-4000-8000-0000000000e1',
      });
      uow.notify({
        userId,
        kind: 'TALK_BOOKED',
        message: { title: 't', body: 'b' },
        subjectType: 'TALK',
        subjectId: subject.id,
        dedupeKey: `talk:${subject.id}`,
        email: true,
      });
    });
    const audit = await systemQuery(`SELECT entity_type, legal_basis, consent_id, actor_user_id FROM audit_event WHERE request_id = $1`, [
      a.requestId,
    ]);
    expect(audit).toEqual([
      { entity_type: 'Talk', legal_basis: 'CONSENT', consent_id: '00000000-0000-4000-8000-0000000000e1', actor_user_id: userId },
    ]);
    expect(enqueued.steps).toHaveLength(4);
    expect(enqueued.outbox).toHaveLength(1);
  });

  it('writes nothing when the work throws', async () => {
    const a = actor();
    const subject = talk(forumVersion - 1);
    await expect(
      runUnitOfWork(deps(), a, inNorr(), async (uow) => {
        await uow.clocks.start(subject, 'TALK_HELD');
        uow.audit({
          action: AuditAction.CREATE,
          entityType: 'Talk',
          entityId: subject.id,
          childId: null,
          districtId,
          fields: [],
          legalBasis: LegalBasis.SAME_AGENCY,
        });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await deadlinesOf(subject.id)).toEqual([]);
    expect(await systemQuery(`SELECT 1 FROM audit_event WHERE request_id = $1`, [a.requestId])).toEqual([]);
    expect(enqueued.steps).toEqual([]);
  });

  it('inside an open transaction takes a savepoint and still sets its row scope; its rollback leaves the outer one', async () => {
    const counter = countStatements(dataSource);
    const runner = dataSource.createQueryRunner();
    const subject = talk(forumVersion - 1);
    try {
      await runner.startTransaction();
      const { statements } = await counter.measure(() =>
        runUnitOfWork(deps(), actor(), { ...inNorr(), runner }, (uow) => uow.clocks.start(subject, 'TALK_HELD')),
      );
      expect(statements[0]).toBe('SAVEPOINT typeorm_1');
      expect(statements[1]).toMatch(/^SELECT set_config\('samverka\.scope'/);
      await expect(
        runUnitOfWork(deps(), actor(), { ...inNorr(), runner }, async () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(runner.isTransactionActive).toBe(true);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await deadlinesOf(subject.id)).toHaveLength(1);
  });

  it('keeps the commit when the queue is down, logs it, and the steps wait for the reconciler', async () => {
    queueDown = true;
    const subject = talk(forumVersion - 1);
    const result = await runUnitOfWork(
      deps(),
      actor(),
      inNorr(),
      async (uow) => (await uow.clocks.start(subject, 'TALK_HELD'))!.deadlineId,
    );
    expect(warnings).toEqual(['enqueue after commit failed; the reconciler will schedule it']);
    const [{ n }] = await systemQuery(`SELECT count(*)::int AS n FROM deadline_step WHERE deadline_id = $1 AND fired_at IS NULL`, [result]);
    expect(n).toBe(4);
  });

  it('returns the first id for a retried idempotency key', async () => {
    const a = actor();
    const first = await runUnitOfWork(deps(), a, inNorr(), (uow) => uow.once('key-1', 'startTalk', 'same-input', async () => randomUUID()));
    const again = await runUnitOfWork(deps(), a, inNorr(), (uow) => uow.once('key-1', 'startTalk', 'same-input', async () => randomUUID()));
    expect(again).toEqual({ id: first.id, replayed: true });
    await expect(
      runUnitOfWork(deps(), a, inNorr(), (uow) => uow.once('key-1', 'otherOperation', 'same-input', async () => randomUUID())),
    ).rejects.toThrow('another kind of request');
    await expect(
      runUnitOfWork(deps(), a, inNorr(), (uow) => uow.once('key-1', 'startTalk', 'other-input', async () => randomUUID())),
    ).rejects.toThrow('another report');
  });
});
