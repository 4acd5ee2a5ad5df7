import { InformationCategory } from '../../consent/consent-rules';
import { always, and, publicAuthorityForCrimeData, sameAgency, sameDistrict, self, teamMemberWithConsent } from '../conditions';
import { LegalBasis } from '../legal-basis';
import { grant, Grant } from '../policy';
import { Role, SOCIAL_SERVICES_ROLES } from '../roles';

/** Partners take part in a case only through the team and the consent. */
export const PARTNER_ROLES: readonly Role[] = [Role.SCHOOL_STAFF, Role.POLICE_OFFICER, Role.LEISURE_STAFF];
export const COORDINATOR_ROLES: readonly Role[] = [Role.SSPF_COORDINATOR];

/** The district's coordinators run its cases: everything in a case. */
const coordinators = grant(COORDINATOR_ROLES, sameDistrict, LegalBasis.SAME_AGENCY);
/** Social services in the district: the case and their own agency's part of it. */
const socialServices = grant(SOCIAL_SERVICES_ROLES, sameDistrict, LegalBasis.SAME_AGENCY);
const socialServicesOwnAgency = grant(SOCIAL_SERVICES_ROLES, and(sameDistrict, sameAgency), LegalBasis.SAME_AGENCY);
/** A partner on the team, while a valid consent covers their agency and the basic facts. */
const partner = grant(PARTNER_ROLES, teamMemberWithConsent(InformationCategory.BASIC_FACTS), LegalBasis.CONSENT);
/** ... and only the actions of their own agency. */
const partnerOwnAgency = grant(PARTNER_ROLES, and(teamMemberWithConsent(InformationCategory.BASIC_FACTS), sameAgency), LegalBasis.CONSENT);
/** GDPR art. 10: crime information never reaches a private association, whatever the consent says. */
const partnerOwnAgencyText = grant(PARTNER_ROLES,
  and(teamMemberWithConsent(InformationCategory.BASIC_FACTS), sameAgency, publicAuthorityForCrimeData), LegalBasis.CONSENT);
/** A partner sees a meeting they attend (the attendance fact is the viewer's own). */
const partnerAttending = grant(PARTNER_ROLES, and(teamMemberWithConsent(InformationCategory.BASIC_FACTS), self), LegalBasis.CONSENT);

/** Everything in a case, and who may change it. */
export const CASE_WRITERS: readonly Grant[] = [coordinators];
/** Social services' own record of the case: concern, consents, team, history. */
export const CASE_RECORD_READERS: readonly Grant[] = [coordinators, socialServices];
/** Who loads a case at all, and reads what the team shares: the child's name and age, the goals. */
export const CASE_READERS: readonly Grant[] = [coordinators, socialServices, partner];
export const ACTION_READERS: readonly Grant[] = [coordinators, socialServicesOwnAgency, partnerOwnAgency];
export const ACTION_TEXT_READERS: readonly Grant[] = [coordinators, socialServicesOwnAgency, partnerOwnAgencyText];
/** Who may update an action and write notes on it: coordinators and the responsible agency's team members. */
export const ACTION_WRITERS: readonly Grant[] = [coordinators, partnerOwnAgency];
export const MEETING_READERS: readonly Grant[] = [coordinators, socialServices, partnerAttending];
/** The agenda is a container; each case and action on it answers to its own grants. */
export const AGENDA_READERS: readonly Grant[] = [grant([...COORDINATOR_ROLES, ...SOCIAL_SERVICES_ROLES], always, null)];
