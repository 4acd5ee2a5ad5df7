import pino, { DestinationStream, Logger } from 'pino';
import { maskIdentityNumbers, redactForLog } from './log-redaction';

export { maskIdentityNumbers } from './log-redaction';

/**
 * Pino JSON logs with personal data taken out of every line: objects through
 * `redactForLog` (any depth, database errors reduced to code, constraint and
 * table), message strings through the identity-number mask.
 */
export function createLogger(level: string, name = 'samverka', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactForLog(object) as Record<string, unknown>,
    },
    // The err key is made safe by redactForLog; pino's serializer would copy every property back.
    serializers: { err: (value: unknown) => value },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskIdentityNumbers(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
