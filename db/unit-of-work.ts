import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { viewerScopeStatement, ViewerRowScope } from './access/row-scope';
import { AuditActor, AuditOutcome, WriteAudit } from '../domain/audit/audit-event';
import { Clock } from '../domain/time/clock';
import { DistrictPolicy } from '../domain/districts/district-policy';
import { writeAuditEvents } from './audit/audit.writer';
import { Clocks } from './clocks';
import { PendingStep } from './deadlines/deadline.repository';
import { once } from './idempotency/idempotency.repository';
import { NotificationSpec, writeNotifications } from './notifications/notification.repository';
import { committedPolicy, policyKey, rememberCommittedPolicies } from './organisation/district-policy-cache';
import { organisationRepository } from './organisation/organisation.repository';

/** The queue side of a write: called after commit; the reconciler covers a crash or a failure in between. */
export interface AfterCommitJobs {
  enqueueDeadlineSteps(steps: readonly PendingStep[]): Promise<void>;
  enqueueOutbox(ids: readonly string[]): Promise<void>;
}

export interface UnitOfWorkDeps {
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly jobs: AfterCommitJobs;
  readonly logger: { warn(details: object, message: string): void };
}

/** Who writes: goes on every audit row of the unit. */
export interface WorkActor extends AuditActor {
  readonly requestId: string;
}

/**
 * One write: a transaction, its audit rows, its notifications and outbox
 * e-mails, its clocks, and the jobs to enqueue once it has committed.
 * Audit rows and notifications are collected and written in one statement
 * each at the end, inside the transaction.
 */
export class UnitOfWork {
  readonly clocks: Clocks;
  private readonly audits: WriteAudit[] = [];
  private readonly notifications: NotificationSpec[] = [];
  private readonly policies = new Map<string, Promise<DistrictPolicy>>();
  /** @internal remembered as committed by runUnitOfWork once the transaction has committed. */
  readonly policiesRead = new Map<string, DistrictPolicy>();
  /** @internal read by runUnitOfWork after commit. */
  readonly pendingSteps: PendingStep[] = [];
  /** @internal */
  readonly pendingOutbox: string[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly now: Date,
    private readonly actor: WorkActor,
    private scope: ViewerRowScope | null = null,
  ) {
    this.clocks = new Clocks(this);
  }

  /**
   * Lets this write reach one more district under row-level security: a
   * reporter's report lands in the child's home district with its clocks,
   * wherever the reporter works. The API's rules decide that first.
   */
  async reachDistrict(districtId: string): Promise<void> {
    if (!this.scope || this.scope.districtIds.includes(districtId)) return;
    this.scope = { ...this.scope, districtIds: [...this.scope.districtIds, districtId] };
    await this.manager.query(viewerScopeStatement(this.scope));
  }

  /** Records writes of personal data; written with the actor in this transaction. */
  audit(...writes: WriteAudit[]): void {
    this.audits.push(...writes);
  }

  /** In-app notifications (and e-mails through the outbox) that commit with the write; dedupe keys make them once-only. */
  notify(...specs: NotificationSpec[]): void {
    this.notifications.push(...specs);
  }

  enqueueSteps(steps: readonly PendingStep[]): void {
    this.pendingSteps.push(...steps);
  }

  enqueueOutbox(ids: readonly string[]): void {
    this.pendingOutbox.push(...ids);
  }

  /**
   * Creates once per (actor, idempotency key): a retried mutation with the same
   * input gets the first result's id back. A key reused for another operation
   * or another input (`requestFingerprint`) is a CONFLICT.
   */
  async once(
    key: string,
    operation: string,
    fingerprint: string,
    create: () => Promise<string>,
  ): Promise<{ id: string; replayed: boolean }> {
    if (!this.actor.userId) throw new Error('an idempotent write needs a user');
    return once(this.manager, this.actor.userId, key, operation, fingerprint, create);
  }

  /** A district's policy version: from the committed versions already read, else read once per unit of work. */
  policy(districtId: string, version: number): Promise<DistrictPolicy> {
    const committed = committedPolicy(this.manager.connection, districtId, version);
    if (committed) return Promise.resolve(committed);
    const key = policyKey(districtId, version);
    let policy = this.policies.get(key);
    if (!policy) {
      policy = organisationRepository.policiesByKeys(this.manager, [{ districtId, version }]).then((rows) => {
        if (!rows[0]) throw new Error(`district policy ${key} does not exist`);
        this.policiesRead.set(key, rows[0].settings);
        return rows[0].settings;
      });
      this.policies.set(key, policy);
    }
    return policy;
  }

  /** @internal Writes what was collected; runUnitOfWork calls it before commit. */
  async flush(): Promise<void> {
    if (this.notifications.length) {
      this.enqueueOutbox(await writeNotifications(this.manager, this.notifications.splice(0)));
    }
    if (this.audits.length) {
      const { requestId, ...actor } = this.actor;
      await writeAuditEvents(
        this.manager,
        this.audits.splice(0).map((w) => ({
          ...w,
          occurredAt: this.now,
          requestId,
          actor,
          outcome: AuditOutcome.ALLOWED,
        })),
      );
    }
  }
}

/** Where a write runs: in a viewer's row scope (null: none; a worker then calls asSystem), on a request's connection if it has one. */
export interface WritePlace {
  readonly scope: ViewerRowScope | null;
  readonly runner?: QueryRunner;
}

/**
 * Runs `work` with the runner's START TRANSACTION sent together with `scopeStatement` (literals only, so one
 * simple-query round trip): TypeORM keeps its own transaction state, the row scope costs no round trip of its own.
 */
async function beginningInScope<T>(runner: QueryRunner, scopeStatement: string | null, work: () => Promise<T>): Promise<T> {
  if (!scopeStatement) return work();
  const query = runner.query;
  runner.query = ((sql: string, ...rest: unknown[]) => {
    if (sql !== 'START TRANSACTION') return (query as (...a: unknown[]) => unknown).call(runner, sql, ...rest);
    runner.query = query;
    return query.call(runner, `START TRANSACTION; ${scopeStatement}`);
  }) as QueryRunner['query'];
  try {
    return await work();
  } finally {
    runner.query = query;
  }
}

/**
 * Runs one write. After commit its deadline steps and e-mails are enqueued;
 * when that fails it is logged and left to the reconciler.
 */
export async function runUnitOfWork<T>(
  deps: UnitOfWorkDeps,
  actor: WorkActor,
  place: WritePlace,
  work: (uow: UnitOfWork) => Promise<T>,
): Promise<T> {
  const now = deps.clock.now();
  let unit: UnitOfWork | null = null;
  const runner = place.runner ?? deps.dataSource.createQueryRunner();
  // Inside an open transaction TypeORM takes a savepoint, which carries no scope of its own.
  const nested = runner.isTransactionActive;
  let result: T;
  try {
    result = await beginningInScope(runner, nested ? null : viewerScopeStatement(place.scope), () =>
      runner.manager.transaction(async (manager) => {
        if (nested) await manager.query(viewerScopeStatement(place.scope));
        unit = new UnitOfWork(manager, now, actor, place.scope);
        const value = await work(unit);
        await unit.flush();
        return value;
      }),
    );
  } finally {
    if (!place.runner) await runner.release();
  }
  const done = unit as UnitOfWork | null;
  if (done) {
    rememberCommittedPolicies(deps.dataSource, done.policiesRead);
    try {
      await deps.jobs.enqueueDeadlineSteps(done.pendingSteps);
      await deps.jobs.enqueueOutbox(done.pendingOutbox);
    } catch (error) {
      deps.logger.warn({ err: error, requestId: actor.requestId }, 'enqueue after commit failed; the reconciler will schedule it');
    }
  }
  return result;
}
