import { RETENTION_ACCESS } from '../../api/retention/retention.policy';
import { LegalHoldResolver, RetentionRunResolver } from '../../api/retention/retention.resolver';
import { LegalHoldEntity } from '../../db/retention/legal-hold.entity';
import { Retention1734880000000 } from '../../db/retention/migrations/1734880000000-retention';
import { RetentionRunEntity } from '../../db/retention/retention-run.entity';
import { RetentionSweepEntity } from '../../db/retention/retention-sweep.entity';
import { RETENTION_WORKER } from '../../workers/retention/retention.job';
import { ModuleDescriptor } from '../module-descriptor';

export const RETENTION_MODULE: ModuleDescriptor = {
  name: 'retention',
  entities: [LegalHoldEntity, RetentionRunEntity, RetentionSweepEntity],
  migrations: [Retention1734880000000],
  resolvers: [LegalHoldResolver, RetentionRunResolver],
  access: RETENTION_ACCESS,
  queues: [RETENTION_WORKER],
  districtSettings: ['retentionResearchException'],
  personalData: [{ table: 'legal_hold' }],
};
