/** What other modules' types may use of consent. */
export { ConsentType } from './consent.type';
