import { CHILDREN_ACCESS } from '../../api/children/children.policy';
import { childrenLoaders } from '../../api/children/children.loaders';
import { ChildrenResolver } from '../../api/children/children.resolver';
import { ChildCorrectionResolver } from '../../api/children/child-correction.resolver';
import { ChildCorrectionEntity } from '../../db/children/child-correction.entity';
import { ChildCorrection1734880200000 } from '../../db/children/migrations/1734880200000-child-correction';
import { ChildEntity } from '../../db/children/child.entity';
import { GuardianEntity } from '../../db/children/guardian.entity';
import { ChildIdentity1733900000000 } from '../../db/children/migrations/1733900000000-child-identity';
import { CHILDREN_LABELS } from '../../domain/children/children.labels';
import { CHILD_EXTRACT } from '../../db/children/child-extract';
import { ModuleDescriptor } from '../module-descriptor';

/** The swept records still name their child (the indicators count children); when a child itself goes is the municipality's decision. */
const UNDECIDED_CHILD = 'not decided: the child and its identity stay while swept records refer to it';

export const CHILDREN_MODULE: ModuleDescriptor = {
  name: 'children',
  fieldLabels: CHILDREN_LABELS,
  entities: [ChildEntity, GuardianEntity, ChildCorrectionEntity],
  migrations: [ChildIdentity1733900000000, ChildCorrection1734880200000],
  resolvers: [ChildrenResolver, ChildCorrectionResolver],
  access: CHILDREN_ACCESS,
  loaders: childrenLoaders,
  extract: CHILD_EXTRACT,
  personalData: [
    { table: 'child', keptBecause: UNDECIDED_CHILD },
    { table: 'guardian', keptBecause: UNDECIDED_CHILD },
    { table: 'child_correction', keptBecause: UNDECIDED_CHILD },
  ],
};
