import pino, { Logger } from 'pino';

/** Paths that may hold a personal identity number, a name or contact details. */
export const REDACTED_PATHS = [
  '*.personalIdentityNumber',
  '*.personnummer',
  '*.name',
  '*.givenName',
  '*.familyName',
  '*.childName',
  '*.email',
  '*.phone',
  '*.contact',
  '*.variables',
  'req.headers.authorization',
];

const PERSONNUMMER_LIKE = /\b(\d{6}|\d{8})[-+]?\d{4}\b/g;

/** Masks anything shaped like a personal identity number in free text. */
export function maskIdentityNumbers(text: string): string {
  return text.replace(PERSONNUMMER_LIKE, '[personnummer]');
}

export function createLogger(level: string, name = 'samverka'): Logger {
  return pino({
    name,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  });
}

export type { Logger };
