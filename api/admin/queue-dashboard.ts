import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { createHash, randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import express, { NextFunction, Request, Response } from 'express';
import { queueDashboardSessionRepository as sessions } from '../../db/admin/queue-dashboard-session.repository';
import { Role } from '../../domain/access/roles';
import { Unauthenticated } from '../../domain/errors';
import { bearerToken, TokenVerifier } from '../auth/token-verifier';
import { loadViewer } from '../auth/viewer.loader';
import { AppDeps, ModuleRoute } from '../context';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const SESSION_COOKIE = 'samverka_queue_session';

function cookieSession(req: Request): string | null {
  const match = (req.header('cookie') ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(SESSION_COOKIE.length + 1)) : null;
}

const hashOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/** A dashboard session lasts this long; sign in again after it. */
export const DASHBOARD_SESSION_SECONDS = 15 * 60;

const SIGN_IN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Samverka queues: sign in</title></head>
<body><h1>Samverka queues</h1><p>Paste an administrator's token (the session lasts 15 minutes).</p>
<form method="post" action="${QUEUE_DASHBOARD_PATH}/session"><input name="token" type="password" autocomplete="off" size="60" required>
<button type="submit">Sign in</button></form></body></html>`;

export interface QueueDashboardOptions {
  readonly secureCookies: boolean;
  readonly now: () => Date;
}

/**
 * Bull Board for operators: queue health, failed jobs, retry. ADMIN only. A
 * browser signs in by POSTing a token to `/admin/queues/session` (the page at
 * `/admin/queues` has the form); the server keeps a session bound to the user
 * and sets an HttpOnly cookie, scoped to this path, holding only the session's
 * random id. `POST /admin/queues/sign-out` revokes it. API clients send the
 * usual bearer header. A token in the URL is refused: URLs end up in proxy and
 * browser logs.
 */
export function queueDashboard(
  deps: Pick<AppDeps, 'dataSource' | 'registry'>,
  verifyToken: TokenVerifier,
  queues: readonly Queue[],
  options: QueueDashboardOptions,
): express.Router {
  const { dataSource } = deps;
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Samverka queues' } },
  });
  const cookieOptions = { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: QUEUE_DASHBOARD_PATH } as const;

  /** The administrator the token names, or 'forbidden'. */
  const adminOf = async (token: string | null): Promise<string | 'forbidden'> => {
    if (!token) throw new Unauthenticated();
    const viewer = await loadViewer(deps, await verifyToken(token), options.now());
    return viewer.scope.roles.has(Role.ADMIN) ? viewer.scope.userId : 'forbidden';
  };
  const sessionAdmin = async (sessionId: string | null): Promise<void> => {
    if (!sessionId || !(await sessions.activeUser(dataSource.manager, hashOf(sessionId), options.now(), Role.ADMIN))) {
      throw new Unauthenticated('Your dashboard session has ended. Sign in again.');
    }
  };
  const refuse = (res: Response, error: unknown, next: NextFunction, page: boolean) => {
    if (!(error instanceof Unauthenticated)) return next(error);
    if (page) res.status(401).type('html').send(SIGN_IN_PAGE);
    else res.status(401).json({ error: 'UNAUTHENTICATED', message: error.message });
  };
  const forbidden = (res: Response) => res.status(403).json({ error: 'FORBIDDEN', message: 'The queue dashboard is for administrators.' });

  const signIn = async (req: Request, res: Response, next: NextFunction) => {
    const body = (req.body ?? {}) as { token?: unknown };
    const token = typeof body.token === 'string' ? body.token.trim() : bearerToken(req.header('authorization'));
    try {
      const userId = await adminOf(token);
      if (userId === 'forbidden') return void forbidden(res);
      const sessionId = randomBytes(32).toString('base64url');
      const now = options.now();
      await sessions.create(dataSource.manager, hashOf(sessionId), userId, now, new Date(now.getTime() + DASHBOARD_SESSION_SECONDS * 1000));
      res.cookie(SESSION_COOKIE, sessionId, { ...cookieOptions, maxAge: DASHBOARD_SESSION_SECONDS * 1000 });
      res.redirect(303, `${QUEUE_DASHBOARD_PATH}/`);
    } catch (error) {
      refuse(res, error, next, false);
    }
  };

  const signOut = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const sessionId = cookieSession(req);
      if (sessionId) await sessions.revoke(dataSource.manager, hashOf(sessionId), options.now());
      res.clearCookie(SESSION_COOKIE, cookieOptions);
      res.redirect(303, QUEUE_DASHBOARD_PATH);
    } catch (error) {
      next(error);
    }
  };

  const requireAdmin = async (req: Request, res: Response, next: NextFunction) => {
    if (req.query.token !== undefined) {
      res
        .status(400)
        .json({ error: 'BAD_REQUEST', message: `Do not put tokens in URLs. Sign in with a POST to ${QUEUE_DASHBOARD_PATH}/session.` });
      return;
    }
    try {
      const token = bearerToken(req.header('authorization'));
      if (token) {
        if ((await adminOf(token)) === 'forbidden') return void forbidden(res);
      } else {
        await sessionAdmin(cookieSession(req));
      }
      next();
    } catch (error) {
      refuse(res, error, next, req.accepts(['json', 'html']) === 'html');
    }
  };

  // The dashboard is a browser app served from here: it needs its own scripts and styles, nothing from elsewhere.
  const dashboardCsp = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    );
    next();
  };
  const router = express.Router();
  router.post('/session', dashboardCsp, express.urlencoded({ extended: false, limit: '16kb' }), express.json({ limit: '16kb' }), signIn);
  router.post('/sign-out', dashboardCsp, signOut);
  router.use(dashboardCsp, requireAdmin, adapter.getRouter());
  return router;
}

/** Served where the queues are Redis's (BullMQ), to administrators. */
export const QUEUE_DASHBOARD_ROUTE: ModuleRoute = {
  path: QUEUE_DASHBOARD_PATH,
  method: 'use',
  rateLimited: false,
  handler: (deps, verifyToken) =>
    deps.jobs.queues
      ? queueDashboard(deps, verifyToken, deps.jobs.queues(), {
          secureCookies: deps.config.nodeEnv === 'production',
          now: () => deps.clock.now(),
        })
      : null,
};
