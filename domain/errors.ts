/**
 * The closed set of errors a user may see. Anything else is an internal error:
 * the client gets "Internal server error" and a request id, the log gets the rest.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra, safe-to-show details for `extensions`. */
  readonly details: Record<string, unknown> = {};
}

/** `field` is the input path, e.g. `input.personalIdentityNumber`. */
export class BadInput extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly field: string, message: string, readonly messageSv?: string) {
    super(message);
    this.details.field = field;
    if (messageSv) this.details.messages = { en: message, sv: messageSv };
  }
}

export class Unauthenticated extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in again: the request has no valid token.') {
    super(message);
  }
}

export class Forbidden extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this.', readonly field?: string) {
    super(message);
    if (field) this.details.field = field;
  }
}

/** `field`: the input that named the missing object, when a form should show the error beside it. */
export class NotFound extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(what: string, readonly field?: string) {
    super(`${what} was not found.`);
    if (field) this.details.field = field;
  }
}

export class Conflict extends AppError {
  readonly code = 'CONFLICT';
  constructor(message: string, readonly messageSv?: string) {
    super(message);
    if (messageSv) this.details.messages = { en: message, sv: messageSv };
  }
}

export class RateLimited extends AppError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests. Try again in ${retryAfterSeconds} seconds.`);
    this.details.retryAfterSeconds = retryAfterSeconds;
  }
}
