import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useEffect } from 'react';
import { apiErrors, FieldErrors } from '../errors';
import { useI18n } from '../i18n/i18n';

const NO_ERRORS: FieldErrors = { byField: {}, general: [] };

/** The API's errors of one form: per field for the inputs, the rest for the summary. */
export function useFormErrors(error: unknown, labels: Record<string, string> = {}): FieldErrors {
  const { t, lang } = useI18n();
  return error ? apiErrors(error, lang, t.unexpectedError, labels) : NO_ERRORS;
}

/** Errors that name no field the form shows. */
export function GeneralErrors({ errors }: { errors: FieldErrors }) {
  if (errors.general.length === 0) return null;
  return (
    <Alert data-color="danger" role="alert">
      {errors.general.map((m) => (
        <Paragraph key={m}>{m}</Paragraph>
      ))}
    </Alert>
  );
}

/** `datetime-local` and `date` inputs hold local time; the API takes ISO instants. */
export function localToIso(local: string): string | null {
  if (!local) return null;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The thing the form writes to is out of the viewer's reach now (deleted, or consent withdrawn). */
export function isOutOfReach(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'FORBIDDEN')
  );
}

/** Tells the page once when a write found its target out of reach; the form then shows no error of its own. */
export function useOutOfReach(error: unknown, onGone: (() => void) | undefined): boolean {
  const gone = !!onGone && isOutOfReach(error);
  useEffect(() => {
    if (gone) onGone?.();
  }, [gone, onGone]);
  return gone;
}
