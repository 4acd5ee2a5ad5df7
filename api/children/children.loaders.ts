import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { ChildMatchRow, ChildRow, GuardianRow, childRepository } from '../../db/children/child.repository';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { byKey, groupBy } from '../batching';

export function childrenLoaders(manager: EntityManager, scope: ViewerScope | null) {
  return {
    /** Scoped: ids outside the viewer's scope load as null. */
    child: new DataLoader<string, ChildRow | null>(async (ids) =>
      scope ? byKey(ids, await childRepository.findVisibleByIds(manager, scope, ids), (r) => r.lookupId) : ids.map(() => null),
    ),
    /** Possible matches of each child record (scoped like `child`). */
    possibleChildMatches: new DataLoader<string, ChildMatchRow[]>(async (ids) =>
      scope ? groupBy(ids, await childRepository.possibleMatches(manager, scope, ids), (r) => r.forChildId) : ids.map(() => []),
    ),
    guardiansOfChild: new DataLoader<string, GuardianRow[]>(async (childIds) =>
      groupBy(childIds, await childRepository.guardiansOf(manager, childIds), (r) => r.childId),
    ),
  };
}

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof childrenLoaders> {}
}
