import express from 'express';
import { talkRepository, TalkRow } from '../../db/talks/talk.repository';
import { FieldAccess } from '../../domain/access/field-access';
import { AccessPolicy } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { talksCalendar } from '../../domain/talks/talk-calendar';
import { TalkState } from '../../domain/talks/talk-enums';
import { DAY_MS } from '../../domain/time/clock';
import { TokenVerifier } from '../auth/token-verifier';
import { calendarFeed } from '../web/calendar-feed';
import { AppDeps, ModuleRoute } from '../context';
import { inViewerScope, rowScopeOf } from '../../db/access/row-scope';
import { AuditBuffer } from '../audit';
import { talkPolicy } from './talks.policy';

/** What an event carries of a talk. */
const CALENDAR_FIELDS = ['reference', 'scheduledAt', 'location'] as const;

/**
 * The talks the policy lets the viewer read as `myTalks` would, each read
 * audited the same way; a talk with a calendar field denied is left out.
 */
function readable(policies: AccessPolicy, scope: ViewerScope, talks: readonly TalkRow[], audit: AuditBuffer): TalkRow[] {
  const access = new FieldAccess(scope, policies.types);
  return talks.filter((talk) => {
    const facts = talkPolicy.facts(talk);
    const decision = access.decide(talkPolicy.type, facts);
    audit.readObject(
      { entityType: talkPolicy.type, entityId: talk.id, childId: talk.childId, districtId: talk.districtId },
      decision.readGroups(CALENDAR_FIELDS),
    );
    return CALENDAR_FIELDS.every((field) => !decision.denied.has(field));
  });
}

export const TALK_CALENDAR_PATH = '/calendar/talks.ics';

/** A talk cancelled after booking stays in the feed, as cancelled, while its time is less than this far back. */
const CANCELLED_KEPT_DAYS = 30;

/**
 * GET /calendar/talks.ics: the viewer's scheduled talks (invited or responsible)
 * as iCalendar, with the usual bearer token. Events carry the talk's reference
 * and place, never the child.
 */
export function talkCalendar(deps: AppDeps, verifyToken: TokenVerifier): express.RequestHandler {
  return calendarFeed(deps, verifyToken, async ({ scope, now, audit }) => {
    const talks = await inViewerScope(deps.dataSource, rowScopeOf(scope), (manager) =>
      talkRepository.scheduledForUser(manager, scope.userId, new Date(now.getTime() - CANCELLED_KEPT_DAYS * DAY_MS)),
    );
    return talksCalendar(
      readable(deps.registry.access, scope, talks, audit).map((t) => ({
        id: t.id,
        reference: t.reference,
        scheduledAt: t.scheduledAt!,
        location: t.location,
        sequence: t.calendarSequence,
        cancelled: t.state !== TalkState.SCHEDULED,
      })),
      now,
    );
  });
}

export const TALK_CALENDAR_ROUTE: ModuleRoute = { path: TALK_CALENDAR_PATH, method: 'get', rateLimited: true, handler: talkCalendar };
