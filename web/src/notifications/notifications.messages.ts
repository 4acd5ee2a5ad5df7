import type { Catalogue } from '../i18n/messages';

/** The texts of the notifications pages: `t.notifications`. Folded into the catalogue by i18n/messages.ts. */
const sv = {
  notifications: {
    title: 'Notiser',
    bell: (n: number) => (n === 0 ? 'Notiser, inga olästa' : `Notiser, ${n} olästa`),
    empty: 'Inga notiser.',
    markRead: 'Markera som läst',
    open: 'Öppna',
    unread: 'Oläst',
  },
};

const en: typeof sv = {
  notifications: {
    title: 'Notifications',
    bell: (n) => (n === 0 ? 'Notifications, none unread' : `Notifications, ${n} unread`),
    empty: 'No notifications.',
    markRead: 'Mark as read',
    open: 'Open',
    unread: 'Unread',
  },
};

export const MESSAGES: Catalogue<NotificationsMessages> = { sv, en };

type NotificationsMessages = typeof sv;

declare module '../i18n/messages' {
  interface Messages extends NotificationsMessages {}
}
