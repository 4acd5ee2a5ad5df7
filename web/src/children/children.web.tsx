import type { WebModule } from '../web-module';
import { SOCIAL_SERVICES_ROLES } from '../viewer';
import { ChildPage } from './ChildPage';

export const WEB_MODULE: WebModule = {
  routes: [
    {
      path: '/children/:id',
      roles: [...SOCIAL_SERVICES_ROLES, 'SSPF_COORDINATOR'],
      render: ({ id }) => <ChildPage key={id} id={id} />,
      title: (t) => t.child.open,
    },
  ],
};
