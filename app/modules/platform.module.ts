import { pageInfoPolicy } from '../../api/access/connection.policy';
import { Foundation1732320000000 } from '../../db/migrations/1732320000000-foundation';
import { ReportsAndDeadlines1732406400000 } from '../../db/migrations/1732406400000-reports-and-deadlines';
import { RowLevelSecurity1733800000000 } from '../../db/migrations/1733800000000-row-level-security';
import { SystemScopeRole1734410000000 } from '../../db/migrations/1734410000000-system-scope-role';
import { ModuleDescriptor } from '../module-descriptor';

/** Cross-cutting pieces that belong to no one module: the migrations made before modules had descriptors (each spans several modules' tables, row-level security and the system role for all), and the page type every connection shares. */
export const PLATFORM_MODULE: ModuleDescriptor = {
  name: 'platform',
  migrations: [Foundation1732320000000, ReportsAndDeadlines1732406400000, RowLevelSecurity1733800000000, SystemScopeRole1734410000000],
  access: { types: [pageInfoPolicy] },
};
