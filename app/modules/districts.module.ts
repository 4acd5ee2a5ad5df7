import { DISTRICTS_ACCESS } from '../../api/districts/districts.policy';
import { DistrictsResolver } from '../../api/districts/districts.resolver';
import { DistrictPolicyEntity } from '../../db/organisation/district-policy.entity';
import { DistrictEntity } from '../../db/organisation/district.entity';
import { DISTRICTS_LABELS } from '../../domain/districts/districts.labels';
import { DISTRICTS_SETTINGS } from '../../domain/districts/districts.settings';
import { ModuleDescriptor } from '../module-descriptor';

export const DISTRICTS_MODULE: ModuleDescriptor = {
  name: 'districts',
  fieldLabels: DISTRICTS_LABELS,
  entities: [DistrictEntity, DistrictPolicyEntity],
  resolvers: [DistrictsResolver],
  access: DISTRICTS_ACCESS,
  districtSettings: DISTRICTS_SETTINGS,
};
