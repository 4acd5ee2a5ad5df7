import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../db/data-source';
import { createAppDataSource } from '../app/runtime';
import { asSystem } from '../db/access/row-scope';
import { seedDemo } from '../db/seed/demo-seed';
import { startEmbeddedDatabase } from '../platform/embedded-database';
import { prepareLocalRoles } from '../db/roles';
import { prepareQueueSchema } from '../platform/queues/queue-backend';
import { buildWebIfNeeded } from '../scripts/web-build';
import { databaseUrl, postgresAnswers, publishServices, redisAnswers, TEST_APP_ROLE, TEST_SYSTEM_ROLE } from './services';

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

/**
 * Picks real services: DATABASE_URL / REDIS_URL when set, else the local ones
 * on 127.0.0.1, else embedded PostgreSQL (and no Redis: those tests skip, loudly).
 * Builds one template database from the migrations and the demo seed; each
 * test file then clones it, so files run in parallel on their own data.
 */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  const forceEmbedded = process.env.SAMVERKA_TEST_POSTGRES === 'embedded';
  if (!adminUrl && !forceEmbedded && (await postgresAnswers(LOCAL_POSTGRES))) adminUrl = LOCAL_POSTGRES;
  if (!adminUrl) {
    const embedded = await startEmbeddedDatabase({ dir: `${__dirname}/../.data/test-postgres`, database: 'postgres' }).catch(
      (error: Error) => {
        process.stderr.write(`\n[test] no PostgreSQL to test against (DATABASE_URL, 127.0.0.1:5432 or embedded): ${error.message}\n`);
        process.exit(1);
      },
    );
    (globalThis as { __embeddedTestDatabase?: { stop(): Promise<void> } }).__embeddedTestDatabase = embedded;
    adminUrl = embedded.url;
    process.stdout.write('\n[test] PostgreSQL: embedded (no DATABASE_URL and nothing on 127.0.0.1:5432)\n');
  }

  let redisUrl: string | null = process.env.REDIS_URL ?? null;
  if (!redisUrl && (await redisAnswers(LOCAL_REDIS))) redisUrl = LOCAL_REDIS;
  if (!redisUrl) {
    process.stdout.write('\n[test] !!!!!!!! NO REDIS: Redis-specific tests are SKIPPED. Set REDIS_URL or start redis-server. !!!!!!!!\n');
  }

  const templateDatabase = `samverka_test_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  // Leftovers of runs whose process is gone; a concurrent run's databases stay.
  const existing = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'samverka_test_%'`);
  for (const { datname } of existing.rows) {
    const pid = Number(/^samverka_test_(?:template_)?(\d+)/.exec(datname)?.[1]);
    if (!pid || !processAlive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE "${templateDatabase}"`);
  const asOwner = process.env.SAMVERKA_TEST_DB_ROLE === 'owner';
  const appRole = asOwner ? null : TEST_APP_ROLE;
  const systemRole = asOwner ? null : TEST_SYSTEM_ROLE;
  await admin.end();

  const templateUrl = databaseUrl(adminUrl, templateDatabase);
  const dataSource = createAppDataSource({ url: templateUrl });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await asSystem(dataSource, (manager) => seedDemo(manager));
  await dataSource.destroy();

  // BullMQ's PostgreSQL backend schema is prepared once, by the owner, as `npm run migrate` does; then the app role's grants.
  await prepareQueueSchema(templateUrl);
  if (appRole && systemRole) {
    const grants = createAppDataSource({ url: templateUrl });
    await grants.initialize();
    await prepareLocalRoles(grants, templateUrl, { app: appRole, system: systemRole });
    await grants.destroy();
    process.stdout.write(
      `\n[test] the app connects as the restricted role ${appRole}, system work as ${systemRole} (SAMVERKA_TEST_DB_ROLE=owner to run it as the owner)\n`,
    );
  }

  // The process-level tests (chaos, graceful shutdown) run the compiled entry points.
  if (process.env.SAMVERKA_TEST_SKIP_BUILD !== '1') {
    const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], {
      cwd: path.resolve(__dirname, '..'),
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`npm run build failed before the tests:\n${build.stdout}${build.stderr}`);
  }
  // Once, before the workers start: browser test files running side by side would each start a Vite build, and Vite
  // refuses a second build of the same project while one runs.
  buildWebIfNeeded((line) => process.stdout.write(`[test] ${line}\n`));

  publishServices({ adminUrl, templateDatabase, redisUrl, runId: String(process.pid), appRole, systemRole });
}
