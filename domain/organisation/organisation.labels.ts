import type { FieldLabel } from '../messages/field-labels';

/** The input fields of agencies, districts and users, as users read them (the fields its inputs and its district settings add). */
export const ORGANISATION_LABELS = {
  districtIds: { sv: 'Områden', en: 'Districts' },
  code: { sv: 'Kod', en: 'Code' },
  isPublicAuthority: { sv: 'Myndighet', en: 'Public authority' },
  dutyToReport: { sv: 'Anmälningsplikt', en: 'Duty to report' },
  email: { sv: 'E-postadress', en: 'E-mail address' },
  displayName: { sv: 'Namn som visas', en: 'Display name' },
  subject: { sv: 'Klientens subject (sub) hos identitetsleverantören', en: "The client's subject (sub) at the identity provider" },
  roles: { sv: 'Roller', en: 'Roles' },
} satisfies Record<string, FieldLabel>;
