import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useEffect } from 'react';
import { apiErrors, FieldErrors } from '../errors';
import { zonedToIso } from './district-time';
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

/** A `datetime-local` value ("2026-12-08T10:00") read as the district's wall clock, whatever the computer's zone. */
export function localToIso(local: string, timeZone: string): string | null {
  const [date, time] = local.split('T');
  return zonedToIso(date ?? '', time ?? '', timeZone);
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
