import { Client } from 'pg';
import { createAppDataSource } from '../../app/runtime';
import { prepareLocalRoles } from '../../db/roles';
import { COORDINATOR_VIEWER } from '../workloads';
import { BENCH_ROLES } from './scale-database';

/**
 * The environment the bench's servers run in, as an operator runs the API: production, OIDC tokens from a JWKS (the
 * bench's identity provider), a mail sender, no development secret. The rate limiter runs (its cost is the
 * product's), but with limits no load test reaches: 32 connections from one address as one user would otherwise be
 * refused within the first second.
 */
export function productionEnv(databaseUrl: string, identityEnv: Record<string, string>, redisUrl: string | undefined): NodeJS.ProcessEnv {
  const { AUTH_DEV_SECRET: _devSecret, ...inherited } = process.env;
  return {
    ...inherited,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    ...identityEnv,
    MAIL_FROM: 'Samverka bench <noreply@bench.samverka.invalid>',
    // Production refuses to start without SMTP_URL; the bench sends no mail on purpose.
    MAIL_SENDER: 'log',
    LOG_LEVEL: 'silent',
    REDIS_URL: redisUrl ?? '',
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_PER_IP: '1000000',
  };
}

/** The restricted roles, as `npm run migrate` grants them in production: the API serves under row-level security, system work on the system role. */
export async function benchRoleUrls(databaseUrl: string): Promise<{ appUrl: string; systemUrl: string }> {
  const owner = await createAppDataSource({ url: databaseUrl }).initialize();
  try {
    return await prepareLocalRoles(owner, databaseUrl, BENCH_ROLES);
  } finally {
    await owner.destroy();
  }
}

/** The first row of a query on its own connection. */
export async function firstRow(databaseUrl: string, sql: string, params: unknown[] = []) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0];
  } finally {
    await client.end();
  }
}

export async function norrDistrictId(databaseUrl: string): Promise<string> {
  return (await firstRow(databaseUrl, `SELECT id FROM district WHERE code = 'norr'`)).id;
}

/** A Norr SSPF case the coordinator coordinates, with the most plan actions (seed:scale writes them). */
export async function coordinatedCaseId(databaseUrl: string): Promise<string | null> {
  const row = await firstRow(
    databaseUrl,
    `SELECT cc.id FROM collaboration_case cc JOIN app_user u ON u.id = cc.coordinator_user_id
        WHERE lower(u.email) = lower($1) AND cc.closed_at IS NULL
        ORDER BY (SELECT count(*) FROM plan_action a WHERE a.case_id = cc.id) DESC, cc.reference LIMIT 1`,
    [COORDINATOR_VIEWER],
  );
  return row?.id ?? null;
}
