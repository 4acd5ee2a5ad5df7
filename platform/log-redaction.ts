/**
 * What may reach a log line. Keys that can hold a name, a personal identity
 * number, contact details or free text are replaced at any depth; strings
 * shaped like a personal identity number are masked wherever they appear;
 * database errors keep only their code, constraint and table, because
 * PostgreSQL's detail and the query parameters carry the row's values.
 */
const REDACTED_KEYS = new Set(
  [
    'personalidentitynumber',
    'personnummer',
    'name',
    'givenname',
    'familyname',
    'childname',
    'displayname',
    'childasreported',
    'email',
    'to',
    'phone',
    'contact',
    'reportercontact',
    'description',
    'note',
    'body',
    'variables',
    'query',
    'parameters',
    'detail',
    'where',
    'authorization',
    'cookie',
    'token',
  ].map((k) => k.toLowerCase()),
);

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;
const PERSONNUMMER_LIKE = /(?<!\d)(\d{6}|\d{8})[-+]?\d{4}(?!\d)/g;

/** Masks anything shaped like a personal identity number in free text. */
export function maskIdentityNumbers(text: string): string {
  return text.replace(PERSONNUMMER_LIKE, '[personnummer]');
}

export function isRedactedKey(key: string): boolean {
  return REDACTED_KEYS.has(key.toLowerCase());
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  syscall?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** A PostgreSQL error (pg's DatabaseError, or TypeORM's QueryFailedError around one): a five-character SQLSTATE. */
function databaseError(error: ErrorLike): ErrorLike | null {
  const candidate = (error.driverError && typeof error.driverError === 'object' ? error.driverError : error) as ErrorLike;
  const code = candidate.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || candidate.syscall !== undefined) return null;
  return candidate;
}

/** An error as it may be logged. */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!error || typeof error !== 'object') return { message: maskIdentityNumbers(String(error)) };
  const e = error as ErrorLike;
  const db = databaseError(e);
  if (db) {
    const safe: Record<string, unknown> = { type: 'DatabaseError', code: db.code };
    if (typeof db.constraint === 'string') safe.constraint = db.constraint;
    if (typeof db.table === 'string') safe.table = db.table;
    return safe;
  }
  const safe: Record<string, unknown> = { type: typeof e.name === 'string' ? e.name : 'Error' };
  if (typeof e.message === 'string') safe.message = maskIdentityNumbers(e.message);
  if (typeof e.code === 'string' || typeof e.code === 'number') safe.code = e.code;
  if (typeof e.stack === 'string') safe.stack = maskIdentityNumbers(e.stack);
  if (e.cause !== undefined && depth < 3) safe.cause = safeError(e.cause, depth + 1);
  return safe;
}

/** A copy of a log object with personal data taken out, at any depth. */
export function redactForLog(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return maskIdentityNumbers(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return safeError(value);
  if (value instanceof Date) return value;
  if (Buffer.isBuffer(value)) return '[binary]';
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[deep]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'err' || key === 'error')
      out[key] = item && typeof item === 'object' ? safeError(item) : redactForLog(item, depth + 1, seen);
    else out[key] = isRedactedKey(key) ? REDACTED : redactForLog(item, depth + 1, seen);
  }
  return out;
}
