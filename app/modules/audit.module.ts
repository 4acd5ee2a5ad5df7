import { AUDIT_ACCESS } from '../../api/audit/audit.policy';
import { AuditResolver } from '../../api/audit/audit.resolver';
import { AuditEventEntity } from '../../db/audit/audit-event.entity';
import { AuditRowsPerRead1733500000000 } from '../../db/audit/migrations/1733500000000-audit-rows-per-read';
import { AUDIT_EXTRACT } from '../../db/audit/audit-extract';
import { ModuleDescriptor } from '../module-descriptor';
import { AUDIT_RETENTION } from '../../db/audit/audit-retention';

export const AUDIT_MODULE: ModuleDescriptor = {
  name: 'audit',
  entities: [AuditEventEntity],
  migrations: [AuditRowsPerRead1733500000000],
  resolvers: [AuditResolver],
  access: AUDIT_ACCESS,
  extract: AUDIT_EXTRACT,
  personalData: [{ table: 'audit_event', retention: AUDIT_RETENTION }],
};
