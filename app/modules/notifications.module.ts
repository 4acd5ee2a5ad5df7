import { NOTIFICATIONS_ACCESS } from '../../api/notifications/notifications.policy';
import { NotificationsResolver } from '../../api/notifications/notifications.resolver';
import { ParkedEmailsResolver } from '../../api/notifications/parked-emails.resolver';
import { OutboxParking1733000000000 } from '../../db/notifications/migrations/1733000000000-outbox-parking';
import { OutboxCalendar1734820000001 } from '../../db/notifications/migrations/1734820000001-outbox-calendar';
import { NotificationEntity } from '../../db/notifications/notification.entity';
import { OutboxEntity } from '../../db/notifications/outbox.entity';
import { OUTBOX_WORKER } from '../../workers/notifications/outbox-delivery.job';
import { ModuleDescriptor } from '../module-descriptor';
import { NOTIFICATION_RETENTION, OUTBOX_RETENTION } from '../../db/notifications/notification-retention';

export const NOTIFICATIONS_MODULE: ModuleDescriptor = {
  name: 'notifications',
  entities: [NotificationEntity, OutboxEntity],
  migrations: [OutboxParking1733000000000, OutboxCalendar1734820000001],
  resolvers: [NotificationsResolver, ParkedEmailsResolver],
  access: NOTIFICATIONS_ACCESS,
  queues: [OUTBOX_WORKER],
  personalData: [
    { table: 'notification', retention: NOTIFICATION_RETENTION, ofUser: true },
    { table: 'outbox', retention: OUTBOX_RETENTION, ofUser: true },
  ],
};
