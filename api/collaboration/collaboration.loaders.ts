import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import {
  ActionRow,
  CaseChildRow,
  CaseRow,
  collaborationLookups,
  collaborationRepository,
  GoalRow,
  MeetingRow,
  NoteRow,
  StateChangeRow,
  TeamMemberRow,
} from '../../db/collaboration/collaboration.repository';
import { collaborationReads } from '../../db/collaboration/collaboration-reads.repository';
import { consentRepository, ConsentRow } from '../../db/consent/consent.repository';
import { nextFollowUp } from '../../domain/collaboration/plan-rules';
import { byKey, groupBy } from '../batching';
import { RequestContext, requireScope } from '../context';

function create(context: RequestContext) {
  const manager: EntityManager = context.db.manager;
  const scope = context.viewer?.scope ?? null;
  const meetings = new DataLoader<string, MeetingRow[]>(async (ids) =>
    groupBy(ids, await collaborationRepository.meetings(manager, ids), (r) => r.caseId),
  );
  return {
    /** Scoped: a case outside the viewer's scope loads as null. */
    visibleCase: new DataLoader<string, CaseRow | null>(async (ids) =>
      scope ? byKey(ids, await collaborationReads.visibleCases(manager, scope, ids), (r) => r.id) : ids.map(() => null),
    ),
    casesOfChild: new DataLoader<string, CaseRow[]>(async (ids) =>
      scope ? groupBy(ids, await collaborationReads.visibleCasesOfChildren(manager, scope, ids), (r) => r.childId) : ids.map(() => []),
    ),
    child: new DataLoader<string, CaseChildRow | null>(async (ids) =>
      byKey(ids, await collaborationLookups.childrenByIds(manager, ids), (r) => r.id),
    ),
    stateHistory: new DataLoader<string, StateChangeRow[]>(async (ids) =>
      groupBy(ids, await collaborationRepository.stateHistory(manager, ids), (r) => r.caseId),
    ),
    team: new DataLoader<string, TeamMemberRow[]>(async (ids) =>
      groupBy(ids, await collaborationRepository.team(manager, ids), (r) => r.caseId),
    ),
    goals: new DataLoader<string, GoalRow[]>(async (ids) =>
      groupBy(ids, await collaborationRepository.goals(manager, ids), (r) => r.caseId),
    ),
    actions: new DataLoader<string, ActionRow[]>(async (ids) =>
      groupBy(ids, await collaborationRepository.actionsOfCases(manager, ids), (r) => r.caseId),
    ),
    notes: new DataLoader<string, NoteRow[]>(async (ids) =>
      groupBy(ids, await collaborationRepository.notes(manager, ids), (r) => r.actionId),
    ),
    meetings,
    consents: new DataLoader<string, ConsentRow[]>(async (ids) =>
      groupBy(ids, await consentRepository.ofCases(manager, ids), (r) => r.caseId),
    ),
    /** From the meetings the case page loads anyway: no statement of its own. */
    nextFollowUp: new DataLoader<string, Date | null>(async (ids) =>
      (await meetings.loadMany(ids)).map((rows) => {
        if (rows instanceof Error) throw rows;
        return nextFollowUp(rows);
      }),
    ),
  };
}

export type CollaborationLoaders = ReturnType<typeof create>;

const perRequest = new WeakMap<RequestContext, CollaborationLoaders>();

/** The module's DataLoaders, created once per request. */
export function collaborationLoaders(context: RequestContext): CollaborationLoaders {
  requireScope(context);
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = create(context);
    perRequest.set(context, loaders);
  }
  return loaders;
}
