import { AssessmentRow, ForumItemRow, ForumMeetingRow, talkRepository, TalkRow } from '../../db/talks/talk.repository';
import { lookupSubject } from '../../db/audit/lookup-subject';
import { talkPolicy } from './talks.policy';
import { decide } from '../../domain/access/policy';
import { BadInput, NotFound } from '../../domain/errors';
import { TalkParticipantRole } from '../../domain/talks/talk-enums';
import { inviteeRule } from '../../domain/talks/talk-invitees.rules';
import { StaffRow } from '../../db/organisation/organisation.repository';
import { weekBounds } from '../../domain/talks/talk-deadline.rules';
import { withPolicyDefaults } from '../../platform/districts/district-settings';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { RequestContext, requireScope } from '../context';
import { checkPeriod } from '../period';
import { FORUM_MEMBERS, TALK_HANDLERS } from '../../domain/talks/talks.grants';
import { TalkDeadlineMode } from '../../domain/talks/talks.settings';
import { talkStanding } from '../../domain/talks/forum-decision.rules';
import { TalkStanding } from '../../domain/talks/talk-enums';
import { parseCalendarDate } from '../../domain/time/calendar-date';

/** The longest talksDue window. */
const MAX_DUE_WINDOW_DAYS = 93;
const MAX_LIST = 500;
/** The longest forumMeetings window: a year and a bit, for last year's minutes. */
const MAX_FORUM_WINDOW_DAYS = 400;
const MAX_MEETINGS = 60;

/** A report's assessment with where it stands and its latest forum item. */
export interface AssessmentStanding extends AssessmentRow {
  standing: TalkStanding;
  forumItem: ForumItemRow | null;
}

export interface TalksDueResult {
  districtId: string;
  talks: TalkRow[];
  dueThisWeek: number;
  heldLastWeek: number;
}

function handlesDistrict(context: RequestContext, districtId: string): boolean {
  return decide(requireScope(context), TALK_HANDLERS, { districtId }).allowed;
}

function forumMemberOf(context: RequestContext, districtId: string): boolean {
  return decide(requireScope(context), FORUM_MEMBERS, { districtId }).allowed;
}

function checkDay(value: string, field: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new BadInput(field, 'Give the date as YYYY-MM-DD.', 'Ange datumet som ÅÅÅÅ-MM-DD.');
  const { year, month, day } = parseCalendarDate(value);
  return new Date(Date.UTC(year, month - 1, day));
}

export const talkQueries = {
  forChild(context: RequestContext, childId: string): Promise<TalkRow[]> {
    return talkRepository.forChild(context.db.manager, requireScope(context), talkPolicy.rows, childId);
  },

  mine(context: RequestContext): Promise<TalkRow[]> {
    return talkRepository.invitedTo(context.db.manager, requireScope(context).userId, MAX_LIST);
  },

  async due(context: RequestContext, districtId: string, from: Date, to: Date): Promise<TalksDueResult> {
    checkPeriod(from, to, MAX_DUE_WINDOW_DAYS);
    if (!handlesDistrict(context, districtId)) {
      context.audit.lookupDenied('TalksDue', districtId, { childId: null, districtId });
      throw new NotFound('The district');
    }
    const manager = context.db.manager;
    const policy = await organisationRepository.currentPolicy(manager, districtId);
    const weeks = weekBounds(context.deps.clock.now(), withPolicyDefaults(policy!.settings).timeZone);
    const talks = await talkRepository.due(manager, districtId, from, to, MAX_LIST);
    const load = await talkRepository.load(
      manager,
      districtId,
      weeks.thisWeekStart,
      weeks.nextWeekStart,
      weeks.lastWeekStart,
      weeks.thisWeekStart,
    );
    return { districtId, talks, dueThisWeek: load.due, heldLastWeek: load.held };
  },

  /** The professionals a talk can still invite in a role (not those already invited), for the social services who handle it. */
  async invitees(context: RequestContext, talkId: string, role: TalkParticipantRole): Promise<StaffRow[]> {
    const talk = await context.loaders.talks.talk.load(talkId);
    if (!talk || !handlesDistrict(context, talk.districtId)) {
      context.audit.lookupDenied('Talk', talkId, talk ?? (await context.db.asSystem((manager) => lookupSubject(manager, 'Talk', talkId))));
      throw new NotFound('The talk');
    }
    const rule = inviteeRule(role);
    if (!rule)
      throw new BadInput(
        'role',
        'The child, guardians and interpreters are invited without a user account.',
        'Barnet, vårdnadshavare och tolkar bjuds in utan användarkonto.',
      );
    const invited = new Set((await context.loaders.talks.participants.load(talk.id)).map((p) => p.userId));
    return (await talkRepository.invitees(context.db.manager, talk.districtId, rule)).filter((staff) => !invited.has(staff.id));
  },

  async assessment(context: RequestContext, reportId: string): Promise<AssessmentStanding | null> {
    const manager = context.db.manager;
    const [row] = await talkRepository.assessmentsOf(manager, [reportId]);
    if (!row || !handlesDistrict(context, row.districtId)) {
      context.audit.lookupDenied(
        'TalkAssessment',
        reportId,
        await context.db.asSystem((manager) => lookupSubject(manager, 'Report', reportId)),
      );
      throw new NotFound('The report');
    }
    const [forumItem] = await talkRepository.latestForumItemsOf(manager, [reportId]);
    const [policy] = await organisationRepository.policiesByKeys(manager, [{ districtId: row.districtId, version: row.policyVersion }]);
    const forumDecides = withPolicyDefaults(policy.settings).talkDeadlineMode === TalkDeadlineMode.FORUM_DECIDES;
    const standing = talkStanding({ eligible: row.eligible, talkId: row.talkId, forumDecides, forumHoldTalk: forumItem?.holdTalk ?? null });
    return { ...row, standing, forumItem: forumItem ?? null };
  },

  /** A district's forum meetings with a day in [from, to] (YYYY-MM-DD), latest first: this week's and the earlier minutes. */
  async forumMeetings(context: RequestContext, districtId: string, from: string, to: string): Promise<ForumMeetingRow[]> {
    const days = [checkDay(from, 'from'), checkDay(to, 'to')];
    checkPeriod(days[0], days[1], MAX_FORUM_WINDOW_DAYS);
    if (!forumMemberOf(context, districtId)) {
      context.audit.lookupDenied('ForumMeeting', null, { childId: null, districtId });
      throw new NotFound('The district');
    }
    return talkRepository.forumMeetingsOfDistrict(context.db.manager, districtId, from, to, MAX_MEETINGS);
  },

  async forumMeeting(context: RequestContext, id: string): Promise<ForumMeetingRow> {
    const [row] = await talkRepository.forumMeetings(context.db.manager, [id]);
    if (!row || !forumMemberOf(context, row.districtId)) {
      context.audit.lookupDenied('ForumMeeting', id, await context.db.asSystem((manager) => lookupSubject(manager, 'ForumMeeting', id)));
      throw new NotFound('The forum meeting');
    }
    return row;
  },
};
