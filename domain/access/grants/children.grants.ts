import { sameDistrict } from '../conditions';
import { LegalBasis } from '../legal-basis';
import { grant } from '../policy';
import { Role, SOCIAL_SERVICES_ROLES } from '../roles';

/** Social services hold the child register for their own districts; the SSPF coordinators work from it. */
export const CHILD_READERS = [grant([...SOCIAL_SERVICES_ROLES, Role.SSPF_COORDINATOR], sameDistrict, LegalBasis.SAME_AGENCY)];
