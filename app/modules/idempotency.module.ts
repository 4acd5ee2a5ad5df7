import { IdempotencyKeyEntity } from '../../db/idempotency/idempotency-key.entity';
import { IdempotencyRequestHash1733200100000 } from '../../db/idempotency/migrations/1733200100000-idempotency-request-hash';
import { ModuleDescriptor } from '../module-descriptor';
import { IDEMPOTENCY_RETENTION } from '../../db/idempotency/idempotency-retention';

export const IDEMPOTENCY_MODULE: ModuleDescriptor = {
  name: 'idempotency',
  entities: [IdempotencyKeyEntity],
  migrations: [IdempotencyRequestHash1733200100000],
  personalData: [{ table: 'idempotency_key', retention: IDEMPOTENCY_RETENTION, ofUser: true }],
};
