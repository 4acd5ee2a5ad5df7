import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import {
  completeSignIn,
  DemoUser,
  fetchAuthConfig,
  fetchDemoUsers,
  finishSignIn,
  markSignInAgain,
  signInAsDemoUser,
  startSignIn,
  WebAuthConfig,
} from './session';
import { Loading } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';

function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <Button variant="tertiary" data-size="sm" lang={lang === 'sv' ? 'en' : 'sv'} onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')}>
      {t.language}
    </Button>
  );
}

export function SignInPage({ expired }: { expired?: boolean }) {
  const { t } = useI18n();
  const [config, setConfig] = useState<WebAuthConfig | null>(null);
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (new URLSearchParams(window.location.search).has('again')) markSignInAgain();
    fetchAuthConfig()
      .then(async (c) => {
        setConfig(c);
        if (c.mode === 'development') setUsers(await fetchDemoUsers());
      })
      .catch(() => setFailed(true));
  }, []);

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-top">
        <LanguageSwitch />
      </div>
      <Heading level={1} data-size="lg">
        {t.appName}: {t.signIn.title}
      </Heading>
      {expired && (
        <Alert data-color="warning">
          <Paragraph>{t.signIn.expired}</Paragraph>
        </Alert>
      )}
      {failed && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t.unexpectedError}</Paragraph>
        </Alert>
      )}
      {!config && !failed && <Loading />}
      {config?.mode === 'none' && <Paragraph>{t.signIn.none}</Paragraph>}
      {config?.mode === 'oidc' && (
        <>
          <Paragraph>{t.signIn.oidcIntro}</Paragraph>
          <Button onClick={() => startSignIn().catch(() => setFailed(true))}>{t.signIn.oidcButton}</Button>
        </>
      )}
      {config?.mode === 'development' && (
        <>
          <Paragraph>{t.signIn.devIntro}</Paragraph>
          <ul className="user-list">
            {users.map((u) => (
              <li key={u.email}>
                <Button
                  variant="secondary"
                  className="user-button"
                  data-email={u.email}
                  onClick={async () => {
                    await signInAsDemoUser(u.email).then(
                      () => finishSignIn((path) => navigate(path, { replace: true })),
                      () => setFailed(true),
                    );
                  }}
                >
                  <span className="user-name">{u.displayName}</span>
                  <span className="user-meta">
                    {u.roles.map((r) => t.roles[r] ?? r).join(', ')} · {u.agency}
                  </span>
                  <span className="user-meta">{u.email}</span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

export function SignInCallbackPage() {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    completeSignIn().then(
      () => finishSignIn((path) => navigate(path, { replace: true })),
      () => setFailed(true),
    );
  }, []);
  return (
    <main id="main" className="sign-in">
      {failed ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t.signIn.callbackFailed}</Paragraph>
        </Alert>
      ) : (
        <Loading />
      )}
    </main>
  );
}
