import type { WebModule } from '../web-module';
import { NotificationsPage, OpenNotificationSubject } from './NotificationsPage';

/** No menu entry: the bell in the header opens the notifications. */
export const WEB_MODULE: WebModule = {
  routes: [
    { path: '/notifications', roles: null, render: () => <NotificationsPage />, title: (t) => t.nav.notifications },
    {
      path: '/open/:type/:id',
      roles: null,
      render: ({ type, id }) => <OpenNotificationSubject type={type} id={id} />,
      title: (t) => t.nav.notifications,
    },
  ],
};
