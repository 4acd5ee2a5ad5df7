import { deleteDue, type RetentionRule } from '../personal-data/personal-data';
import { OutboxStatus } from './outbox.entity';

/**
 * Messages are copies of what the records hold and are deleted, not anonymised: no indicator counts them. They go
 * by their recipient's districts (a user's agency may serve several: the first district due takes them). An e-mail
 * waiting to be sent stays until it is delivered or parked.
 */
export const NOTIFICATION_RETENTION: readonly RetentionRule[] = [
  {
    recordType: 'NOTIFICATION',
    measuredFrom: 'the creation of the notification',
    setting: 'retentionMessageMonths',
    action: 'DELETE',
    sweep: deleteDue('notification', (b) => `x.created_at < $1 AND ${b.ofUser('x.user_id')}`),
  },
];

export const OUTBOX_RETENTION: readonly RetentionRule[] = [
  {
    recordType: 'EMAIL',
    measuredFrom: 'the creation of the e-mail (delivered or parked ones only)',
    setting: 'retentionMessageMonths',
    action: 'DELETE',
    sweep: deleteDue(
      'outbox',
      (b) =>
        `x.created_at < $1 AND x.status IN ('${OutboxStatus.DELIVERED}', '${OutboxStatus.PARKED}') AND ${b.ofUser('x.recipient_user_id')}`,
    ),
  },
];
