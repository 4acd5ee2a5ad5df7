import type { NotificationType } from '../../schema/notifications/notification.type';
import type { ParkedEmailType } from '../../schema/notifications/parked-email.type';
import { sameMunicipality, self } from '../../domain/access/conditions';
import { definePolicy, grant, ModuleAccess } from '../../domain/access/policy';
import { ALL_ROLES, Role } from '../../domain/access/roles';

/** Messages name references, never a child; only the recipient reads them. */
const recipient = [grant(ALL_ROLES, self, null)];

export const notificationPolicy = definePolicy<NotificationType>()<NotificationType & { userId: string }>({
  type: 'Notification',
  personal: false,
  rows: recipient,
  facts: (row) => ({ userId: row.userId }),
  fields: {
    id: recipient,
    kind: recipient,
    title: recipient,
    body: recipient,
    subjectType: recipient,
    subjectId: recipient,
    createdAt: recipient,
    readAt: recipient,
  },
});

/** Delivery trouble is the administrators' to see and fix; the messages name references, never a child. */
const administrators = [grant([Role.ADMIN], sameMunicipality, null)];

export const parkedEmailPolicy = definePolicy<ParkedEmailType>()<ParkedEmailType & { municipalityId: string }>({
  type: 'ParkedEmail',
  personal: false,
  rows: administrators,
  facts: (row) => ({ municipalityId: row.municipalityId }),
  fields: {
    id: administrators,
    recipientEmail: administrators,
    subject: administrators,
    attempts: administrators,
    retryRound: administrators,
    lastError: administrators,
    createdAt: administrators,
    parkedAt: administrators,
  },
});

export const NOTIFICATIONS_ACCESS: ModuleAccess = {
  types: [notificationPolicy, parkedEmailPolicy],
  queries: { myNotifications: ALL_ROLES, parkedEmails: [Role.ADMIN] },
  mutations: { markNotificationRead: ALL_ROLES, retryParkedEmail: [Role.ADMIN] },
};
