import type { WebModule } from '../web-module';
import { PARTNER_ROLES } from '../viewer';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';
import { MyActionsPage } from './MyActionsPage';
import { PartnerCasePage } from './PartnerCasePage';

export const WEB_MODULE: WebModule = {
  routes: [
    { path: '/cases', roles: ['SSPF_COORDINATOR'], render: () => <CasesPage />, title: (t) => t.nav.cases },
    { path: '/cases/:id', roles: ['SSPF_COORDINATOR'], render: ({ id }) => <CasePage key={id} id={id} />, title: (t) => t.nav.cases },
    { path: '/actions', roles: PARTNER_ROLES, render: () => <MyActionsPage />, title: (t) => t.nav.myActions },
    {
      path: '/actions/cases/:id',
      roles: PARTNER_ROLES,
      render: ({ id }) => <PartnerCasePage key={id} id={id} />,
      title: (t) => t.nav.myActions,
    },
  ],
  nav: [
    { order: 110, href: '/cases', label: (t) => t.nav.cases, roles: ['SSPF_COORDINATOR'] },
    { order: 120, href: '/actions', label: (t) => t.nav.myActions, roles: PARTNER_ROLES },
  ],
};
