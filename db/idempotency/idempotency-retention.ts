import { deleteDue, type RetentionRule } from '../personal-data/personal-data';

/** A key answers a retried request; once no client retries it, it only says who did what when (the audit log says that). */
export const IDEMPOTENCY_RETENTION: readonly RetentionRule[] = [
  {
    recordType: 'IDEMPOTENCY_KEY',
    measuredFrom: 'the creation of the key',
    setting: 'retentionSessionMonths',
    action: 'DELETE',
    sweep: deleteDue('idempotency_key', (b) => `x.created_at < $1 AND ${b.ofUser('x.user_id')}`),
  },
];
