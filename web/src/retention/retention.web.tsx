import type { WebModule } from '../web-module';
import { ChildRecordsPage } from './ChildRecordsPage';

export const WEB_MODULE: WebModule = {
  routes: [
    {
      path: '/children/:id/records',
      roles: ['SOCIAL_SERVICES_SUPERVISOR'],
      render: ({ id }) => <ChildRecordsPage key={id} id={id} />,
      title: (t) => t.retention.link,
    },
  ],
};
