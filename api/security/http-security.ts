import { randomUUID } from 'node:crypto';
import cors from 'cors';
import { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Config } from '../../platform/config';
import type { Logger } from '../../platform/logger';
import { INTERNAL_MESSAGE } from '../errors/format-error';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A caller's X-Request-Id when it is sane, else a new one; echoed so support can find the log line. */
export function requestId(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    next();
  };
}

/** The API serves JSON only: nothing in a response may load, frame or run anything. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const ONE_YEAR_SECONDS = 31_536_000;

/**
 * On every route. In development Apollo's landing page (an HTML page on GET
 * /graphql for browsers) needs scripts from Apollo's CDN, so it alone goes
 * without the CSP; in production the landing page is off.
 */
export function securityHeaders(config: Pick<Config, 'nodeEnv'>): RequestHandler {
  const production = config.nodeEnv === 'production';
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('X-Permitted-Cross-Domain-Policies', 'none');
    const landingPage = !production && req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html';
    if (!landingPage) res.setHeader('Content-Security-Policy', API_CSP);
    if (production) res.setHeader('Strict-Transport-Security', `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
    next();
  };
}

/** Browsers may call from the configured origins only; tokens travel in a header, so no cookies (credentials). */
export function corsPolicy(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    exposedHeaders: ['retry-after', 'x-request-id'],
    credentials: false,
    maxAge: 600,
  });
}

/**
 * Apollo's express integration answers 500 when nothing parsed a body (a
 * text/plain POST, say); with an empty body it gives its own 400, or the CSRF
 * refusal when that applies.
 */
export function ensureBody(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!('body' in req)) (req as { body?: unknown }).body = undefined;
    next();
  };
}

function errorBody(message: string, code: string, requestId: unknown) {
  return { errors: [{ message, extensions: { code, requestId } }] };
}

export function notFound(): RequestHandler {
  return (_req: Request, res: Response) => {
    res.status(404).json(errorBody('There is nothing here. The API is at /graphql.', 'NOT_FOUND', res.locals.requestId));
  };
}

/** body-parser's errors carry a status and a type; their messages can quote the body, so only ours go out. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  'encoding.unsupported': { status: 415, code: 'BAD_REQUEST', message: 'The request body has an unsupported content encoding.' },
  'charset.unsupported': { status: 415, code: 'BAD_REQUEST', message: 'The request body has an unsupported charset.' },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted.' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: 'The request body does not match its Content-Length.' },
  'stream.encoding.set': { status: 500, code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE },
};

/** The last handler: JSON, never express's HTML page with a stack trace. */
export function httpErrorHandler(logger: Logger, options: { bodyLimitBytes: number }): ErrorRequestHandler {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const type = (error as { type?: unknown } | null)?.type;
    const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
    const requestId = res.locals.requestId;
    if (known && known.status < 500) {
      const message = known.status === 413 ? `${known.message} Send at most ${options.bodyLimitBytes} bytes.` : known.message;
      res.status(known.status).json(errorBody(message, known.code, requestId));
      return;
    }
    logger.error({ err: error, requestId }, 'unexpected HTTP error');
    res.status(500).json(errorBody(INTERNAL_MESSAGE, 'INTERNAL_SERVER_ERROR', requestId));
  };
}
