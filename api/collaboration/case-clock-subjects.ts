import { SubjectFacts } from '../../domain/access/conditions';
import { caseFacts } from '../../domain/collaboration/collaboration.grants';
import { SubjectRef } from '../../domain/deadlines/deadline-subjects';
import { RequestContext, requireScope } from '../context';
import { collaborationLoaders } from './collaboration.loaders';
import { actionFacts } from './collaboration.policy';

/** A clock's subject in a case, with the facts the policy reads that part of the case by. */
export interface CaseClockSubject {
  readonly ref: SubjectRef;
  readonly facts: SubjectFacts;
}

function loaded<T>(rows: readonly (T[] | Error)[]): T[] {
  return rows.flatMap((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
}

/** Everything a clock can run on in the child's cases the viewer sees: the case, its actions, consents and meetings. */
export async function caseClockSubjectsOfChild(context: RequestContext, childId: string): Promise<CaseClockSubject[]> {
  const scope = requireScope(context);
  const loaders = collaborationLoaders(context);
  const cases = await loaders.casesOfChild.load(childId);
  const ids = cases.map((c) => c.id);
  const [actions, consents, meetings] = await Promise.all([
    loaders.actions.loadMany(ids),
    loaders.consents.loadMany(ids),
    loaders.meetings.loadMany(ids),
  ]);
  return [
    ...cases.map((c) => ({ ref: { type: 'COLLABORATION_CASE' as const, id: c.id }, facts: caseFacts({ ...c, caseId: c.id }) })),
    ...loaded(actions).map((a) => ({ ref: { type: 'PLAN_ACTION' as const, id: a.id }, facts: actionFacts(a) })),
    ...loaded(consents).map((c) => ({ ref: { type: 'CONSENT' as const, id: c.id }, facts: caseFacts(c) })),
    ...loaded(meetings).map((m) => ({
      ref: { type: 'FOLLOW_UP' as const, id: m.id },
      facts: { ...caseFacts(m), userId: m.attendeeUserIds.includes(scope.userId) ? scope.userId : null },
    })),
  ];
}
