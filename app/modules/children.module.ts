import { CHILDREN_ACCESS } from '../../api/children/children.policy';
import { childrenLoaders } from '../../api/children/children.loaders';
import { ChildrenResolver } from '../../api/children/children.resolver';
import { ChildEntity } from '../../db/children/child.entity';
import { GuardianEntity } from '../../db/children/guardian.entity';
import { ChildIdentity1733900000000 } from '../../db/migrations/1733900000000-child-identity';
import { CHILDREN_LABELS } from '../../domain/children/children.labels';
import { ModuleDescriptor } from '../module-descriptor';

export const CHILDREN_MODULE: ModuleDescriptor = {
  name: 'children',
  fieldLabels: CHILDREN_LABELS,
  entities: [ChildEntity, GuardianEntity],
  migrations: [ChildIdentity1733900000000],
  resolvers: [ChildrenResolver],
  access: CHILDREN_ACCESS,
  loaders: childrenLoaders,
  personalData: [{ table: 'child' }, { table: 'guardian' }],
};
