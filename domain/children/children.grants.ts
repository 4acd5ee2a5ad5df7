import { sameDistrict } from '../access/conditions';
import { LegalBasis } from '../access/legal-basis';
import { grant } from '../access/policy';
import { Role, SOCIAL_SERVICES_ROLES } from '../access/roles';

/** Social services hold the child register for their own districts; the SSPF coordinators work from it. */
export const CHILD_READERS = [grant([...SOCIAL_SERVICES_ROLES, Role.SSPF_COORDINATOR], sameDistrict, LegalBasis.SAME_AGENCY)];
