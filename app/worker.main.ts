/** `npm run worker`: a worker process; scale it out (`--scale worker=3`). */
import { loadConfigOrExit } from '../platform/config';
import { describeStartFailure, onShutdown } from '../platform/lifecycle';
import { createLogger } from '../platform/logger';
import { openRuntime } from './runtime';
import { checkRedisSettings } from '../platform/queues/redis-settings';
import { startWorkers } from '../workers/worker-registry';

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env, { withoutSignIn: true });
  const logger = createLogger(config.logLevel, 'samverka-worker');
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for npm run worker');
  if (config.redisUrl) await checkRedisSettings(config.redisUrl, logger);
  const runtime = await openRuntime(config, config.databaseUrl, logger);
  const workers = await startWorkers(runtime);
  logger.info({ queues: workers.workers.map((w) => w.name), backend: runtime.queues.kind }, 'workers started');
  onShutdown(logger, [() => workers.close(), () => runtime.close()]);
}

main().catch((error) => {
  process.stderr.write(`Worker failed to start: ${describeStartFailure(error)}\n`);
  process.exit(1);
});
