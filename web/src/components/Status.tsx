import { Alert, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';
import { apiErrors } from '../errors';

export function Loading() {
  const { t } = useI18n();
  return (
    <div role="status" className="loading">
      <Spinner aria-hidden="true" data-size="sm" />
      <span>{t.loading}</span>
    </div>
  );
}

export function Empty({ children }: { children: string }) {
  return (
    <Paragraph role="status" className="empty">
      {children}
    </Paragraph>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const { byField, general } = apiErrors(error, lang, t.unexpectedError);
  const messages = [...general, ...Object.values(byField)];
  return (
    <Alert data-color="danger" role="alert">
      {messages.map((m) => (
        <Paragraph key={m}>{m}</Paragraph>
      ))}
    </Alert>
  );
}
