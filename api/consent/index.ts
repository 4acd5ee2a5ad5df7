/** What other modules may use of consent's API: recording and withdrawing (given the case's side), and its clock. */
export { consentClocks } from './consent-clocks';
export { type ConsentCase, consentService } from './consent.service';
