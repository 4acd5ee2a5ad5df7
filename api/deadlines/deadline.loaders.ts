import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { DeadlineRow, deadlineRepository } from '../../db/deadlines/deadline.repository';
import { DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { SubjectRef } from '../../domain/deadlines/deadline-subjects';
import { groupBy } from '../batching';

export const subjectKey = (ref: SubjectRef) => `${ref.type}:${ref.id}`;

export function deadlineLoaders(manager: EntityManager) {
  return {
    /** The clocks of any subject: one query per subject type in the batch. */
    deadlines: new DataLoader<SubjectRef, DeadlineRow[], string>(
      async (refs) => {
        const byType = new Map<DeadlineSubject, string[]>();
        for (const ref of refs) byType.set(ref.type, [...(byType.get(ref.type) ?? []), ref.id]);
        const rows = (await Promise.all([...byType].map(([type, ids]) => deadlineRepository.forSubjects(manager, type, ids)))).flat();
        return groupBy(refs.map(subjectKey), rows, (r) => subjectKey({ type: r.subjectType, id: r.subjectId }));
      },
      { cacheKeyFn: subjectKey },
    ),
  };
}

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof deadlineLoaders> {}
}
