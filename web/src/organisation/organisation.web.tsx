import type { WebModule } from '../web-module';
import { AgenciesPage } from './AgenciesPage';
import { UsersPage } from './UsersPage';

export const WEB_MODULE: WebModule = {
  routes: [
    { path: '/admin/users', roles: ['ADMIN'], render: () => <UsersPage />, title: (t) => t.nav.users },
    { path: '/admin/agencies', roles: ['ADMIN'], render: () => <AgenciesPage />, title: (t) => t.nav.agencies },
  ],
  nav: [
    { order: 130, href: '/admin/users', label: (t) => t.nav.users, roles: ['ADMIN'] },
    { order: 140, href: '/admin/agencies', label: (t) => t.nav.agencies, roles: ['ADMIN'] },
  ],
};
