/**
 * SQL statements per request, measured on an API started inside the bench
 * process on the scale database: the same schema, resolvers, loaders and
 * audit plugin as `node dist/app/api.main.js`, one request at a time.
 *
 * Two independent counts: a TypeORM Logger passed to createAppDataSource({ logger })
 * and a wrapper on the pg clients of the pool (bench/lib/statement-counter.ts).
 * They should agree; the bench prints both when they do not.
 */
import { randomUUID } from 'node:crypto';
import { Logger as TypeOrmLogger } from 'typeorm';
import { signDevToken } from '../api/auth/dev-token';
import { createTokenVerifier } from '../api/auth/token-verifier';
import { buildContext, createApiServer } from '../api/server';
import { loadConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { openRuntime, createAppDataSource } from '../app/runtime';
import { fireSteps } from '../workers/deadlines/fire-step';
import { countStatements } from './lib/statement-counter';
import {
  ANALYST_VIEWER,
  FLAG_CONCERN_MUTATION,
  flagConcernInput,
  INDICATORS_QUERY,
  lastTwelveMonths,
  POLICE_FEEDBACK_QUERY,
  POLICE_VIEWER,
  SCHOOL_VIEWER,
} from './workloads';

/** Counts every statement TypeORM runs; prints nothing. */
class CountingLogger implements TypeOrmLogger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface SqlCount {
  readonly operation: string;
  readonly statements: number;
  /** The TypeORM logger's count, when it differs from the wire count. */
  readonly typeormLoggerStatements?: number;
  readonly errors?: string;
  readonly sample?: readonly string[];
}

export interface SqlCountOptions {
  readonly databaseUrl: string;
  readonly redisUrl?: string;
  readonly devSecret: string;
  /** Children the flagConcern mutation may name. */
  readonly childNumber: string;
}

/**
 * One deadline step fired as a worker fires it (workers/deadlines/fire-step.ts),
 * inside a transaction that is rolled back, so nothing stays behind. The count
 * adds the transaction's BEGIN and COMMIT that the job's transaction sends.
 */
async function measureFireStep(dataSource: import('typeorm').DataSource, wire: ReturnType<typeof countStatements>): Promise<SqlCount[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const [subject] = await runner.query(
      `SELECT r.id, r.district_id FROM report r JOIN district d ON d.id = r.district_id WHERE d.code = 'norr' LIMIT 1`,
    );
    const [{ id: responsible }] = await runner.query(`SELECT id FROM app_user WHERE email = 'socsek.norr@samverka.test'`);
    const [{ id: deadlineId }] = await runner.query(
      `INSERT INTO deadline (kind, subject_type, subject_id, subject_reference, district_id, responsible_user_id, policy_version, starts_at, due_at)
       VALUES ('FEEDBACK', 'REPORT', $1, 'OA-BENCH', $2, $3, 1, now() - interval '14 days', now() - interval '1 minute') RETURNING id`,
      [subject.id, subject.district_id, responsible],
    );
    const steps: { id: string; step: string }[] = await runner.query(
      `INSERT INTO deadline_step (deadline_id, step, fire_at) VALUES ($1, 'breach', now() - interval '1 minute'), ($1, 'escalate', now() - interval '1 minute')
       RETURNING id, step`,
      [deadlineId],
    );
    const results: SqlCount[] = [];
    for (const step of steps) {
      const { result, count, statements } = await wire.measure(() =>
        fireSteps(runner.manager, { stepIds: [step.id], sweep: 0 }, new Date()),
      );
      results.push({
        operation: `deadline step ${step.step} (fireSteps + BEGIN/COMMIT)`,
        statements: count + 2,
        ...(!result.firedIds.includes(step.id) ? { errors: 'not fired' } : {}),
        sample: statements,
      });
    }
    return results;
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

export async function measureSqlCounts(options: SqlCountOptions): Promise<SqlCount[]> {
  const config = loadConfig(
    {
      NODE_ENV: 'development',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      AUTH_DEV_SECRET: options.devSecret,
      LOG_LEVEL: 'silent',
      // The load tests' users share the limiter's counters (in Redis when configured): these few requests must not be refused.
      RATE_LIMIT_PER_USER: '1000000',
      RATE_LIMIT_PER_IP: '1000000',
    },
    { developmentDatabase: 'disposable' },
  );
  const logger = new CountingLogger();
  const dataSource = createAppDataSource({ url: options.databaseUrl, poolSize: 5, applicationName: 'samverka-bench-sql-count', logger });
  const runtime = await openRuntime(config, options.databaseUrl, createLogger('silent'), { dataSource });
  const wire = countStatements(dataSource);
  const api = await createApiServer(runtime);
  const verify = createTokenVerifier(config.auth);
  const tokens = new Map<string, string>();
  const bearer = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await signDevToken(email, options.devSecret));
    return `Bearer ${tokens.get(email)}`;
  };

  const measure = async (operation: string, email: string, query: string, variables: Record<string, unknown>): Promise<SqlCount> => {
    const authorization = await bearer(email);
    logger.count = 0;
    const { result, count, statements } = await wire.measure(async () => {
      const contextValue = await buildContext(runtime, verify, authorization, `bench-sql-${randomUUID()}`);
      return api.apollo.executeOperation({ query, variables }, { contextValue });
    });
    const body = result.body.kind === 'single' ? result.body.singleResult : null;
    return {
      operation,
      statements: count,
      ...(logger.count !== count ? { typeormLoggerStatements: logger.count } : {}),
      ...(body?.errors?.length ? { errors: body.errors.map((e) => e.message).join('; ') } : {}),
      sample: statements,
    };
  };

  try {
    // Once unmeasured, so one-off work (pool connections, prepared caches) is not counted.
    await measure('warm-up', POLICE_VIEWER, POLICE_FEEDBACK_QUERY, { first: 5 });
    const results: SqlCount[] = [];
    for (const first of [5, 20, 50]) {
      results.push(await measure(`police-feedback myReports(first: ${first})`, POLICE_VIEWER, POLICE_FEEDBACK_QUERY, { first }));
    }
    results.push(
      await measure('flag-concern flagConcern', SCHOOL_VIEWER, FLAG_CONCERN_MUTATION, {
        input: flagConcernInput(`bench-sql-${randomUUID()}`, options.childNumber),
      }),
    );
    results.push(await measure('indicators (12 months)', ANALYST_VIEWER, INDICATORS_QUERY, lastTwelveMonths(new Date())));
    results.push(...(await measureFireStep(dataSource, wire)));
    return results;
  } finally {
    await api.stop();
    await runtime.close();
  }
}
