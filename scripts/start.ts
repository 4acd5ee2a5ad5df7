/**
 * `npm start`: the whole platform in one process for development and demos.
 * Embedded PostgreSQL unless DATABASE_URL is set; queues on Redis when
 * REDIS_URL is set, otherwise on BullMQ's PostgreSQL backend.
 */
import { createApiServer } from '../api/server';
import { DEMO_USERS } from '../db/seed/demo-seed';
import { DEVELOPMENT_ROLES } from '../db/roles';
import { prepareDevelopmentDatabase } from './start-database';
import { seedDemoTalk } from './demo-talk';
import { loadConfigOrExit } from '../platform/config';
import { startEmbeddedDatabase } from '../platform/embedded-database';
import { describeStartFailure, onShutdown } from '../platform/lifecycle';
import { createLogger } from '../platform/logger';
import { openRuntime } from '../app/runtime';
import { checkRedisSettings } from '../platform/queues/redis-settings';
import { startWorkers } from '../workers/worker-registry';

/** The supported LTS line (Dockerfile, engines, CI). Older Nodes still start the development platform, with a clear note. */
const SUPPORTED_NODE_MAJOR = 24;

function checkNodeVersion(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < SUPPORTED_NODE_MAJOR) {
    process.stderr.write(
      `Note: Samverka is built and tested on Node ${SUPPORTED_NODE_MAJOR} (LTS); this is Node ${process.versions.node}. ` +
        `npm start runs on it for development, but install Node ${SUPPORTED_NODE_MAJOR} (https://nodejs.org) for anything else.\n`,
    );
  }
}

async function main(): Promise<void> {
  checkNodeVersion();
  const config = loadConfigOrExit(process.env, { defaultNodeEnv: 'development', developmentDatabase: 'embedded' });
  const logger = createLogger(config.logLevel);
  if (config.nodeEnv === 'production') throw new Error('npm start is for development; use npm run api and npm run worker in production');

  const database = config.databaseUrl
    ? { url: config.databaseUrl, dir: null, stop: async () => undefined, restart: async () => undefined }
    : await startEmbeddedDatabase({ log: (line) => logger.info(line) });

  const { seeded, appUrl, systemUrl } = await prepareDevelopmentDatabase(database.url, !config.databaseUrl, logger);
  if (config.redisUrl) await checkRedisSettings(config.redisUrl, logger);
  const runtime = await openRuntime(config, appUrl, logger, { systemDatabaseUrl: systemUrl });
  const api = await createApiServer(runtime);
  const port = await api.listen(config.port);
  const workers = await startWorkers(runtime);
  if (seeded) await seedDemoTalk(runtime, api);

  onShutdown(logger, [() => workers.close(), () => api.stop(), () => runtime.close(), () => database.stop()]);

  const users = DEMO_USERS.map((u) => `    ${u.email.padEnd(32)} ${u.roles.join(', ')}`).join('\n');
  process.stdout.write(`
Samverka is running.
  Web app:  http://localhost:${port}/  (pick a demo user on the sign-in page)
  GraphQL:  http://localhost:${port}/graphql
  Health:   http://localhost:${port}/healthz  http://localhost:${port}/readyz
  Queues:   ${runtime.queues.kind === 'redis' ? 'Redis' : 'PostgreSQL (BullMQ backend)'}
  Database: ${database.dir ? `embedded PostgreSQL in ${database.dir}, as ${DEVELOPMENT_ROLES.app} (requests) and ${DEVELOPMENT_ROLES.system} (system work)` : 'DATABASE_URL'}

Demo users (the same users exist in Syd as …syd@samverka.test):
${users}

Get a token:   npm run token -- socsek.norr@samverka.test
Try it:        curl -s http://localhost:${port}/graphql -H 'content-type: application/json' \\
                 -H "authorization: Bearer $(npm run -s token -- socsek.norr@samverka.test | tail -1)" \\
                 -d '{"query":"{ viewer { email roles agency { name } districts { name } } }"}'
Stop with Ctrl-C.
`);
}

main().catch((error) => {
  process.stderr.write(`Samverka failed to start: ${describeStartFailure(error)}\n`);
  process.exit(1);
});
