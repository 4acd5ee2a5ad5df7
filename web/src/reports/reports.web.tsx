import type { WebModule } from '../web-module';
import { SOCIAL_SERVICES_ROLES } from '../viewer';
import { FlagConcernPage } from './FlagConcernPage';
import { IntakePage } from './IntakePage';
import { MyReportsPage } from './MyReportsPage';
import { PoliceReportPage } from './PoliceReportPage';
import { RegisterConcernPage } from './RegisterConcernPage';
import { ReportPage } from './ReportPage';

export const WEB_MODULE: WebModule = {
  routes: [
    { path: '/concerns/new', roles: ['SCHOOL_STAFF', 'LEISURE_STAFF'], render: () => <FlagConcernPage />, title: (t) => t.nav.flag },
    { path: '/police/reports/new', roles: ['POLICE_OFFICER'], render: () => <PoliceReportPage />, title: (t) => t.nav.policeReport },
    {
      path: '/reports/mine',
      roles: ['SCHOOL_STAFF', 'LEISURE_STAFF', 'AGENCY_LEAD', 'POLICE_OFFICER'],
      render: () => <MyReportsPage />,
      title: (t) => t.nav.myReports,
    },
    { path: '/intake', roles: ['SOCIAL_WORKER', 'SOCIAL_SERVICES_SUPERVISOR'], render: () => <IntakePage />, title: (t) => t.nav.intake },
    {
      path: '/intake/register',
      roles: ['SOCIAL_WORKER', 'SOCIAL_SERVICES_SUPERVISOR'],
      render: () => <RegisterConcernPage />,
      title: (t) => t.register.title,
    },
    { path: '/overdue', roles: ['SOCIAL_SERVICES_SUPERVISOR'], render: () => <IntakePage overdue />, title: (t) => t.nav.overdue },
    {
      path: '/reports/:id',
      roles: SOCIAL_SERVICES_ROLES,
      render: ({ id }) => <ReportPage key={id} id={id} />,
      title: (t) => t.report.title(''),
    },
  ],
  nav: [
    { order: 10, href: '/concerns/new', label: (t) => t.nav.flag, roles: ['SCHOOL_STAFF', 'LEISURE_STAFF'] },
    { order: 20, href: '/reports/mine', label: (t) => t.nav.myReports, roles: ['SCHOOL_STAFF', 'LEISURE_STAFF', 'AGENCY_LEAD'] },
    // The police land on their reports and whether feedback came; filing a new one is the next item.
    { order: 30, href: '/reports/mine', label: (t) => t.nav.policeReports, roles: ['POLICE_OFFICER'] },
    { order: 40, href: '/police/reports/new', label: (t) => t.nav.policeReport, roles: ['POLICE_OFFICER'] },
    { order: 50, href: '/intake', label: (t) => t.nav.intake, roles: ['SOCIAL_WORKER', 'SOCIAL_SERVICES_SUPERVISOR'] },
    { order: 60, href: '/overdue', label: (t) => t.nav.overdue, roles: ['SOCIAL_SERVICES_SUPERVISOR'] },
  ],
};
