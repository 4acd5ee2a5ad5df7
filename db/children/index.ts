/** What other modules' tables and queries may use of children and guardians. */
export { ChildEntity } from './child.entity';
export { GuardianEntity } from './guardian.entity';
export { keptChildrenOf } from './child.repository';
