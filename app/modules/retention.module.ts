import { RETENTION_ACCESS } from '../../api/retention/retention.policy';
import { RegisterExtractPartResolver, RegisterExtractResolver } from '../../api/retention/register-extract.resolver';
import { LegalHoldResolver, RetentionRunResolver } from '../../api/retention/retention.resolver';
import { LegalHoldEntity } from '../../db/retention/legal-hold.entity';
import { Retention1734880000000 } from '../../db/retention/migrations/1734880000000-retention';
import { RegisterExtract1734880100000 } from '../../db/retention/migrations/1734880100000-register-extract';
import { RegisterExtractPartEntity } from '../../db/retention/register-extract-part.entity';
import { RegisterExtractEntity } from '../../db/retention/register-extract.entity';
import { RETENTION_EXTRACT } from '../../db/retention/retention-extract';
import { RetentionRunEntity } from '../../db/retention/retention-run.entity';
import { RetentionSweepEntity } from '../../db/retention/retention-sweep.entity';
import { RETENTION_LABELS } from '../../domain/retention/retention.labels';
import { RETENTION_SETTINGS } from '../../domain/retention/retention.settings';
import { RETENTION_WORKER } from '../../workers/retention/retention.job';
import { ModuleDescriptor } from '../module-descriptor';
import { RetentionRecords1734880320000 } from '../../db/retention/migrations/1734880320000-retention-records';

const EXTRACT_KEPT = 'what was handed out, withheld and why: not decided';

export const RETENTION_MODULE: ModuleDescriptor = {
  name: 'retention',
  entities: [LegalHoldEntity, RetentionRunEntity, RetentionSweepEntity, RegisterExtractEntity, RegisterExtractPartEntity],
  migrations: [Retention1734880000000, RegisterExtract1734880100000, RetentionRecords1734880320000],
  resolvers: [LegalHoldResolver, RetentionRunResolver, RegisterExtractResolver, RegisterExtractPartResolver],
  access: RETENTION_ACCESS,
  queues: [RETENTION_WORKER],
  fieldLabels: RETENTION_LABELS,
  districtSettings: RETENTION_SETTINGS,
  extract: RETENTION_EXTRACT,
  personalData: [
    { table: 'legal_hold', keptBecause: 'the hold and its reasons prove why records were kept: not decided' },
    { table: 'register_extract', keptBecause: EXTRACT_KEPT },
    { table: 'register_extract_part', keptBecause: EXTRACT_KEPT },
    // Counts only; listed for its district column, and secured like the tables it counts.
    { table: 'retention_run', keptBecause: 'counts by record type, no person' },
  ],
};
