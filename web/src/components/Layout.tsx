import { Button, SkipLink } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { ReactNode } from 'react';
import { signOut } from '../auth/session';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link, navigate, useLocation } from '../router';
import { useViewer } from '../viewer';
import type { NavItem } from '../web-module';
import { useDistrictTimeZone, ZoneNote } from './district-time';

export const UNREAD_COUNT_QUERY = graphql(`
  query UnreadNotifications {
    myNotifications(unreadOnly: true, first: 100) {
      id
    }
  }
`);

const BELL_POLL_MS = 30_000;

function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
    </svg>
  );
}

/** The frame of every signed-in page; `nav` is the viewer's menu (App folds it from the modules). */
export function Layout({ nav, children }: { nav: readonly NavItem[]; children: ReactNode }) {
  const viewer = useViewer();
  const { t, lang, setLang } = useI18n();
  const { pathname } = useLocation();
  const zone = useDistrictTimeZone();
  const unread = useQuery(UNREAD_COUNT_QUERY, { pollInterval: BELL_POLL_MS, fetchPolicy: 'cache-and-network' });
  const count = unread.data?.myNotifications.length ?? 0;
  return (
    <>
      <SkipLink href="#main">{t.skipToContent}</SkipLink>
      <header className="app-header">
        <div className="app-header-row">
          <Link href="/" className="app-name">
            {t.appName}
          </Link>
          <span className="muted app-user">{t.signedInAs(viewer.displayName, viewer.agency.name)}</span>
          <div className="app-actions">
            <Link href="/notifications" className="bell" aria-label={t.notifications.bell(count)}>
              <BellIcon />
              {count > 0 && (
                <span className="bell-count" aria-hidden="true">
                  {count}
                </span>
              )}
            </Link>
            <Button
              variant="tertiary"
              data-size="sm"
              lang={lang === 'sv' ? 'en' : 'sv'}
              onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')}
            >
              {t.language}
            </Button>
            <Button variant="secondary" data-size="sm" onClick={() => void signOut().finally(() => navigate('/sign-in'))}>
              {t.signOut}
            </Button>
          </div>
        </div>
        <nav aria-label={t.mainNav} className="app-nav">
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={pathname.startsWith(item.href) ? 'page' : undefined}>
                  {item.label(t)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <ZoneNote timeZone={zone} />
        {children}
      </main>
    </>
  );
}
