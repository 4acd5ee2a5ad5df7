import type { FieldLabel } from '../messages/field-labels';

/** The input fields of the district itself, as users read them (the fields its inputs and its district settings add). */
export const DISTRICTS_LABELS = {
  timeZone: { sv: 'Tidszon', en: 'Time zone' },
} satisfies Record<string, FieldLabel>;
