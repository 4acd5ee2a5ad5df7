import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DistrictRow } from '../../db/organisation/organisation.repository';
import { withPolicyDefaults } from '../../platform/districts/district-settings';
import { UpdateDistrictPolicyInput } from '../../schema/districts/district.inputs';
import { DistrictPolicyType, DistrictType } from '../../schema/districts/district.type';
import { RequestContext } from '../context';
import { districtsService } from './districts.service';

@Resolver(() => DistrictType)
export class DistrictsResolver {
  @Query(() => [DistrictType], { description: "The districts of the viewer's municipality and their policies." })
  districts(@Ctx() context: RequestContext): Promise<DistrictRow[]> {
    return districtsService.list(context);
  }

  @Mutation(() => DistrictType, { description: 'Admin: change a district policy. Creates a new version.' })
  updateDistrictPolicy(@Arg('input', () => UpdateDistrictPolicyInput) input: UpdateDistrictPolicyInput, @Ctx() context: RequestContext) {
    return districtsService.updatePolicy(context, input);
  }

  @FieldResolver(() => DistrictPolicyType)
  async policy(@Root() district: DistrictRow, @Ctx() context: RequestContext): Promise<DistrictPolicyType> {
    const row = await context.loaders.policy.load({ districtId: district.id, version: district.policyVersion });
    return { version: district.policyVersion, ...withPolicyDefaults(row!.settings) } as DistrictPolicyType;
  }
}
