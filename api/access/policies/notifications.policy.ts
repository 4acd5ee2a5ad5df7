import type { NotificationType } from '../../../schema/notifications/notification.type';
import { self } from '../../../domain/access/conditions';
import { definePolicy, grant } from '../../../domain/access/policy';
import { ALL_ROLES } from '../../../domain/access/roles';

/** Messages name references, never a child; only the recipient reads them. */
const recipient = [grant(ALL_ROLES, self, null)];

export const notificationPolicy = definePolicy<NotificationType>()<NotificationType & { userId: string }>({
  type: 'Notification',
  personal: false,
  rows: recipient,
  facts: (row) => ({ userId: row.userId }),
  fields: {
    id: recipient, kind: recipient, title: recipient, body: recipient, subjectType: recipient, subjectId: recipient,
    createdAt: recipient, readAt: recipient,
  },
});
