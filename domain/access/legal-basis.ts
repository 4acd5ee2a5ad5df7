/** The legal ground on which data about a child is shown to a viewer; every audit row names one. */
export enum LegalBasis {
  /** The viewer's own agency holds the data: no disclosure happens. */
  SAME_AGENCY = 'SAME_AGENCY',
  /** OSL 10 kap. 28 §: a concern report and the feedback on it. */
  REPORTING_DUTY = 'REPORTING_DUTY',
  /** The consent of the youth or the guardians, with the consent id in the audit row. */
  CONSENT = 'CONSENT',
  /** OSL 10 kap. 18 a §: social services to police about someone under 21. */
  SOCIAL_SERVICES_TO_POLICE_UNDER_21 = 'SOCIAL_SERVICES_TO_POLICE_UNDER_21',
  /** OSL 10 kap. 2 §: disclosure necessary for the agency's own work. */
  NECESSARY_DISCLOSURE = 'NECESSARY_DISCLOSURE',
}
