/** `npm run api`: the stateless API process (production topology). */
import { loadConfigOrExit } from '../platform/config';
import { onShutdown } from '../platform/lifecycle';
import { createLogger } from '../platform/logger';
import { createApiServer } from '../api/server';
import { openRuntime } from './runtime';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel, 'samverka-api');
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for npm run api');
  const runtime = await openRuntime(config, config.databaseUrl, logger);
  const api = await createApiServer(runtime);
  const port = await api.listen(config.port);
  logger.info({ port }, 'api listening');
  onShutdown(logger, [() => api.stop(), () => runtime.close()]);
}

main().catch((error) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
