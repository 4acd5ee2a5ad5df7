/** What other modules may use of children's API: reading an identity input, the reported-age check at intake, and the audit of an identity lookup. */
export { checkReportedAge } from './child-age';
export { childrenService, parseIdentityInput } from './children.service';
export { auditIdentityLookup } from './identity-lookup';
