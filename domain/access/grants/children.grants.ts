import { sameDistrict } from '../conditions';
import { LegalBasis } from '../legal-basis';
import { grant } from '../policy';
import { SOCIAL_SERVICES_ROLES } from '../roles';

/** Social services hold the child register for their own districts. */
export const CHILD_READERS = [grant(SOCIAL_SERVICES_ROLES, sameDistrict, LegalBasis.SAME_AGENCY)];
