import express, { NextFunction, Request, Response } from 'express';
import { talkRepository } from '../../db/talks/talk.repository';
import { Unauthenticated } from '../../domain/errors';
import { talksCalendar } from '../../domain/talks/talk-calendar';
import { bearerToken, TokenVerifier } from '../auth/token-verifier';
import { loadViewer } from '../auth/viewer.loader';
import { AppDeps, ModuleRoute } from '../context';
import { inViewerScope, rowScopeOf } from '../../db/access/row-scope';

export const TALK_CALENDAR_PATH = '/calendar/talks.ics';

/**
 * GET /calendar/talks.ics: the viewer's scheduled talks (invited or responsible)
 * as iCalendar, with the usual bearer token. Events carry the talk's reference
 * and place, never the child.
 */
export function talkCalendar(deps: AppDeps, verifyToken: TokenVerifier): express.RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = bearerToken(req.header('authorization'));
      if (!token) throw new Unauthenticated();
      const now = deps.clock.now();
      const viewer = await loadViewer(deps, await verifyToken(token), now);
      const talks = await inViewerScope(deps.dataSource, rowScopeOf(viewer.scope), (manager) => talkRepository.scheduledForUser(manager, viewer.scope.userId));
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(talksCalendar(talks.map((t) => ({ id: t.id, reference: t.reference, scheduledAt: t.scheduledAt!, location: t.location })), now));
    } catch (error) {
      if (!(error instanceof Unauthenticated)) return next(error);
      res.status(401).json({ error: 'UNAUTHENTICATED', message: error.message });
    }
  };
}

export const TALK_CALENDAR_ROUTE: ModuleRoute = { path: TALK_CALENDAR_PATH, method: 'get', rateLimited: true, handler: talkCalendar };
