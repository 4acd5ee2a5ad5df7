import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { systemRead, viewerScopeStatement, ViewerRowScope } from './row-scope';

type Query = QueryRunner['query'];

/** The request whose exclusive section (a write, a system lookup) the current async call runs in. */
const section = new AsyncLocalStorage<RequestConnection>();

/** What a request reads and writes through. */
export interface RequestDatabase {
  readonly manager: EntityManager;
  identify<V>(lookup: (manager: EntityManager) => Promise<V>, scopeOf: (value: V) => ViewerRowScope | null): Promise<V>;
  write<T>(work: (runner: QueryRunner | undefined) => Promise<T>): Promise<T>;
  asSystem<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  release(): Promise<void>;
}

/**
 * For the benchmark only (SAMVERKA_BENCH_SKIP_ROW_SCOPE=1): the pool as before row-level security, no request
 * transaction and no scope, to measure what they cost. Under row-level security it sees no personal rows at all.
 */
export class UnscopedRequestDatabase implements RequestDatabase {
  readonly manager: EntityManager;
  constructor(dataSource: DataSource) {
    this.manager = dataSource.manager;
  }
  identify<V>(lookup: (manager: EntityManager) => Promise<V>): Promise<V> {
    return lookup(this.manager);
  }
  write<T>(work: (runner: QueryRunner | undefined) => Promise<T>): Promise<T> {
    return work(undefined);
  }
  asSystem<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.manager);
  }
  async release(): Promise<void> {}
}

/** Read once per process: the choice is made for every request. */
const SKIP_ROW_SCOPE = process.env.SAMVERKA_BENCH_SKIP_ROW_SCOPE === '1';

export function requestDatabase(dataSource: DataSource): RequestDatabase {
  return SKIP_ROW_SCOPE ? new UnscopedRequestDatabase(dataSource) : new RequestConnection(dataSource);
}

/**
 * One request's database connection, taken from the pool at its first
 * statement and given back by `release`. Reads run in one transaction in the
 * viewer's row scope. A write runs on the same connection in an exclusive
 * section (reads of the request wait for it), so a request never holds two
 * connections of its pool: N requests cannot deadlock a pool of N. System
 * lookups (the viewer, existence checks) run on the system role's pool, whose
 * connections never wait for this one's.
 */
export class RequestConnection implements RequestDatabase {
  private readonly runner: QueryRunner;
  private readonly raw: Query;
  /** The open read transaction: 'broken' after a failed statement, until it is rolled back. */
  private read: Promise<void> | 'broken' | null = null;
  private sectionDone: Promise<void> | null = null;
  private inFlight = 0;
  private drained: (() => void)[] = [];
  private released: Promise<void> | null = null;
  private last: Promise<unknown> = Promise.resolve();
  readonly manager: EntityManager;

  constructor(
    private readonly dataSource: DataSource,
    private scope: ViewerRowScope | null = null,
  ) {
    this.runner = dataSource.createQueryRunner('master');
    const query = this.runner.query.bind(this.runner) as Query;
    // One statement at a time, in order: the driver would queue them too, but that is deprecated (pg 9 drops it).
    this.raw = ((...args: Parameters<Query>) => {
      const result = this.last.then(() => query(...args));
      this.last = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    }) as Query;
    this.runner.query = ((query: string, parameters?: unknown[], structured?: boolean) =>
      this.query(query, parameters, structured)) as Query;
    this.manager = this.runner.manager;
  }

  /** Starts the request: `lookup` (the viewer query) runs in system scope, then reads take the scope `scopeOf` gives its answer. */
  async identify<V>(lookup: (manager: EntityManager) => Promise<V>, scopeOf: (value: V) => ViewerRowScope | null): Promise<V> {
    const value = await systemRead(this.dataSource, lookup);
    return this.exclusive(async () => {
      await this.endRead();
      this.scope = scopeOf(value);
      return value;
    });
  }

  /** A write: the read transaction ends, `work` runs its own transaction on this connection, reads reopen after it. */
  write<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.endRead();
      return work(this.runner);
    });
  }

  /** A system-scope lookup (reads only), on the system role's connections (see systemRead). */
  asSystem<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return systemRead(this.dataSource, work);
  }

  /** Ends the read transaction and gives the connection back; later statements fail. */
  release(): Promise<void> {
    this.released ??= this.exclusive(() => this.endRead()).then(
      () => this.runner.release(),
      async (error) => {
        // A connection whose transaction did not end cleanly could carry this viewer's scope: the pool closes it.
        await (this.runner as unknown as { releasePostgresConnection(error: unknown): Promise<void> }).releasePostgresConnection(error);
        throw error;
      },
    );
    return this.released;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's QueryRunner.query returns any
  private async query(query: string, parameters?: unknown[], structured?: boolean): Promise<any> {
    if (section.getStore() === this) return this.raw(query, parameters, structured as true);
    while (this.sectionDone) await this.sectionDone;
    this.inFlight += 1;
    try {
      await this.openRead();
      return await this.raw(query, parameters, structured as true);
    } catch (error) {
      if (this.read) this.read = 'broken';
      throw error;
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve();
    }
  }

  private openRead(): Promise<void> {
    if (this.read === 'broken') this.read = this.raw(`ROLLBACK; BEGIN; ${viewerScopeStatement(this.scope)}`);
    else if (!this.read) this.read = this.raw(`BEGIN; ${viewerScopeStatement(this.scope)}`);
    return this.read;
  }

  private async endRead(): Promise<void> {
    const read = this.read;
    if (!read) return;
    this.read = null;
    if (read === 'broken') {
      await this.raw('ROLLBACK');
      return;
    }
    try {
      await read;
    } catch {
      await this.raw('ROLLBACK').catch(() => undefined);
      return;
    }
    await this.raw('COMMIT');
  }

  /** Runs `work` alone on the connection: after the statements in flight, before any new one. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (section.getStore() === this) return work();
    while (this.sectionDone) await this.sectionDone;
    let done!: () => void;
    this.sectionDone = new Promise<void>((resolve) => {
      done = resolve;
    });
    try {
      if (this.inFlight) await new Promise<void>((resolve) => this.drained.push(resolve));
      return await section.run(this, work);
    } finally {
      this.sectionDone = null;
      done();
    }
  }
}
