import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { DEFAULT_EMBEDDED_HOME, serverFiles } from './embedded-postgres-files';
import { initialiseCluster, PostgresProcess, startServer } from './embedded-postgres-server';

export interface RunningDatabase {
  readonly url: string;
  /** The data directory (moved out of a checkout the server's OS user cannot reach). */
  readonly dir: string;
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

/**
 * Starts the embedded PostgreSQL (real binaries from npm) under `.data/`,
 * creating the cluster and the database on first use. It takes a free port,
 * or joins the server this data directory already runs (then `stop` leaves it
 * running). A start that fails says why, with PostgreSQL's last words.
 */
export async function startEmbeddedDatabase(
  options: {
    dir?: string;
    port?: number;
    database?: string;
    log?: (line: string) => void;
    home?: string;
  } = {},
): Promise<RunningDatabase> {
  const database = options.database ?? 'samverka';
  const log = options.log ?? (() => undefined);
  // Development only, like the embedded server itself: not part of the production configuration.
  const home = options.home ?? process.env.EMBEDDED_POSTGRES_HOME ?? DEFAULT_EMBEDDED_HOME;
  const files = serverFiles(options.dir ?? DEFAULT_DIR, home, log);
  const dir = files.dataDir;
  const alreadyRunning = options.port === undefined ? runningPort(dir) : null;
  const port = options.port ?? alreadyRunning ?? (await freePort());
  const output: string[] = [];
  let server: PostgresProcess | null = null;
  const start = async () => {
    try {
      server = await startServer(files, port, output);
    } catch (error) {
      throw new Error(
        `the embedded PostgreSQL in ${dir} did not start on port ${port}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const stop = async () => {
    await server?.stop();
    server = null;
  };
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL cluster in ${dir}`);
    await initialiseCluster(files, { user: 'postgres', password: 'postgres' }).catch((error: Error) => {
      throw new Error(`the embedded PostgreSQL could not create its cluster in ${dir}: ${error.message}`);
    });
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
    dir,
    stop,
    async restart() {
      await stop();
      await start();
    },
  };
}
