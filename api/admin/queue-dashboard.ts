import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import express, { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Role } from '../../domain/access/roles';
import { Unauthenticated } from '../../domain/errors';
import { bearerToken, TokenVerifier } from '../auth/token-verifier';
import { loadViewer } from '../auth/viewer.loader';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const SESSION_COOKIE = 'samverka_admin_token';

function cookieToken(req: Request): string | null {
  const match = (req.header('cookie') ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(SESSION_COOKIE.length + 1)) : null;
}

/**
 * Bull Board for operators: queue health, failed jobs, retry. ADMIN only. A
 * browser signs in once with `?token=<admin token>`, which becomes an HttpOnly
 * cookie scoped to this path; API clients send the usual bearer header.
 */
export function queueDashboard(dataSource: DataSource, verifyToken: TokenVerifier, queues: readonly Queue[], secureCookies: boolean): express.Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'Samverka queues' } } });

  const requireAdmin = async (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : null;
    const token = bearerToken(req.header('authorization')) ?? fromQuery ?? cookieToken(req);
    try {
      if (!token) throw new Unauthenticated();
      const viewer = await loadViewer(dataSource, await verifyToken(token), new Date());
      if (!viewer.scope.roles.has(Role.ADMIN)) {
        res.status(403).json({ error: 'FORBIDDEN', message: 'The queue dashboard is for administrators.' });
        return;
      }
      if (fromQuery) {
        res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: QUEUE_DASHBOARD_PATH });
        res.redirect(QUEUE_DASHBOARD_PATH);
        return;
      }
      next();
    } catch (error) {
      if (!(error instanceof Unauthenticated)) return next(error);
      res.status(401).json({ error: 'UNAUTHENTICATED', message: error.message });
    }
  };

  // The dashboard is a browser app served from here: it needs its own scripts and styles, nothing from elsewhere.
  const dashboardCsp = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    next();
  };
  const router = express.Router();
  router.use(dashboardCsp, requireAdmin, adapter.getRouter());
  return router;
}
