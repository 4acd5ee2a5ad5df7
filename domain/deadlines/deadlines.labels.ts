import type { FieldLabel } from '../messages/field-labels';

/** The input fields of deadlines, as users read them (the fields its inputs and its district settings add). */
export const DEADLINES_LABELS = {
  reminderPercents: { sv: 'Påminnelser (% av tiden)', en: 'Reminders (% of the window)' },
} satisfies Record<string, FieldLabel>;
