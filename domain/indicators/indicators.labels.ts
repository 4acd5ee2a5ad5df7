import type { FieldLabel } from '../messages/field-labels';

/** The input fields of the indicators, as users read them (the fields its inputs and its district settings add). */
export const INDICATORS_LABELS = {
  period: { sv: 'Period', en: 'Period' },
  unit: { sv: 'Periodtyp', en: 'Period type' },
} satisfies Record<string, FieldLabel>;
