import type { FieldLabel } from '../messages/field-labels';

/** The input fields of children and guardians, as users read them (the fields its inputs and its district settings add). */
export const CHILDREN_LABELS = {
  keptChildId: { sv: 'Post som behålls', en: 'Record to keep' },
  mergedChildId: { sv: 'Dubblett som slås ihop', en: 'Duplicate to merge' },
  schoolAgencyId: { sv: 'Skola', en: 'School' },
  contact: { sv: 'Kontaktuppgifter', en: 'Contact details' },
  relation: { sv: 'Relation till barnet', en: 'Relation to the child' },
  guardianId: { sv: 'Vårdnadshavare', en: 'Guardian' },
} satisfies Record<string, FieldLabel>;
