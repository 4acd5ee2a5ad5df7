import { ApolloProvider, useQuery } from '@apollo/client/react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createApolloClient } from './apollo';
import { CALLBACK_PATH } from './auth/oidc';
import { getToken, hasSession, onTokenChange, rememberReturnTo, tokenSubject } from './auth/session';
import { SessionEnded } from './auth/SessionEnded';
import { Layout } from './components/Layout';
import { ErrorAlert, Loading } from './components/Status';
import { useI18n } from './i18n/i18n';
import { SignInCallbackPage, SignInPage } from './auth/SignInPage';
import { navigate, useLocation } from './router';
import { hasRole, VIEWER_QUERY, ViewerContext, ViewerData } from './viewer';
import { findRoute, foldWebModules, navFor, NavItem, WebModule } from './web-module';

/** Every module's pages and menu entries, from its `web/src/<m>/<m>.web.tsx`: a new module needs no line here. */
const APP = foldWebModules(import.meta.glob<WebModule | undefined>('./*/*.web.tsx', { eager: true, import: 'WEB_MODULE' }));

function Home({ viewer, nav }: { viewer: ViewerData; nav: readonly NavItem[] }) {
  const { t } = useI18n();
  const first = nav[0];
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
  const found = findRoute(APP.routes, pathname);
  const allowed = !found || found.route.roles === null || hasRole(viewer, ...found.route.roles);
  const nav = navFor(APP.nav, viewer);
  document.title = found ? `${found.route.title(t)} – ${t.appName}` : t.appName;
  return (
    <ViewerContext.Provider value={viewer}>
      <Layout nav={nav}>
        {pathname === '/' || !found ? (
          <Home viewer={viewer} nav={nav} />
        ) : allowed ? (
          found.route.render(found.params)
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
