import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { AuditEventRow, auditRepository, MAX_AUDIT_ROWS } from '../../db/audit/audit.repository';
import { BadInput, NotFound } from '../../domain/errors';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { AuditEventType } from '../../schema/audit/audit-event.type';
import { AgencyType } from '../../schema/organisation/agency.type';
import { StaffMemberType } from '../../schema/organisation/staff-member.type';
import { RequestContext, requireScope } from '../context';
import { checkPeriod } from '../period';
import { MAX_ITEMS } from '../security/query-cost';

const MAX_RANGE_DAYS = 366;

/** YYYY-MM in the district's time zone is close enough to UTC months for sampling; the range is half-open. */
function monthRange(month: string): { from: Date; to: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new BadInput('month', 'Give the month as YYYY-MM, e.g. 2026-11.', 'Ange månaden som ÅÅÅÅ-MM, till exempel 2026-11.');
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { from: new Date(Date.UTC(year, index, 1)), to: new Date(Date.UTC(year, index + 1, 1)) };
}

/** A district the reviewer does not serve is not found, like any object outside their scope. */
function checkDistrict(scope: ViewerScope, districtId: string | null): void {
  if (districtId !== null && !scope.districtIds.has(districtId)) throw new NotFound('District');
}

@Resolver(() => AuditEventType)
export class AuditResolver {
  @Query(() => [AuditEventType], { description: `Supervisors: who read or changed this child's data (at most ${MAX_AUDIT_ROWS} rows).` })
  @Extensions({ [MAX_ITEMS]: MAX_AUDIT_ROWS })
  auditTrail(
    @Arg('childId', () => ID) childId: string,
    @Arg('from', () => GraphQLDateTime) from: Date,
    @Arg('to', () => GraphQLDateTime) to: Date,
    @Ctx() context: RequestContext,
  ) {
    checkPeriod(from, to, MAX_RANGE_DAYS);
    return auditRepository.trail(context.db.manager, requireScope(context), childId, from, to);
  }

  @Query(() => [AuditEventType], {
    description: "Supervisors: one user's reads and writes in your districts, for log review. Only users of your own agency.",
  })
  @Extensions({ [MAX_ITEMS]: MAX_AUDIT_ROWS })
  async accessLog(
    @Arg('userId', () => ID) userId: string,
    @Arg('from', () => GraphQLDateTime) from: Date,
    @Arg('to', () => GraphQLDateTime) to: Date,
    @Arg('districtId', () => ID, { nullable: true, description: 'Only this district (one of yours).' }) districtId: string | null,
    @Ctx() context: RequestContext,
  ) {
    checkPeriod(from, to, MAX_RANGE_DAYS);
    const scope = requireScope(context);
    checkDistrict(scope, districtId ?? null);
    const manager = context.db.manager;
    if ((await auditRepository.agencyOfUser(manager, userId)) !== scope.agencyId) throw new NotFound('User');
    return auditRepository.accessLog(manager, scope, userId, from, to, districtId ?? null);
  }

  @Query(() => [AuditEventType], {
    description: 'Supervisors: a random sample of a month of reads in a district, for the monthly log check.',
  })
  @Extensions({ [MAX_ITEMS]: MAX_AUDIT_ROWS })
  auditSample(
    @Arg('districtId', () => ID) districtId: string,
    @Arg('month', () => String, { description: 'YYYY-MM' }) month: string,
    @Arg('size', () => Int, { defaultValue: 20 }) size: number,
    @Arg('seed', () => String, { nullable: true, description: 'The same seed gives the same sample.' }) seed: string | null,
    @Ctx() context: RequestContext,
  ) {
    if (size < 1 || size > MAX_AUDIT_ROWS)
      throw new BadInput('size', `Choose a size from 1 to ${MAX_AUDIT_ROWS}.`, `Välj en storlek från 1 till ${MAX_AUDIT_ROWS}.`);
    const { from, to } = monthRange(month);
    const scope = requireScope(context);
    checkDistrict(scope, districtId);
    return auditRepository.sample(context.db.manager, scope, districtId, from, to, size, seed ?? month);
  }

  @FieldResolver(() => StaffMemberType, { nullable: true })
  actor(@Root() row: AuditEventRow, @Ctx() context: RequestContext) {
    return row.actorUserId ? context.loaders.staffMember.load(row.actorUserId) : null;
  }

  @FieldResolver(() => AgencyType, { nullable: true })
  actorAgency(@Root() row: AuditEventRow, @Ctx() context: RequestContext) {
    return row.actorAgencyId ? context.loaders.agency.load(row.actorAgencyId) : null;
  }
}
