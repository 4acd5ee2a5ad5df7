import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SubjectFacts } from '../../domain/access/conditions';
import { decide } from '../../domain/access/policy';
import { DEADLINE_KINDS } from '../../platform/deadlines/deadline-clocks';
import { SubjectRef } from '../../domain/deadlines/deadline-subjects';
import { deadlineStatus } from '../../domain/deadlines/deadline-steps';
import { ChildType } from '../../schema/children/child.type';
import { DeadlineType } from '../../schema/deadlines/deadline.type';
import { RequestContext, requireScope } from '../context';
import { caseClockSubjectsOfChild } from '../collaboration';
import { subjectKey } from './deadline.loaders';
import { deadlinePolicy } from './deadlines.policy';

@Resolver(() => ChildType)
export class ChildDeadlinesResolver {
  @FieldResolver(() => [DeadlineType], {
    nullable: true,
    description:
      "The running clocks of the child's reports, talks and collaboration cases the viewer may see, soonest due first (notices left out).",
  })
  async openDeadlines(@Root() child: { id: string }, @Ctx() context: RequestContext) {
    const scope = requireScope(context);
    const now = context.deps.clock.now();
    const [reports, talks, caseSubjects] = await Promise.all([
      context.loaders.reportsOfChild.load(child.id),
      context.loaders.talks.talksOfChild.load(child.id),
      caseClockSubjectsOfChild(context, child.id),
    ]);
    const subjects: SubjectRef[] = [
      ...reports.map((r): SubjectRef => ({ type: 'REPORT', id: r.id })),
      ...talks.flatMap((t): SubjectRef[] => [
        { type: 'TALK', id: t.id },
        { type: 'SUMMONS', id: t.id },
      ]),
      ...caseSubjects.map((c) => c.ref),
    ];
    const factsOf = new Map<string, SubjectFacts>(caseSubjects.map((c) => [subjectKey(c.ref), c.facts]));
    const rows = (await context.loaders.deadlines.loadMany(subjects)).flatMap((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
    return rows
      .filter((d) => !d.metAt && !d.cancelledAt && !DEADLINE_KINDS[d.kind].noticeHoursBefore)
      .map((d) => ({
        ...d,
        status: deadlineStatus(d, now),
        childId: child.id,
        subjectFacts: factsOf.get(subjectKey({ type: d.subjectType, id: d.subjectId })),
      }))
      .filter((d) => decide(scope, deadlinePolicy.rows, deadlinePolicy.facts(d)).allowed)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  }
}
