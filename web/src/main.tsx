import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SILENT_PATH } from './auth/oidc';
import { completeSilentRenew, startAuth } from './auth/session';
import { I18nProvider } from './i18n/i18n';

if (window.location.pathname === SILENT_PATH) {
  // The hidden renewal frame: hand the provider's answer to the page that opened it, render nothing.
  void startAuth({ renew: false }).then(completeSilentRenew);
} else {
  // The sign-in page reports a server that does not answer; the app starts either way.
  void startAuth()
    .catch(() => undefined)
    .then(() =>
      createRoot(document.getElementById('root')!).render(
        <StrictMode>
          <I18nProvider>
            <App />
          </I18nProvider>
        </StrictMode>,
      ),
    );
}
