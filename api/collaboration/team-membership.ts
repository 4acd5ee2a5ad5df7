import { CaseRow, collaborationRepository } from '../../db/collaboration/collaboration.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { isFinished } from '../../domain/collaboration/plan-rules';
import { actionsWithoutOwnerMessage } from '../../domain/notifications/notification-content';
import { AuditAction, caseAudit } from './collaboration-access';
import { collaborationClocks } from './collaboration-clocks';

/**
 * Ends these members' place on the team (kept as history with the date): their open actions' clocks are cancelled, so
 * no reminder or breach notice reaches them, and the coordinator is told which actions lost their owner.
 * Returns the user ids whose membership ended.
 */
export async function endTeamMemberships(uow: UnitOfWork, theCase: CaseRow, userIds: readonly string[], reason: string, byUserId: string): Promise<string[]> {
  if (userIds.length === 0) return [];
  const ended = await collaborationRepository.endMemberships(uow.manager, theCase.id, userIds, { at: uow.now, by: byUserId, reason });
  if (ended.length === 0) return [];
  const gone = new Set(ended);
  const ownerless = (await collaborationRepository.actionsOfCases(uow.manager, [theCase.id]))
    .filter((a) => gone.has(a.responsibleUserId) && !isFinished(a.status));
  for (const a of ownerless) await collaborationClocks.finishAction(uow, theCase, a.id, true);
  const policy = await uow.policy(theCase.districtId, theCase.policyVersion);
  uow.notify({
    userId: theCase.coordinatorUserId, kind: 'TEAM_MEMBERS_LEFT', message: actionsWithoutOwnerMessage(theCase.reference, ownerless, policy.timeZone),
    subjectType: 'COLLABORATION_CASE', subjectId: theCase.id, dedupeKey: `team-left:${theCase.id}:${uow.now.toISOString()}:${[...gone].sort().join(',')}`,
    email: true,
  });
  uow.audit(caseAudit(theCase, AuditAction.UPDATE, 'CollaborationCase', theCase.id, ['team']));
  return ended;
}
