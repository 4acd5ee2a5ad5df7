import { Ctx, Extensions, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { deadlineRepository, EscalatedRow } from '../../db/deadlines/deadline.repository';
import { Role } from '../../domain/access/roles';
import { DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { DEADLINE_SUBJECTS } from '../../platform/deadlines/deadline-clocks';
import { EscalationType } from '../../schema/deadlines/escalation.type';
import { StaffMemberType } from '../../schema/organisation/staff-member.type';
import { RequestContext, requireScope } from '../context';
import { MAX_ITEMS } from '../security/query-cost';

const ESCALATIONS_LIMIT = 200;
/** The subjects whose breaches escalate to social services' supervisors (reports, talks, summonses). */
const SUPERVISOR_SUBJECTS = (Object.keys(DEADLINE_SUBJECTS) as DeadlineSubject[]).filter(
  (s) => DEADLINE_SUBJECTS[s].escalateTo.role === Role.SOCIAL_SERVICES_SUPERVISOR,
);

@Resolver(() => EscalationType)
export class EscalationsResolver {
  @Query(() => [EscalationType], {
    description: 'Supervisors: what was escalated to you in your districts and is still not done, oldest escalation first (at most 200).',
  })
  @Extensions({ [MAX_ITEMS]: ESCALATIONS_LIMIT })
  escalations(@Ctx() context: RequestContext) {
    const scope = requireScope(context);
    return deadlineRepository.escalated(context.db.manager, [...scope.districtIds], SUPERVISOR_SUBJECTS, ESCALATIONS_LIMIT);
  }

  @FieldResolver(() => ID, { nullable: true })
  reportId(@Root() row: EscalatedRow) {
    return row.subjectType === 'REPORT' ? row.subjectId : null;
  }

  @FieldResolver(() => ID, { nullable: true })
  talkId(@Root() row: EscalatedRow) {
    return row.subjectType === 'REPORT' ? null : row.subjectId;
  }

  @FieldResolver(() => StaffMemberType, { nullable: true })
  responsible(@Root() row: EscalatedRow, @Ctx() context: RequestContext) {
    return row.responsibleUserId ? context.loaders.staffMember.load(row.responsibleUserId) : null;
  }
}
