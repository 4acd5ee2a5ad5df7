import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { signDevToken } from '../../api/auth/dev-token';
import { createTokenVerifier } from '../../api/auth/token-verifier';
import { ApiServer, buildContext, createApiServer } from '../../api/server';
import { asSystem } from '../../db/access/row-scope';
import { Clock, FakeClock } from '../../domain/time/clock';
import { loadConfig } from '../../platform/config';
import { createLogger, Logger } from '../../platform/logger';
import { openRuntime, Runtime, createAppDataSource } from '../../app/runtime';
import { testServices } from '../services';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_SECRET = 'samverka-test-secret-at-least-32-characters';

export interface GraphQLResult<T = any> {
  /** The request id the audit rows of this request carry. */
  requestId?: string;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestApp {
  readonly runtime: Runtime;
  readonly db: TestDatabase;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly api: ApiServer;
  /** Runs an operation through Apollo as the given demo user (or anonymous when null). */
  as(email: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
  /** The same, with a raw Authorization header. */
  withAuthorization(authorization: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
  sql<T = any>(query: string, params?: unknown[]): Promise<T[]>;
  idOf(table: 'district' | 'agency' | 'app_user', where: string, params: unknown[]): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly clock?: Clock;
  /** 'redis' needs a Redis; the default uses Redis when the run has one. */
  readonly queue?: 'redis' | 'postgres';
  /** A Redis of the test's own (a chaos-style test that stops it); implies queue 'redis'. */
  readonly redisUrl?: string;
  /** Where the app's log lines go; silent by default. */
  readonly logger?: Logger;
  /** Connections of the app's pool; each request holds one while it runs. */
  readonly poolSize?: number;
  /** GRAPHQL_MAX_COST, for a proof that selects every field of every type; clients get the default. */
  readonly maxCost?: number;
}

/** A real API on a fresh database cloned from the seeded template. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const services = testServices();
  const db = await createTestDatabase();
  const useRedis = options.queue ? options.queue === 'redis' : services.redisUrl !== null;
  const redisUrl = options.redisUrl ?? (useRedis ? `${services.redisUrl}/${1 + Math.floor(Math.random() * 14)}` : undefined);
  // Test databases are clones, so user ids repeat across files and their rate-limit counters in a shared Redis would add
  // up; limits are off here and tested with their own settings in test/hardening.int.test.ts.
  const config = loadConfig(
    {
      // Each app's queues under their own prefix: workers of files running side by side never take each other's jobs.
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATABASE_SYSTEM_URL: db.systemUrl,
      REDIS_URL: redisUrl,
      REDIS_QUEUE_PREFIX: `{samverka-test-${randomUUID().slice(0, 8)}}`,
      AUTH_DEV_SECRET: TEST_SECRET,
      RATE_LIMIT_PER_USER: '1000000',
      RATE_LIMIT_PER_IP: '1000000',
      ...(options.maxCost ? { GRAPHQL_MAX_COST: String(options.maxCost) } : {}),
    },
    { developmentDatabase: 'disposable' },
  );
  const clock = options.clock ?? new FakeClock('2026-11-23T08:00:00Z');
  const poolSize = options.poolSize ?? 5;
  const dataSource = createAppDataSource({ url: db.url, poolSize });
  const runtime = await openRuntime(config, db.url, options.logger ?? createLogger((process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent'), {
    clock,
    dataSource,
    poolSize,
  });
  const verify = createTokenVerifier(config.auth);
  const api = await createApiServer(runtime, verify);
  const tokens = new Map<string, string>();

  const withAuthorization = async (authorization: string | undefined, query: string, variables?: Record<string, unknown>) => {
    const requestId = `test-${randomUUID()}`;
    const contextValue = await buildContext(runtime, verify, authorization, requestId);
    const response = await api.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    // Serialise as HTTP would, so dates arrive as ISO strings.
    return { ...JSON.parse(JSON.stringify(response.body.singleResult)), requestId } as GraphQLResult;
  };

  return {
    runtime,
    db,
    dataSource,
    clock,
    api,
    withAuthorization,
    async as(email, query, variables) {
      if (email === null) return withAuthorization(undefined, query, variables);
      if (!tokens.has(email)) tokens.set(email, await signDevToken(email, TEST_SECRET));
      return withAuthorization(`Bearer ${tokens.get(email)}`, query, variables);
    },
    // The test looks at every district's rows: system scope (the system role's pool), as an operator would.
    sql: (query, params) => asSystem(dataSource, (manager) => manager.query(query, params)),
    async idOf(table, where, params) {
      const rows = await dataSource.query(`SELECT id FROM ${table} WHERE ${where}`, params);
      if (rows.length !== 1) throw new Error(`expected one ${table} where ${where}, got ${rows.length}`);
      return rows[0].id;
    },
    async close() {
      await api.stop();
      await runtime.close();
      await db.drop();
    },
  };
}

/**
 * Opens a resource before each test (or once before all of them) and closes it after; the getter it returns is read
 * inside tests and hooks, where the resource exists.
 */
export function openAround<T>(scope: 'each' | 'all', open: () => Promise<T>, close: (value: T) => Promise<void>): () => T {
  let value: T | undefined;
  (scope === 'each' ? beforeEach : beforeAll)(async () => {
    value = await open();
  });
  (scope === 'each' ? afterEach : afterAll)(async () => {
    if (value !== undefined) await close(value);
    value = undefined;
  });
  return () => {
    if (value === undefined) throw new Error('opened before the tests run: read it inside a test or a hook');
    return value;
  };
}

/** The app and fake clock of the running test. */
export interface AppPerTest {
  readonly app: TestApp;
  readonly clock: FakeClock;
}

/** Gives each test of the file a fresh app whose fake clock starts at `start`. */
export function freshAppPerTest(start: string): AppPerTest {
  const current = openAround(
    'each',
    async () => {
      const clock = new FakeClock(start);
      return { app: await createTestApp({ clock }), clock };
    },
    ({ app }) => app.close(),
  );
  return {
    get app() {
      return current().app;
    },
    get clock() {
      return current().clock;
    },
  };
}
