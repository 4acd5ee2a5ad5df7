import { sameDistrict } from '../access/conditions';
import { LegalBasis } from '../access/legal-basis';
import { grant } from '../access/policy';
import { Role } from '../access/roles';

/** Social services supervisors review who read the children of their districts. */
export const AUDIT_REVIEWERS = [grant([Role.SOCIAL_SERVICES_SUPERVISOR], sameDistrict, LegalBasis.SAME_AGENCY)];
