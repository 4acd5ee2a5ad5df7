import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ViewerType } from '../../schema/organisation/viewer.type';
import { AgencyType } from '../../schema/organisation/agency.type';
import { DistrictType } from '../../schema/districts/district.type';
import { RequestContext, requireScope } from '../context';

interface ViewerRow {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  agencyId: string;
  districtIds: string[];
}

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'Who am I: my agency, roles and districts.' })
  viewer(@Ctx() context: RequestContext): ViewerRow {
    const scope = requireScope(context);
    return {
      id: scope.userId,
      email: context.viewer!.email,
      displayName: context.viewer!.displayName,
      roles: [...scope.roles],
      agencyId: scope.agencyId,
      districtIds: [...scope.districtIds],
    };
  }

  @FieldResolver(() => AgencyType)
  agency(@Root() viewer: ViewerRow, @Ctx() context: RequestContext) {
    return context.loaders.agency.load(viewer.agencyId);
  }

  @FieldResolver(() => [DistrictType])
  async districts(@Root() viewer: ViewerRow, @Ctx() context: RequestContext) {
    const districts = await context.loaders.district.loadMany(viewer.districtIds);
    return districts.filter((d) => d && !(d instanceof Error));
  }
}
