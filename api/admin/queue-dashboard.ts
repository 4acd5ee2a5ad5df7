import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import express, { NextFunction, Request, Response } from 'express';
import { Role } from '../../domain/access/roles';
import { Unauthenticated } from '../../domain/errors';
import { bearerToken, TokenVerifier } from '../auth/token-verifier';
import { loadViewer } from '../auth/viewer.loader';
import { AppDeps, ModuleRoute } from '../context';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const SESSION_COOKIE = 'samverka_admin_token';

function cookieToken(req: Request): string | null {
  const match = (req.header('cookie') ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(SESSION_COOKIE.length + 1)) : null;
}

/** The dashboard cookie lives this long; sign in again after it. */
export const DASHBOARD_SESSION_SECONDS = 15 * 60;

const SIGN_IN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Samverka queues: sign in</title></head>
<body><h1>Samverka queues</h1><p>Paste an administrator's token (the session lasts 15 minutes).</p>
<form method="post" action="${QUEUE_DASHBOARD_PATH}/session"><input name="token" type="password" autocomplete="off" size="60" required>
<button type="submit">Sign in</button></form></body></html>`;

/**
 * Bull Board for operators: queue health, failed jobs, retry. ADMIN only. A
 * browser signs in by POSTing a token to `/admin/queues/session` (the page at
 * `/admin/queues` has the form), which sets a short-lived HttpOnly cookie
 * scoped to this path; API clients send the usual bearer header. A token in
 * the URL is refused: URLs end up in proxy and browser logs.
 */
export function queueDashboard(deps: Pick<AppDeps, 'dataSource' | 'registry'>, verifyToken: TokenVerifier, queues: readonly Queue[], secureCookies: boolean): express.Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'Samverka queues' } } });

  const admin = async (token: string | null): Promise<'ok' | 'forbidden'> => {
    if (!token) throw new Unauthenticated();
    const viewer = await loadViewer(deps, await verifyToken(token), new Date());
    return viewer.scope.roles.has(Role.ADMIN) ? 'ok' : 'forbidden';
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
      if ((await admin(token)) === 'forbidden') return void forbidden(res);
      res.cookie(SESSION_COOKIE, token, {
        httpOnly: true, sameSite: 'strict', secure: secureCookies, path: QUEUE_DASHBOARD_PATH, maxAge: DASHBOARD_SESSION_SECONDS * 1000,
      });
      res.redirect(303, `${QUEUE_DASHBOARD_PATH}/`);
    } catch (error) {
      refuse(res, error, next, false);
    }
  };

  const requireAdmin = async (req: Request, res: Response, next: NextFunction) => {
    if (req.query.token !== undefined) {
      res.status(400).json({ error: 'BAD_REQUEST', message: `Do not put tokens in URLs. Sign in with a POST to ${QUEUE_DASHBOARD_PATH}/session.` });
      return;
    }
    try {
      const verdict = await admin(bearerToken(req.header('authorization')) ?? cookieToken(req));
      if (verdict === 'forbidden') return void forbidden(res);
      next();
    } catch (error) {
      refuse(res, error, next, req.accepts(['json', 'html']) === 'html');
    }
  };

  // The dashboard is a browser app served from here: it needs its own scripts and styles, nothing from elsewhere.
  const dashboardCsp = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
    next();
  };
  const router = express.Router();
  router.post('/session', dashboardCsp, express.urlencoded({ extended: false, limit: '16kb' }), express.json({ limit: '16kb' }), signIn);
  router.use(dashboardCsp, requireAdmin, adapter.getRouter());
  return router;
}

/** Served where the queues are Redis's (BullMQ), to administrators. */
export const QUEUE_DASHBOARD_ROUTE: ModuleRoute = {
  path: QUEUE_DASHBOARD_PATH,
  method: 'use',
  rateLimited: false,
  handler: (deps, verifyToken) => (deps.jobs.queues ? queueDashboard(deps, verifyToken, deps.jobs.queues(), deps.config.nodeEnv === 'production') : null),
};
