import type { WebModule } from '../web-module';
import { PolicyPage } from './PolicyPage';

export const WEB_MODULE: WebModule = {
  routes: [{ path: '/settings/districts', roles: ['ADMIN'], render: () => <PolicyPage />, title: (t) => t.nav.policy }],
  nav: [{ order: 100, href: '/settings/districts', label: (t) => t.nav.policy, roles: ['ADMIN'] }],
};
