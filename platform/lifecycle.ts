import { Logger } from './logger';

/** Errors a client raises when the server it talks to goes away, as it does when we stop it ourselves. */
const CONNECTION_GONE = new Set(['57P01', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE']);

/** Runs the shutdown steps once, in order, on SIGINT or SIGTERM, then exits. */
export function onShutdown(logger: Logger, steps: readonly (() => Promise<unknown>)[], timeoutMs = 30_000): void {
  let stopping = false;
  // A library client that outlives its owner (BullMQ's PostgreSQL LISTEN connection) must not crash a clean stop.
  process.on('uncaughtException', (error: Error & { code?: string }) => {
    if (stopping && error.code && CONNECTION_GONE.has(error.code)) {
      logger.debug({ code: error.code }, 'connection closed during shutdown');
      return;
    }
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        logger.error({ err: error }, 'shutdown step failed');
      }
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** One line saying why a process could not start, whatever was thrown (never "undefined"). */
export function describeStartFailure(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const cause = error.cause !== undefined ? ` (cause: ${describeStartFailure(error.cause)})` : '';
    // pg's failed connect is an AggregateError with an empty message; its parts say what happened.
    const parts = error instanceof AggregateError ? error.errors.map((e) => describeStartFailure(e)).join('; ') : '';
    const message = error.message || parts || error.name;
    return `${message}${typeof code === 'string' && !message.includes(code) ? ` [${code}]` : ''}${cause}`;
  }
  if (error === undefined || error === null) return 'an error without a message was thrown; run with LOG_LEVEL=debug for more';
  return typeof error === 'string' ? error : JSON.stringify(error);
}
