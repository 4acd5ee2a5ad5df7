import { organisationRepository } from '../../db/organisation/organisation.repository';
import { ForumMeetingRow, talkRepository } from '../../db/talks/talk.repository';
import { TALK_HANDLERS } from '../../domain/access/grants/talks.grants';
import { decide } from '../../domain/access/policy';
import { AuditAction } from '../../domain/audit/audit-event';
import { BadInput, Conflict, NotFound } from '../../domain/errors';
import { clockForTargetDate } from '../../domain/talks/talk-deadline.rules';
import { checkForumDecision, ForumDecisionProblem } from '../../domain/talks/forum-decision.rules';
import { TalkKind, TalkOrigin } from '../../domain/talks/talk-enums';
import { CreateForumMeetingInput, DecideForumItemInput } from '../../schema/talks/talk.inputs';
import { RequestContext, requireScope } from '../context';
import { write } from '../write';
import { createTalk, talkPolicy } from './talk-writes';
import { localToday, parseTargetDate } from './talks.service';

function refuse(problem: ForumDecisionProblem): never {
  switch (problem) {
    case 'TARGET_DATE_REQUIRED':
      throw new BadInput('input.targetDate', 'Give the date the talk is to be held by.', 'Ange datumet då samtalet ska vara hållet.');
    case 'NO_REASON_REQUIRED':
      throw new BadInput('input.noReason', 'The forum decided against a talk: choose the reason.', 'Forumet beslutade att inte hålla samtal: välj skälet.');
    case 'NO_REASON_TEXT_REQUIRED':
      throw new BadInput('input.noReasonText', 'Describe the other reason for not holding a talk.', 'Beskriv det andra skälet till att inte hålla samtal.');
    case 'NO_REASON_ON_YES':
      throw new BadInput('input.noReason', 'A decision to hold a talk has no reason for no: remove it.', 'Ett beslut om samtal har inget skäl för nej: ta bort skälet.');
  }
}

/** The weekly forum: its agenda builds itself from the district's reports awaiting a talk decision. */
export const forumService = {
  async createMeeting(context: RequestContext, input: CreateForumMeetingInput): Promise<ForumMeetingRow> {
    const scope = requireScope(context);
    if (!decide(scope, TALK_HANDLERS, { districtId: input.districtId }).allowed) throw new NotFound('The district');
    return write(context, async (uow) => {
      const policy = await talkPolicy(uow, input.districtId, await organisationRepository.currentPolicyVersion(uow.manager, input.districtId));
      parseTargetDate(input.meetsOn, 'input.meetsOn', localToday(uow.now, policy.timeZone));
      const id = await talkRepository.createForumMeeting(uow.manager, input.districtId, input.meetsOn, scope.userId);
      await talkRepository.fillAgenda(uow.manager, id, input.districtId);
      return (await talkRepository.forumMeetings(uow.manager, [id]))[0];
    });
  },

  /** A "yes" creates the talk with the target date as its deadline; either way the report no longer awaits. */
  async decide(context: RequestContext, input: DecideForumItemInput): Promise<ForumMeetingRow> {
    const scope = requireScope(context);
    const problem = checkForumDecision(input);
    if (problem) refuse(problem);
    return write(context, async (uow) => {
      const item = await talkRepository.lockForumItem(uow.manager, input.itemId);
      if (!item || !decide(scope, TALK_HANDLERS, { districtId: item.districtId }).allowed) throw new NotFound('The forum item', 'input.itemId');
      if (item.decidedAt) throw new Conflict('The forum has already decided on this report.');
      const [assessment] = await talkRepository.assessmentsOf(uow.manager, [item.reportId]);
      if (assessment.talkId || assessment.decidedAt) throw new Conflict('This report already has a talk or a decision.');
      let talkId: string | null = null;
      if (input.holdTalk) {
        const policy = await talkPolicy(uow, assessment.districtId, assessment.policyVersion);
        const target = parseTargetDate(input.targetDate!, 'input.targetDate', localToday(uow.now, policy.timeZone));
        const report = await talkRepository.reportFacts(uow.manager, item.reportId);
        const talk = await createTalk(uow, {
          kind: TalkKind.SERIOUS_TALK, origin: TalkOrigin.FORUM, childId: report.childId, districtId: assessment.districtId, reportId: item.reportId,
          policyVersion: assessment.policyVersion, holderKind: input.holderKind ?? policy.talkDefaultHolder, responsibleUserId: report.responsibleUserId,
          learnedAt: report.receivedAt, youngAdult: assessment.youngAdult, preInvestigationRunning: report.preInvestigationRunning === true,
          guardianContactOnHold: report.guardianContactOnHold, withUniformedPolice: input.withUniformedPolice ?? null,
          clocks: [clockForTargetDate(policy, target, uow.now)],
        });
        talkId = talk.id;
      }
      await talkRepository.decideForumItem(uow.manager, item.id, {
        holdTalk: input.holdTalk, withUniformedPolice: input.holdTalk ? input.withUniformedPolice ?? null : null,
        holderKind: input.holdTalk ? input.holderKind ?? null : null, targetDate: input.holdTalk ? input.targetDate ?? null : null,
        noReason: input.holdTalk ? null : input.noReason!, noReasonText: input.holdTalk ? null : input.noReasonText?.trim() || null,
        talkId, userId: scope.userId, at: uow.now,
      });
      await talkRepository.markAssessmentDecided(uow.manager, item.reportId, talkId, uow.now);
      uow.audit({ action: AuditAction.UPDATE, entityType: 'ForumItem', entityId: item.id, childId: assessment.childId, districtId: item.districtId,
        fields: ['holdTalk', 'withUniformedPolice', 'holderKind', 'targetDate', 'noReason', 'noReasonText'], legalBasis: TALK_HANDLERS[0].basis! });
      return (await talkRepository.forumMeetings(uow.manager, [item.meetingId]))[0];
    });
  },
};
