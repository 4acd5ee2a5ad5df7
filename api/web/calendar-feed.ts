import { randomUUID } from 'node:crypto';
import express, { NextFunction, Request, Response } from 'express';
import { writeAuditEvents } from '../../db/audit/audit.writer';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { Unauthenticated } from '../../domain/errors';
import { AuditBuffer } from '../audit';
import { bearerToken, TokenVerifier } from '../auth/token-verifier';
import { loadViewer } from '../auth/viewer.loader';
import { AppDeps } from '../context';

/** What a feed builds its calendar from: the viewer, the time, and the audit buffer its reads go to. */
export interface CalendarFeedRequest {
  readonly deps: AppDeps;
  readonly scope: ViewerScope;
  readonly now: Date;
  readonly audit: AuditBuffer;
}

/**
 * A GET of a viewer's iCalendar feed with the usual bearer token: the feed's reads are audited before the response
 * (if the audit cannot be written, no data leaves), never cached.
 */
export function calendarFeed(
  deps: AppDeps,
  verifyToken: TokenVerifier,
  build: (request: CalendarFeedRequest) => Promise<string>,
): express.RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = bearerToken(req.header('authorization'));
      if (!token) throw new Unauthenticated();
      const now = deps.clock.now();
      const { scope } = await loadViewer(deps, await verifyToken(token), now);
      const audit = new AuditBuffer(
        res.locals.requestId ?? randomUUID(),
        { userId: scope.userId, agencyId: scope.agencyId, roles: [...scope.roles] },
        () => deps.clock.now(),
      );
      const calendar = await build({ deps, scope, now, audit });
      await writeAuditEvents(deps.dataSource.manager, audit.drain());
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(calendar);
    } catch (error) {
      if (!(error instanceof Unauthenticated)) return next(error);
      res.status(401).json({ error: 'UNAUTHENTICATED', message: error.message });
    }
  };
}
