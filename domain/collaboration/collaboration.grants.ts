import { InformationCategory } from '../consent';
import {
  always,
  and,
  consentCoversCategory,
  onTeam,
  publicAuthorityForCrimeData,
  publicAuthorityOnly,
  sameAgency,
  sameDistrict,
  self,
  teamMemberWithConsent,
} from '../access/conditions';
import { LegalBasis } from '../access/legal-basis';
import { grant, Grant } from '../access/policy';
import { Role, SOCIAL_SERVICES_ROLES } from '../access/roles';

/** Partners take part in a case only through the team and the consent; a school head added to a team is one too. */
export const PARTNER_ROLES: readonly Role[] = [Role.SCHOOL_STAFF, Role.POLICE_OFFICER, Role.LEISURE_STAFF, Role.AGENCY_LEAD];
export const COORDINATOR_ROLES: readonly Role[] = [Role.SSPF_COORDINATOR];

/** The district's coordinators run its cases: everything in a case. */
const coordinators = grant(COORDINATOR_ROLES, sameDistrict, LegalBasis.SAME_AGENCY);
/** Every social worker of the district learns that the child has a case and who coordinates it: no content. */
const socialServicesKnowCase = grant(SOCIAL_SERVICES_ROLES, sameDistrict, LegalBasis.SAME_AGENCY);
/** Need to know: the district's supervisors, and a social worker on the case's team. */
const supervisors = grant([Role.SOCIAL_SERVICES_SUPERVISOR], sameDistrict, LegalBasis.SAME_AGENCY);
const socialWorkerOnTeam = grant([Role.SOCIAL_WORKER], and(sameDistrict, onTeam), LegalBasis.SAME_AGENCY);
const socialServicesOwnAgency = [
  grant([Role.SOCIAL_SERVICES_SUPERVISOR], and(sameDistrict, sameAgency), LegalBasis.SAME_AGENCY),
  grant([Role.SOCIAL_WORKER], and(sameDistrict, onTeam, sameAgency), LegalBasis.SAME_AGENCY),
];
/** A partner on the team, while a valid consent covers their agency and the basic facts. */
const partner = grant(PARTNER_ROLES, teamMemberWithConsent(InformationCategory.BASIC_FACTS), LegalBasis.CONSENT);
/**
 * A part's content (a goal, an action's text, a note): the consent must cover the part's own category
 * (CASE_PART_CATEGORIES), and GDPR art. 10 keeps crime information from a private association whatever the consent says.
 */
const partnerContent = grant(PARTNER_ROLES, and(consentCoversCategory, publicAuthorityForCrimeData), LegalBasis.CONSENT);
/** ... and only the actions of their own agency. */
const partnerOwnAgency = grant(PARTNER_ROLES, and(teamMemberWithConsent(InformationCategory.BASIC_FACTS), sameAgency), LegalBasis.CONSENT);
const partnerOwnAgencyText = grant(PARTNER_ROLES, and(consentCoversCategory, sameAgency, publicAuthorityForCrimeData), LegalBasis.CONSENT);
/** A partner sees a meeting they attend and who else attends it (the attendance fact is the viewer's own). */
const partnerAttending = grant(PARTNER_ROLES, and(teamMemberWithConsent(InformationCategory.BASIC_FACTS), self), LegalBasis.CONSENT);

/**
 * Which consent category each part of a case falls under: a partner reads a part only when the consent covering
 * their agency names its category. What no category covers (the concern, the team, the consents, the history,
 * meeting minutes) is social services' own record and never reaches a partner.
 */
export const CASE_PART_CATEGORIES = {
  "the child, the youth's goals, meeting dates": InformationCategory.BASIC_FACTS,
  "an agency's goal":
    "the category of the goal's agency (school SCHOOL, leisure LEISURE, police POLICE_CONTACTS, social services SOCIAL_SERVICES_CONTACTS)",
  'an action and its notes': 'POLICE_CONTACTS for a police-related action, otherwise the category of the responsible agency',
} as const;

/** Everything in a case, and who may change it. */
export const CASE_WRITERS: readonly Grant[] = [coordinators];
/** Who loads a case at all, and reads that it exists and who coordinates it. */
export const CASE_READERS: readonly Grant[] = [coordinators, socialServicesKnowCase, partner];
/** Social services' own record of the case: concern, consents, team, history. */
export const CASE_RECORD_READERS: readonly Grant[] = [coordinators, supervisors, socialWorkerOnTeam];
/** What the team shares under the consent's basic facts: the child's name and age, the youth's goals. */
export const CASE_SHARED_READERS: readonly Grant[] = [coordinators, supervisors, socialWorkerOnTeam, partner];
/** A part whose content has its own category and may hold crime information. */
export const CASE_PART_READERS: readonly Grant[] = [coordinators, supervisors, socialWorkerOnTeam, partnerContent];
export const ACTION_READERS: readonly Grant[] = [coordinators, ...socialServicesOwnAgency, partnerOwnAgency];
export const ACTION_TEXT_READERS: readonly Grant[] = [coordinators, ...socialServicesOwnAgency, partnerOwnAgencyText];
/** Who may update an action and write notes on it: coordinators and the responsible agency's team members. */
export const ACTION_WRITERS: readonly Grant[] = [coordinators, partnerOwnAgency];
export const MEETING_READERS: readonly Grant[] = [coordinators, supervisors, socialWorkerOnTeam, partnerAttending];
/** Who may mark a text as holding criminal-offence data or not (GDPR art. 10): a public authority running the case. */
export const CRIME_MARKERS: readonly Grant[] = [grant(COORDINATOR_ROLES, and(sameDistrict, publicAuthorityOnly), LegalBasis.SAME_AGENCY)];
/** The agenda is a container; each case and action on it answers to its own grants. */
export const AGENDA_READERS: readonly Grant[] = [grant([...COORDINATOR_ROLES, ...SOCIAL_SERVICES_ROLES], always, null)];

/** The facts every grant on a case's parts reads: the case, its child and its district. */
export interface CaseFactsRow {
  readonly caseId: string;
  readonly childId: string;
  readonly districtId: string;
}

export const caseFacts = (row: CaseFactsRow) => ({ caseId: row.caseId, childId: row.childId, districtId: row.districtId });
