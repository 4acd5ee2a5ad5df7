/** What other modules may use of children's API: reading an identity input, and the reported-age check at intake. */
export { checkReportedAge } from './child-age';
export { childrenService, parseIdentityInput } from './children.service';
