import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/** Counts the SQL statements DataSources send to PostgreSQL (one a round trip), transaction control included. */
export interface StatementCounter {
  /** Statements sent since the last reset. */
  readonly count: number;
  /** Their text, first line only, for a report when a count looks wrong. */
  readonly statements: readonly string[];
  reset(): void;
  /** Runs `work` and returns what it sent; calls must not overlap. */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }>;
}

/**
 * Wraps `query` on every pg client the DataSource's pool hands out. This sits
 * below TypeORM, so it sees `dataSource.query`, `manager.query`, query builders
 * and the START TRANSACTION/COMMIT of `dataSource.transaction` alike, and
 * needs no change in application code.
 */
export function countStatements(...dataSources: DataSource[]): StatementCounter {
  const patched = new WeakSet<PoolClient>();
  let statements: string[] = [];

  for (const dataSource of dataSources) {
    const pool = (dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool || typeof pool.on !== 'function')
      throw new Error('countStatements: the DataSource is not an initialised PostgreSQL DataSource');
    pool.on('acquire', (client: PoolClient) => {
      if (patched.has(client)) return;
      patched.add(client);
      const original = client.query;
      client.query = function countedQuery(this: PoolClient, ...args: unknown[]) {
        const first = args[0];
        const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '<query object>');
        statements.push(text.trim().split('\n')[0].slice(0, 160));
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof client.query;
    });
  }

  return {
    get count() {
      return statements.length;
    },
    get statements() {
      return statements;
    },
    reset() {
      statements = [];
    },
    async measure(work) {
      statements = [];
      const result = await work();
      const sent = statements;
      statements = [];
      return { result, count: sent.length, statements: sent };
    },
  };
}
