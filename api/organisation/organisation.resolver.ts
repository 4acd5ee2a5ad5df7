import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AgencyRow, StaffRow } from '../../db/organisation/organisation.repository';
import { UserAccountRow } from '../../db/organisation/user-account.repository';
import { AgencyType } from '../../schema/organisation/agency.type';
import { DistrictType } from '../../schema/districts/district.type';
import {
  CreateAgencyInput,
  CreateDistrictInput,
  CreateUserInput,
  RegisterIntakeClientInput,
  SetAgencyDistrictsInput,
  SetAgencyDutyToReportInput,
  SetUserRolesInput,
} from '../../schema/organisation/organisation.inputs';
import { StaffMemberType } from '../../schema/organisation/staff-member.type';
import { UserAccountType } from '../../schema/organisation/user-account.type';
import { RequestContext } from '../context';
import { organisationService } from './organisation.service';

/** Administration of agencies and users (ADMIN, by the policy table). */
@Resolver(() => UserAccountType)
export class OrganisationResolver {
  @Query(() => [AgencyType], { description: 'The agencies of your municipality.' })
  agencies(@Ctx() context: RequestContext) {
    return organisationService.agencies(context);
  }

  @Query(() => [UserAccountType], { description: 'Users of your municipality, optionally of one agency.' })
  users(
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('first', () => Int, { defaultValue: 200 }) first: number,
    @Ctx() context: RequestContext,
  ) {
    return organisationService.users(context, agencyId, Math.min(Math.max(first, 1), 1_000));
  }

  @Mutation(() => DistrictType, { description: 'A new district on the default policy.' })
  createDistrict(@Arg('input', () => CreateDistrictInput) input: CreateDistrictInput, @Ctx() context: RequestContext) {
    return organisationService.createDistrict(context, input);
  }

  @Mutation(() => AgencyType)
  createAgency(@Arg('input', () => CreateAgencyInput) input: CreateAgencyInput, @Ctx() context: RequestContext) {
    return organisationService.createAgency(context, input);
  }

  @Mutation(() => AgencyType, {
    description: 'Sets the districts an agency works in; its users see those districts from their next request.',
  })
  setAgencyDistricts(@Arg('input', () => SetAgencyDistrictsInput) input: SetAgencyDistrictsInput, @Ctx() context: RequestContext) {
    return organisationService.setAgencyDistricts(context, input);
  }

  @Mutation(() => AgencyType, {
    description: "Records whether the agency's staff have the duty to report: only they can ask for feedback on new reports.",
  })
  setAgencyDutyToReport(@Arg('input', () => SetAgencyDutyToReportInput) input: SetAgencyDutyToReportInput, @Ctx() context: RequestContext) {
    return organisationService.setAgencyDutyToReport(context, input);
  }

  @Mutation(() => UserAccountType, { description: 'Registers a user by work e-mail; the first sign-in binds the account.' })
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() context: RequestContext) {
    return organisationService.createUser(context, input);
  }

  @Mutation(() => UserAccountType, {
    description: "Registers another agency's case system as a client that may only submit reports for that agency; disableUser revokes it.",
  })
  registerIntakeClient(@Arg('input', () => RegisterIntakeClientInput) input: RegisterIntakeClientInput, @Ctx() context: RequestContext) {
    return organisationService.registerIntakeClient(context, input);
  }

  @Mutation(() => UserAccountType, { description: "Sets a user's roles (and agency, so districts)." })
  setUserRoles(@Arg('input', () => SetUserRolesInput) input: SetUserRolesInput, @Ctx() context: RequestContext) {
    return organisationService.setUserRoles(context, input);
  }

  @Mutation(() => UserAccountType, { description: 'The user is refused from the next request on.' })
  disableUser(@Arg('userId', () => ID) userId: string, @Ctx() context: RequestContext) {
    return organisationService.setUserDisabled(context, userId, true);
  }

  @Mutation(() => UserAccountType)
  enableUser(@Arg('userId', () => ID) userId: string, @Ctx() context: RequestContext) {
    return organisationService.setUserDisabled(context, userId, false);
  }

  @FieldResolver(() => AgencyType)
  agency(@Root() user: UserAccountRow, @Ctx() context: RequestContext) {
    return context.loaders.agency.load(user.agencyId);
  }
}

@Resolver(() => AgencyType)
export class AgencyResolver {
  @FieldResolver(() => [DistrictType])
  async districts(@Root() agency: AgencyRow, @Ctx() context: RequestContext) {
    return (await context.loaders.district.loadMany(agency.districtIds)).filter((d) => d && !(d instanceof Error));
  }
}

@Resolver(() => StaffMemberType)
export class StaffMemberAgencyResolver {
  @FieldResolver(() => AgencyType, { nullable: true })
  agency(@Root() member: Partial<StaffRow>, @Ctx() context: RequestContext) {
    return member.agencyId ? context.loaders.agency.load(member.agencyId) : null;
  }
}
