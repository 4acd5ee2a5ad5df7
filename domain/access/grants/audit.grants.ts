import { sameDistrict } from '../conditions';
import { LegalBasis } from '../legal-basis';
import { grant } from '../policy';
import { Role } from '../roles';

/** Social services supervisors review who read the children of their districts. */
export const AUDIT_REVIEWERS = [grant([Role.SOCIAL_SERVICES_SUPERVISOR], sameDistrict, LegalBasis.SAME_AGENCY)];
