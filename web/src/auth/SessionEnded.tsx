import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { MouseEvent } from 'react';
import { openSignInAgain } from './session';
import { useI18n } from '../i18n/i18n';

/**
 * The session ended while the user worked: the page stays as it is (a half-filled form keeps its text, in memory only,
 * nothing written to storage) and the sign-in runs in another tab. When it is done every tab has the new token.
 */
export function SessionEnded() {
  const { t } = useI18n();
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // A tab opened by script may close itself after the sign-in; a blocked one falls back to the plain link.
    if (openSignInAgain()) event.preventDefault();
  };
  return (
    <Alert data-color="warning" role="alert" className="session-ended">
      <Paragraph>{t.signIn.sessionEnded}</Paragraph>
      <Paragraph>
        <a href="/sign-in?again=1" target="_blank" onClick={open}>
          {t.signIn.again} {t.signIn.againNewTab}
        </a>
      </Paragraph>
    </Alert>
  );
}
