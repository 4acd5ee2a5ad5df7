import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { fieldName, labelledText } from '../../domain/messages/field-labels';
import type { Lang } from './i18n/messages';

export interface FieldErrors {
  /** Messages keyed by the field the API named, without the `input.` prefix. */
  readonly byField: Record<string, string>;
  /** Errors that name no field, or a field no form shows. */
  readonly general: string[];
}

interface ApiErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * Splits an API error into messages per field (`extensions.field`) in the user's language. The API's messages name
 * fields by their identifier (`protectionAssessmentHours`); with `labels` the identifier becomes the label the user sees.
 */
export function apiErrors(error: unknown, lang: Lang, fallback: string, labels: Record<string, string> = {}): FieldErrors {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  const list: readonly ApiErrorLike[] = CombinedGraphQLErrors.is(error) ? error.errors : error ? [{ message: fallback }] : [];
  for (const e of list) {
    const messages = e.extensions?.messages as { sv?: string; en?: string } | undefined;
    let text = messages?.[lang] ?? (e.extensions?.code === 'INTERNAL_SERVER_ERROR' ? fallback : e.message);
    const field = typeof e.extensions?.field === 'string' ? e.extensions.field.replace(/^input\./, '') : null;
    const label = field ? (labels[field] ?? labels[fieldName(field)]) : undefined;
    if (field && label) text = labelledText(text, field, label);
    if (field && !(field in byField)) byField[field] = text;
    else general.push(text);
  }
  return { byField, general };
}

/** The first message for any of the given fields; the rest stay for the summary. */
export function takeField(errors: FieldErrors, ...fields: string[]): string | undefined {
  for (const f of fields) if (errors.byField[f]) return errors.byField[f];
  return undefined;
}
