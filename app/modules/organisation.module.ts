import { ORGANISATION_ACCESS } from '../../api/organisation/organisation.policy';
import { organisationLoaders } from '../../api/organisation/organisation.loaders';
import { AgencyResolver, OrganisationResolver, StaffMemberAgencyResolver } from '../../api/organisation/organisation.resolver';
import { ViewerResolver } from '../../api/organisation/viewer.resolver';
import { DutyToReport1734000000000 } from '../../db/organisation/migrations/1734000000000-duty-to-report';
import { AgencyEntity } from '../../db/organisation/agency.entity';
import { MunicipalityEntity } from '../../db/organisation/municipality.entity';
import { UserEntity } from '../../db/organisation/user.entity';
import { ORGANISATION_LABELS } from '../../domain/organisation/organisation.labels';
import { ModuleDescriptor } from '../module-descriptor';

export const ORGANISATION_MODULE: ModuleDescriptor = {
  name: 'organisation',
  fieldLabels: ORGANISATION_LABELS,
  entities: [MunicipalityEntity, AgencyEntity, UserEntity],
  migrations: [DutyToReport1734000000000],
  resolvers: [ViewerResolver, OrganisationResolver, AgencyResolver, StaffMemberAgencyResolver],
  access: ORGANISATION_ACCESS,
  loaders: organisationLoaders,
};
