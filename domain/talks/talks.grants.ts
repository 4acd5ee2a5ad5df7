import { invitedToTalk, sameAgency, sameDistrict } from '../access/conditions';
import { LegalBasis } from '../access/legal-basis';
import { grant } from '../access/policy';
import { Role, SOCIAL_SERVICES_ROLES } from '../access/roles';

/** Social services in the child's district hold the talk. */
const socialServices = grant(SOCIAL_SERVICES_ROLES, sameDistrict, LegalBasis.SAME_AGENCY);
/** OSL 10 kap. 18 a §: social services tell the police what they need about someone under 21 at risk of crime: the talk they are invited to. */
const invitedPolice = grant([Role.POLICE_OFFICER], invitedToTalk, LegalBasis.SOCIAL_SERVICES_TO_POLICE_UNDER_21);
/** OSL 10 kap. 2 §: the invited SSPF/SSFF coordinator needs the talk's time, place and who comes. */
const invitedCoordinator = grant([Role.SSPF_COORDINATOR], invitedToTalk, LegalBasis.NECESSARY_DISCLOSURE);

/** Who may handle a talk (and change it), see its outcome and notes, and its district's workload and forum. */
export const TALK_HANDLERS = [socialServices];
/** Who may load a talk at all: time, place, the child's name and age, attendance. */
export const TALK_READERS = [socialServices, invitedPolice, invitedCoordinator];
/** A police clearance is also the recording police area's own record, invited to the talk or not. */
export const CLEARANCE_READERS = [...TALK_READERS, grant([Role.POLICE_OFFICER], sameAgency, LegalBasis.SAME_AGENCY)];

/** OSL 10 kap. 18 a §: the police in the forum's district see the agenda they decide on, as on a talk they are invited to. */
const forumPolice = grant([Role.POLICE_OFFICER], sameDistrict, LegalBasis.SOCIAL_SERVICES_TO_POLICE_UNDER_21);
/** OSL 10 kap. 2 §: the district's SSPF coordinator sits in the forum and needs the agenda to take part. */
const forumCoordinator = grant([Role.SSPF_COORDINATOR], sameDistrict, LegalBasis.NECESSARY_DISCLOSURE);

/** The forum's members: who may open its meetings and read the agenda's need-to-know facts. */
export const FORUM_MEMBERS = [socialServices, forumPolice, forumCoordinator];
