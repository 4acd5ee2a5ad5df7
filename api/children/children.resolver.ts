import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ChildRow, childRepository } from '../../db/children/child.repository';
import { ageOn, calendarDateAt, parseCalendarDate } from '../../domain/children/personal-identity-number';
import { AgencyKind } from '../../domain/access/roles';
import { BadInput } from '../../domain/errors';
import { AddGuardianInput, CreateChildInput, UpdateChildInput } from '../../schema/children/child.inputs';
import { ChildConnection, ChildType, GuardianType } from '../../schema/children/child.type';
import { PageArgs } from '../../schema/common/page.type';
import { DistrictType } from '../../schema/districts/district.type';
import { AgencyType } from '../../schema/organisation/agency.type';
import { RequestContext, requireScope } from '../context';
import { toConnection } from '../pagination';
import { decodeCheckedCursor } from '../security/cursor';
import { childrenService } from './children.service';

/** The school is an agency of the viewer's municipality, and a school: not a police area or a youth centre. */
async function checkSchool(context: RequestContext, schoolAgencyId: string | null | undefined): Promise<void> {
  if (!schoolAgencyId) return;
  const agency = await context.loaders.agency.load(schoolAgencyId);
  if (!agency || agency.municipalityId !== requireScope(context).municipalityId || agency.kind !== AgencyKind.SCHOOL) {
    throw new BadInput('input.schoolAgencyId', 'Choose a school in your municipality.', 'Välj en skola i din kommun.');
  }
}

@Resolver(() => ChildType)
export class ChildrenResolver {
  @Query(() => ChildType, { description: 'A child in one of your districts (social services).' })
  child(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ChildRow> {
    return childrenService.loadVisibleChild(context, id);
  }

  @Query(() => ChildConnection, { description: 'Children in your districts, by name or personal identity number.' })
  async children(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: RequestContext,
  ) {
    const cursor = after ? decodeCheckedCursor(after, ['text', 'uuid']) : null;
    const rows = await childRepository.search(context.db.manager, requireScope(context), {
      search: search?.slice(0, 200),
      first,
      after: cursor ? { familyName: cursor[0], id: cursor[1] } : null,
    });
    return toConnection(rows, first, (row) => [row.familyName, row.id]);
  }

  @Mutation(() => ChildType)
  async createChild(@Arg('input', () => CreateChildInput) input: CreateChildInput, @Ctx() context: RequestContext) {
    await checkSchool(context, input.schoolAgencyId);
    return childrenService.create(context, input);
  }

  @Mutation(() => ChildType)
  async updateChild(@Arg('input', () => UpdateChildInput) input: UpdateChildInput, @Ctx() context: RequestContext) {
    await checkSchool(context, input.schoolAgencyId);
    return childrenService.update(context, input);
  }

  @Mutation(() => ChildType, { description: 'Adds a guardian and returns the child.' })
  addGuardian(@Arg('input', () => AddGuardianInput) input: AddGuardianInput, @Ctx() context: RequestContext) {
    return childrenService.addGuardian(context, input);
  }

  @FieldResolver(() => Int, { nullable: true })
  age(@Root() child: ChildRow, @Ctx() context: RequestContext): number | null {
    if (!child.birthDate) return null;
    return ageOn(parseCalendarDate(child.birthDate), calendarDateAt(context.deps.clock.now()));
  }

  @FieldResolver(() => DistrictType, { nullable: true })
  district(@Root() child: ChildRow, @Ctx() context: RequestContext) {
    return context.loaders.district.load(child.districtId);
  }

  @FieldResolver(() => AgencyType, { nullable: true })
  school(@Root() child: ChildRow, @Ctx() context: RequestContext) {
    return child.schoolAgencyId ? context.loaders.agency.load(child.schoolAgencyId) : null;
  }

  @FieldResolver(() => [GuardianType], { nullable: true })
  guardians(@Root() child: ChildRow, @Ctx() context: RequestContext) {
    return context.loaders.guardiansOfChild.load(child.id);
  }
}
