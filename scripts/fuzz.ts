/**
 * `npm run fuzz`: the fuzz proof at full length (default 50,000 requests).
 *
 *   npm run fuzz -- --requests 50000 --seed 20261123
 *
 * Builds a throwaway database from the migrations and the demo seed on
 * DATABASE_URL's server (else PostgreSQL on 127.0.0.1:5432, else the
 * embedded one), uses REDIS_URL or a local Redis when there is one, attacks
 * an API on it, prints the summary line, drops the database, and exits
 * non-zero if anything was wrong.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../db/data-source';
import { asSystem } from '../db/access/row-scope';
import { seedDemo } from '../db/seed/demo-seed';
import { FakeClock } from '../domain/time/clock';
import { loadConfig } from '../platform/config';
import { startEmbeddedDatabase } from '../platform/embedded-database';
import { openRuntime, createAppDataSource } from '../app/runtime';
import { databaseUrl, postgresAnswers, redisAnswers } from '../test/services';
import { capturingLogger, startTestServer } from './fuzz/harness';
import { detailLine, fuzzTarget, runFuzz, summaryLine } from './fuzz/run';

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';
const SECRET = `fuzz-${randomBytes(24).toString('hex')}`;

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index >= 0 ? process.argv[index + 1] : undefined;
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

async function adminDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.DATABASE_URL?.trim();
  if (given) return { url: given, stop: async () => undefined };
  if (await postgresAnswers(LOCAL_POSTGRES)) return { url: LOCAL_POSTGRES, stop: async () => undefined };
  const embedded = await startEmbeddedDatabase({ dir: `${__dirname}/../../.data/fuzz-postgres`, port: 54331, database: 'postgres' });
  return { url: embedded.url, stop: () => embedded.stop() };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const total = flag('requests', 50_000);
  const seed = flag('seed', 20261123);
  const server = await adminDatabase();
  const name = `samverka_fuzz_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(server.url, `CREATE DATABASE "${name}"`);
  const url = databaseUrl(server.url, name);
  const redis = process.env.REDIS_URL?.trim() || ((await redisAnswers(LOCAL_REDIS)) ? `${LOCAL_REDIS}/13` : undefined);
  process.stdout.write(`fuzz: database ${name}, queues on ${redis ? 'Redis' : 'PostgreSQL'}, ${total} requests, seed ${seed}\n`);

  try {
    const setup = createAppDataSource({ url });
    await setup.initialize();
    await runMigrations(setup);
    await asSystem(setup, (manager) => seedDemo(manager));
    await setup.destroy();

    const config = loadConfig(
      { NODE_ENV: 'test', DATABASE_URL: url, REDIS_URL: redis, AUTH_DEV_SECRET: SECRET, LOG_LEVEL: 'info' },
      { developmentDatabase: 'disposable' },
    );
    const { logger, entries } = capturingLogger('info');
    const runtime = await openRuntime(config, url, logger, { clock: new FakeClock('2026-11-23T08:00:00Z') });
    const api = await startTestServer(runtime, { config: fuzzTarget, logger });
    try {
      const summary = await runFuzz(api, entries, {
        total,
        seed,
        progress: (line) => process.stderr.write(`fuzz: ${line}\n`),
      });
      process.stdout.write(`${summaryLine(summary)}\n`);
      process.stdout.write(`fuzz: ${detailLine(summary, seed)}\n`);
      const kinds = Object.entries(summary.byKind)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}=${v.requests}/${v.rejected}`);
      process.stdout.write(`fuzz: requests/refused by kind: ${kinds.join(' ')}\n`);
      for (const problem of summary.problems) process.stdout.write(`fuzz: PROBLEM ${problem}\n`);
      const clean =
        summary.problems.length === 0 &&
        summary.fiveXX === 0 &&
        summary.leaks === 0 &&
        summary.changedRowsByRejected === 0 &&
        summary.unexpectedAccepts === 0 &&
        summary.replayMismatches === 0 &&
        summary.logErrors === 0 &&
        summary.unhandledRejections === 0 &&
        summary.unhealthy === 0;
      process.exitCode = clean ? 0 : 1;
    } finally {
      await api.close();
      await runtime.close();
    }
  } finally {
    await admin(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`fuzz failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
