import { ActionRow, CaseRow, collaborationRepository } from '../../db/collaboration/collaboration.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { ACTION_WRITERS, CASE_READERS, CASE_WRITERS } from '../../domain/collaboration/collaboration.grants';
import { decide, Decision } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { AuditAction } from '../../domain/audit/audit-event';
import { caseAudit } from '../../domain/collaboration/case-audit';
import { Forbidden, NotFound } from '../../domain/errors';

/** The facts the policy reads from a case. */
export const caseFactsOf = (c: Pick<CaseRow, 'id' | 'childId' | 'districtId'>) => ({
  caseId: c.id,
  childId: c.childId,
  districtId: c.districtId,
});

import { actionFacts as actionFactsOf } from './collaboration.policy';

/** The same facts the policy table reads from an action and a goal. */
export { actionFactsOf };
export { goalFacts } from './collaboration.policy';

/**
 * Loads and locks a case the viewer may change. A case the viewer cannot see
 * is NOT_FOUND; one they see but may not change is FORBIDDEN.
 */
export async function lockWritableCase(uow: UnitOfWork, scope: ViewerScope, caseId: string): Promise<CaseRow> {
  const theCase = await collaborationRepository.lockCase(uow.manager, caseId);
  if (!theCase || !decide(scope, CASE_READERS, caseFactsOf(theCase)).allowed) throw new NotFound('The collaboration case');
  if (!decide(scope, CASE_WRITERS, caseFactsOf(theCase)).allowed) {
    throw new Forbidden("Only the coordinators of the case's district can change it.");
  }
  return theCase;
}

export interface WritableAction {
  readonly action: ActionRow;
  readonly decision: Decision & { allowed: true };
}

/** An action the viewer may update: a coordinator, or a team member of the responsible agency under consent. */
export async function lockWritableAction(uow: UnitOfWork, scope: ViewerScope, actionId: string): Promise<WritableAction> {
  const action = await collaborationRepository.lockAction(uow.manager, actionId);
  const decision = action ? decide(scope, ACTION_WRITERS, actionFactsOf(action)) : { allowed: false as const };
  if (!action || !decision.allowed) throw new NotFound('The plan action');
  return { action, decision };
}

export { AuditAction, caseAudit };
