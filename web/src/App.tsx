import { ApolloProvider, useQuery } from '@apollo/client/react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { createApolloClient } from './apollo';
import { CALLBACK_PATH } from './auth/oidc';
import { getToken, hasSession, onTokenChange, rememberReturnTo, tokenSubject } from './auth/session';
import { SessionEnded } from './auth/SessionEnded';
import { Layout } from './components/Layout';
import { ErrorAlert, Loading } from './components/Status';
import { useI18n } from './i18n/i18n';
import { AgenciesPage } from './organisation/AgenciesPage';
import { CasePage } from './collaboration/CasePage';
import { ChildRecordsPage } from './retention/ChildRecordsPage';
import { ChildPage } from './children/ChildPage';
import { CasesPage } from './collaboration/CasesPage';
import { EscalationsPage } from './deadlines/EscalationsPage';
import { FlagConcernPage } from './reports/FlagConcernPage';
import { PoliceReportPage } from './reports/PoliceReportPage';
import { IndicatorsPage } from './indicators/IndicatorsPage';
import { TalkFiguresPage } from './indicators/TalkFiguresPage';
import { IntakePage } from './reports/IntakePage';
import { RegisterConcernPage } from './reports/RegisterConcernPage';
import { MyActionsPage } from './collaboration/MyActionsPage';
import { PartnerCasePage } from './collaboration/PartnerCasePage';
import { MyReportsPage } from './reports/MyReportsPage';
import { NotificationsPage, OpenNotificationSubject } from './notifications/NotificationsPage';
import { PolicyPage } from './districts/PolicyPage';
import { MyTalksPage } from './talks/MyTalksPage';
import { TalkPage } from './talks/TalkPage';
import { TalksWeekPage } from './talks/TalksWeekPage';
import { ForumPage } from './talks/ForumPage';
import { ReportPage } from './reports/ReportPage';
import { SignInCallbackPage, SignInPage } from './auth/SignInPage';
import { UsersPage } from './organisation/UsersPage';
import { matchPath, navigate, useLocation } from './router';
import { FORUM_ROLES, hasRole, navFor, PARTNER_ROLES, SOCIAL_SERVICES_ROLES, VIEWER_QUERY, ViewerContext, ViewerData } from './viewer';

interface Route {
  path: string;
  roles: string[] | null;
  render: (params: Record<string, string>) => ReactNode;
  title: (t: ReturnType<typeof useI18n>['t']) => string;
}

const ROUTES: Route[] = [
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
    path: '/escalations',
    roles: ['SOCIAL_SERVICES_SUPERVISOR'],
    render: () => <EscalationsPage />,
    title: (t) => t.nav.escalations,
  },
  {
    path: '/reports/:id',
    roles: SOCIAL_SERVICES_ROLES,
    render: ({ id }) => <ReportPage key={id} id={id} />,
    title: (t) => t.report.title(''),
  },
  {
    path: '/indicators',
    roles: ['SOCIAL_SERVICES_SUPERVISOR', 'ANALYST'],
    render: () => <IndicatorsPage />,
    title: (t) => t.nav.indicators,
  },
  {
    path: '/indicators/talks',
    roles: ['SOCIAL_SERVICES_SUPERVISOR', 'ANALYST'],
    render: () => <TalkFiguresPage />,
    title: (t) => t.nav.talkFigures,
  },
  { path: '/settings/districts', roles: ['ADMIN'], render: () => <PolicyPage />, title: (t) => t.nav.policy },
  { path: '/notifications', roles: null, render: () => <NotificationsPage />, title: (t) => t.nav.notifications },
  {
    path: '/open/:type/:id',
    roles: null,
    render: ({ type, id }) => <OpenNotificationSubject type={type} id={id} />,
    title: (t) => t.nav.notifications,
  },
  { path: '/cases', roles: ['SSPF_COORDINATOR'], render: () => <CasesPage />, title: (t) => t.nav.cases },
  { path: '/cases/:id', roles: ['SSPF_COORDINATOR'], render: ({ id }) => <CasePage key={id} id={id} />, title: (t) => t.nav.cases },
  { path: '/actions', roles: PARTNER_ROLES, render: () => <MyActionsPage />, title: (t) => t.nav.myActions },
  {
    path: '/actions/cases/:id',
    roles: PARTNER_ROLES,
    render: ({ id }) => <PartnerCasePage key={id} id={id} />,
    title: (t) => t.nav.myActions,
  },
  { path: '/admin/users', roles: ['ADMIN'], render: () => <UsersPage />, title: (t) => t.nav.users },
  { path: '/admin/agencies', roles: ['ADMIN'], render: () => <AgenciesPage />, title: (t) => t.nav.agencies },
  { path: '/talks', roles: SOCIAL_SERVICES_ROLES, render: () => <TalksWeekPage />, title: (t) => t.talks.weekTitle },
  { path: '/talks/mine', roles: ['POLICE_OFFICER', 'SSPF_COORDINATOR'], render: () => <MyTalksPage />, title: (t) => t.talks.mineTitle },
  { path: '/forum', roles: FORUM_ROLES, render: () => <ForumPage />, title: (t) => t.forum.title },
  {
    path: '/children/:id/records',
    roles: ['SOCIAL_SERVICES_SUPERVISOR'],
    render: ({ id }) => <ChildRecordsPage key={id} id={id} />,
    title: (t) => t.retention.link,
  },
  {
    path: '/children/:id',
    roles: [...SOCIAL_SERVICES_ROLES, 'SSPF_COORDINATOR'],
    render: ({ id }) => <ChildPage key={id} id={id} />,
    title: (t) => t.child.open,
  },
  { path: '/talks/:id', roles: SOCIAL_SERVICES_ROLES, render: ({ id }) => <TalkPage key={id} id={id} />, title: (t) => t.talks.title('') },
];

function Home({ viewer }: { viewer: ViewerData }) {
  const { t } = useI18n();
  const first = navFor(viewer)[0];
  useEffect(() => {
    if (first) navigate(first.href, { replace: true });
  }, [first]);
  if (first) return <Loading />;
  return (
    <section>
      <Heading level={1} data-size="lg">
        {viewer.displayName}
      </Heading>
      <Paragraph>{t.noPages}</Paragraph>
    </section>
  );
}

function SignedIn() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const { data, loading, error } = useQuery(VIEWER_QUERY);
  const main = useRef<string>(pathname);
  // Moving focus to the main region on navigation tells a screen reader the page changed.
  useEffect(() => {
    if (main.current !== pathname) document.getElementById('main')?.focus();
    main.current = pathname;
  }, [pathname]);
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorAlert error={error} />;
  const viewer = data.viewer;
  const route = ROUTES.map((r) => ({ r, params: matchPath(r.path, pathname) })).find((m) => m.params);
  const allowed = !route || route.r.roles === null || hasRole(viewer, ...route.r.roles);
  document.title = route ? `${route.r.title(t)} – ${t.appName}` : t.appName;
  return (
    <ViewerContext.Provider value={viewer}>
      <Layout>
        {pathname === '/' || !route ? (
          <Home viewer={viewer} />
        ) : allowed ? (
          route.r.render(route.params!)
        ) : (
          <Paragraph role="alert">{t.notAllowed}</Paragraph>
        )}
      </Layout>
    </ViewerContext.Provider>
  );
}

export function App() {
  const { pathname } = useLocation();
  // The token the API refused (revoked, or expired before renewal): the session has ended though a token is kept.
  const [refused, setRefused] = useState<string | null>(null);
  const client = useMemo(() => createApolloClient(() => setRefused(getToken() ?? '')), []);
  const [, setTokenTick] = useState(0);
  useEffect(() => onTokenChange(() => setTokenTick((n) => n + 1)), []);
  // Whose pages this tab shows: kept while that user's session has ended, so a half-filled form keeps its text.
  const shown = useRef<string | null>(null);
  const token = getToken();
  const subject = tokenSubject(token);
  if (pathname === CALLBACK_PATH) return <SignInCallbackPage />;
  const ended = hasSession() && (token === null || token === refused);
  if (pathname === '/sign-in' || !hasSession() || (ended && !shown.current)) {
    shown.current = null;
    if (pathname !== '/sign-in') {
      rememberReturnTo(`${pathname}${window.location.search}`);
      navigate('/sign-in', { replace: true });
    }
    return <SignInPage expired={ended} />;
  }
  if (!ended) shown.current = subject;
  return (
    <ApolloProvider client={client} key={shown.current}>
      {ended && <SessionEnded />}
      <SignedIn />
    </ApolloProvider>
  );
}
