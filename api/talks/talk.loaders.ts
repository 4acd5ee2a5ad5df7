import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { deadlineRepository, DeadlineRow } from '../../db/deadlines/deadline.repository';
import {
  AssessmentRow,
  ClearanceRow,
  DisclosureRow,
  ForumItemRow,
  ParticipantRow,
  talkRepository,
  TalkRow,
} from '../../db/talks/talk.repository';
import { talkPolicy } from './talks.policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { byKey, groupBy } from '../batching';

export type ChildFacts = Awaited<ReturnType<typeof talkRepository.childFacts>>[number];

/** Per-request batching for talks; `talk` is scoped by the policy's row grants. */
export function createTalkLoaders(manager: EntityManager, scope: ViewerScope | null) {
  return {
    talk: new DataLoader<string, TalkRow | null>(async (ids) =>
      scope ? byKey(ids, await talkRepository.findVisibleByIds(manager, scope, talkPolicy.rows, ids), (r) => r.id) : ids.map(() => null),
    ),
    /** Open talks per colleague, counted in the viewer's districts only. */
    openTalkCount: new DataLoader<string, number>(async (ids) => {
      const counts = scope ? await talkRepository.openTalkCounts(manager, ids, [...scope.districtIds]) : new Map<string, number>();
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    /** Each child's talks the viewer may load, newest first. */
    talksOfChild: new DataLoader<string, TalkRow[]>(async (ids) =>
      scope ? groupBy(ids, await talkRepository.forChildren(manager, scope, talkPolicy.rows, ids), (r) => r.childId) : ids.map(() => []),
    ),
    /** Only for talks already loaded under the policy: the name and age the invited may see. */
    childOfTalk: new DataLoader<string, ChildFacts | null>(async (ids) =>
      byKey(ids, await talkRepository.childFacts(manager, ids), (r) => r.id),
    ),
    participants: new DataLoader<string, ParticipantRow[]>(async (ids) =>
      groupBy(ids, await talkRepository.participantsOf(manager, ids), (r) => r.talkId),
    ),
    disclosures: new DataLoader<string, DisclosureRow[]>(async (ids) =>
      groupBy(ids, await talkRepository.disclosuresOf(manager, ids), (r) => r.talkId),
    ),
    deadlines: new DataLoader<string, DeadlineRow[]>(async (ids) => {
      const rows = [
        ...(await deadlineRepository.forSubjects(manager, 'SUMMONS', ids)),
        ...(await deadlineRepository.forSubjects(manager, 'TALK', ids)),
      ];
      return groupBy(ids, rows, (r) => r.subjectId);
    }),
    clearances: new DataLoader<string, ClearanceRow[]>(async (ids) =>
      groupBy(ids, await talkRepository.clearancesOf(manager, ids), (r) => r.talkId),
    ),
    reportIds: new DataLoader<string, string[]>(async (ids) =>
      groupBy(ids, await talkRepository.reportIdsOfTalks(manager, ids), (r) => r.talkId).map((rows) => rows.map((r) => r.reportId)),
    ),
    assessment: new DataLoader<string, AssessmentRow | null>(async (ids) =>
      byKey(ids, await talkRepository.assessmentsOf(manager, ids), (r) => r.reportId),
    ),
    forumItems: new DataLoader<string, ForumItemRow[]>(async (ids) =>
      groupBy(ids, await talkRepository.forumItemsOf(manager, ids), (r) => r.meetingId),
    ),
  };
}

export type TalkLoaders = ReturnType<typeof createTalkLoaders>;

/** Talks' loaders sit under `loaders.talks`. */
export const talkLoaders = (manager: EntityManager, scope: ViewerScope | null) => ({ talks: createTalkLoaders(manager, scope) });

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof talkLoaders> {}
}
