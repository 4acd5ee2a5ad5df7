/** The one definition of a valid consent in SQL, for the scopes that read consents. */
export { validConsentSql } from './consent-validity';
