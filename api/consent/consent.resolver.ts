import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ConsentRow } from '../../db/consent/consent.repository';
import { isConsentValid } from '../../domain/consent/consent-rules';
import { ConsentType } from '../../schema/consent/consent.type';
import { AgencyType } from '../../schema/organisation/agency.type';
import { StaffMemberType } from '../../schema/organisation/staff-member.type';
import { RequestContext } from '../context';

@Resolver(() => ConsentType)
export class ConsentResolver {
  @FieldResolver(() => Int, { nullable: true })
  guardianCount(@Root() c: ConsentRow) {
    return c.guardianIds.length;
  }

  @FieldResolver(() => Boolean, { nullable: true })
  valid(@Root() c: ConsentRow, @Ctx() context: RequestContext) {
    return isConsentValid(c, context.deps.clock.now());
  }

  @FieldResolver(() => [AgencyType], { nullable: true })
  async agencies(@Root() c: ConsentRow, @Ctx() context: RequestContext) {
    return (await context.loaders.agency.loadMany(c.agencyIds)).filter((a) => a && !(a instanceof Error));
  }

  @FieldResolver(() => StaffMemberType, { nullable: true })
  recordedBy(@Root() c: ConsentRow, @Ctx() context: RequestContext) {
    return context.loaders.staffMember.load(c.recordedByUserId);
  }
}
