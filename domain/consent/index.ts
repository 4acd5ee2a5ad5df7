/** What other modules may use of consent's rules. */
export { categoryOfAgency, CollaborationModel, coveringConsent, InformationCategory } from './consent-rules';
export type { ConsentScope } from './consent-rules';
