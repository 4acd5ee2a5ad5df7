import type { FieldLabel } from '../messages/field-labels';

/** The input fields of consent, as users read them (the fields its inputs and its district settings add). */
export const CONSENT_LABELS = {
  guardianIds: { sv: 'Vårdnadshavare', en: 'Guardians' },
  givenByYouth: { sv: 'Given av den unge', en: 'Given by the young person' },
  form: { sv: 'Form', en: 'Form' },
  oralNote: { sv: 'Anteckning om muntligt samtycke', en: 'Note on oral consent' },
  documentReference: { sv: 'Dokumentreferens', en: 'Document reference' },
  endsAt: { sv: 'Gäller till', en: 'Valid until' },
  agencyIds: { sv: 'Verksamheter', en: 'Agencies' },
  categories: { sv: 'Uppgifter som får delas', en: 'Information that may be shared' },
  consentId: { sv: 'Samtycke', en: 'Consent' },
  consentYouthAge: { sv: 'Den unga samtycker själv från (år)', en: 'The youth consents from (years)' },
  consentAdultAge: { sv: 'Den unga samtycker ensam från (år)', en: 'The youth consents alone from (years)' },
  consentExpiryWarningDays: { sv: 'Varning innan samtycke löper ut (dagar)', en: 'Warning before consent expires (days)' },
} satisfies Record<string, FieldLabel>;
