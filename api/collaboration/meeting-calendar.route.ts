import express from 'express';
import { collaborationRepository, MeetingRow } from '../../db/collaboration/collaboration.repository';
import { inViewerScope, rowScopeOf } from '../../db/access/row-scope';
import { FieldAccess } from '../../domain/access/field-access';
import { meetingsCalendar } from '../../domain/collaboration/meeting-calendar';
import { MEETING_KIND_LABELS } from '../../domain/collaboration/plan-rules';
import { DAY_MS } from '../../domain/time/clock';
import { TokenVerifier } from '../auth/token-verifier';
import { AppDeps, ModuleRoute } from '../context';
import { calendarFeed } from '../web/calendar-feed';
import { meetingPolicy } from './collaboration.policy';

/** What an event carries of a meeting: its kind and time (and the case's reference, which the meeting row carries). */
const CALENDAR_FIELDS = ['kind', 'scheduledAt'] as const;

/** A meeting whose time passed without being recorded stays in the feed this long. */
const PAST_KEPT_DAYS = 30;

export const MEETING_CALENDAR_PATH = '/calendar/meetings.ics';

/** GET /calendar/meetings.ics: the case meetings the viewer is invited to, each read through the meeting policy, audited. */
export function meetingCalendar(deps: AppDeps, verifyToken: TokenVerifier): express.RequestHandler {
  return calendarFeed(deps, verifyToken, async ({ scope, now, audit }) => {
    const meetings: MeetingRow[] = await inViewerScope(deps.dataSource, rowScopeOf(scope), (manager) =>
      collaborationRepository.meetingsOfAttendee(manager, scope.userId, new Date(now.getTime() - PAST_KEPT_DAYS * DAY_MS)),
    );
    const access = new FieldAccess(scope, deps.registry.access.types);
    const shown = meetings.filter((m) => {
      const facts = meetingPolicy.facts({ ...m, attendingUserId: scope.userId });
      const decision = access.decide(meetingPolicy.type, facts);
      audit.readObject(
        { entityType: meetingPolicy.type, entityId: m.id, childId: m.childId, districtId: m.districtId },
        decision.readGroups(CALENDAR_FIELDS),
      );
      return CALENDAR_FIELDS.every((field) => !decision.denied.has(field));
    });
    return meetingsCalendar(
      shown.map((m) => ({
        id: m.id,
        caseReference: m.caseReference,
        kindLabel: MEETING_KIND_LABELS[m.kind],
        scheduledAt: m.scheduledAt,
        sequence: m.calendarSequence,
        cancelled: m.cancelledAt !== null,
      })),
      now,
    );
  });
}

export const MEETING_CALENDAR_ROUTE: ModuleRoute = {
  path: MEETING_CALENDAR_PATH,
  method: 'get',
  rateLimited: true,
  handler: meetingCalendar,
};
