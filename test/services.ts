import net from 'node:net';
import { Client } from 'pg';

/** Where the test run's services live; resolved once by the global setup and passed on in the environment. */
export interface TestServices {
  readonly adminUrl: string;
  readonly templateDatabase: string;
  readonly redisUrl: string | null;
  /** The pid of the jest process; prefixes this run's databases. */
  readonly runId: string;
  /**
   * The restricted role the app connects as (row access only, no DDL, audit
   * INSERT and SELECT), as in production; null when SAMVERKA_TEST_DB_ROLE=owner.
   */
  readonly appRole: string | null;
  /** The system role (workers, viewer lookup, seeds: system scope); null with the owner. */
  readonly systemRole: string | null;
}

export const TEST_APP_ROLE = 'samverka_test_app';
export const TEST_SYSTEM_ROLE = 'samverka_test_system';

export { urlAsRole } from '../db/roles';

const ENV = 'SAMVERKA_TEST_SERVICES';

export function publishServices(services: TestServices): void {
  process.env[ENV] = JSON.stringify(services);
}

export function testServices(): TestServices {
  const raw = process.env[ENV];
  if (!raw) throw new Error('Test services are not set up: run the tests with npm test');
  return JSON.parse(raw) as TestServices;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export function hasRedis(): boolean {
  return testServices().redisUrl !== null;
}
