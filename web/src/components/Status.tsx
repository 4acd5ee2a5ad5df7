import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
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

/** The API's error; when the request never got an answer (network, server down) and `onRetry` is given, "Försök igen". */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => unknown }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const network = !CombinedGraphQLErrors.is(error);
  const { byField, general } = network ? { byField: {}, general: [t.networkError] } : apiErrors(error, lang, t.unexpectedError);
  const messages = [...general, ...Object.values(byField)];
  return (
    <Alert data-color="danger" role="alert">
      {messages.map((m) => (
        <Paragraph key={m}>{m}</Paragraph>
      ))}
      {network && onRetry && (
        <Button variant="secondary" data-size="sm" onClick={() => onRetry()}>
          {t.retry}
        </Button>
      )}
    </Alert>
  );
}

/** A list query's state: its error, a spinner until the first answer, and `empty` when that answer holds nothing. */
export function ListStatus({
  data,
  loading,
  error,
  onRetry,
  count,
  empty,
}: {
  data: unknown;
  loading: boolean;
  error: unknown;
  onRetry?: () => unknown;
  count: number;
  empty: string;
}) {
  return (
    <>
      <ErrorAlert error={error} onRetry={onRetry} />
      {loading && !data && <Loading />}
      {Boolean(data) && count === 0 && <Empty>{empty}</Empty>}
    </>
  );
}
