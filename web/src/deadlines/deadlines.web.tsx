import type { WebModule } from '../web-module';
import { EscalationsPage } from './EscalationsPage';

export const WEB_MODULE: WebModule = {
  routes: [
    {
      path: '/escalations',
      roles: ['SOCIAL_SERVICES_SUPERVISOR'],
      render: () => <EscalationsPage />,
      title: (t) => t.nav.escalations,
    },
  ],
  nav: [{ order: 70, href: '/escalations', label: (t) => t.nav.escalations, roles: ['SOCIAL_SERVICES_SUPERVISOR'] }],
};
