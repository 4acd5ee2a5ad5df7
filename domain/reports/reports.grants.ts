import { and, filedByViewer, reporterAgency, sameDistrict } from '../access/conditions';
import { LegalBasis } from '../access/legal-basis';
import { grant, Grant } from '../access/policy';
import { Role, SOCIAL_SERVICES_ROLES } from '../access/roles';

/** Social services in the child's district handle the report. */
const socialServices = grant(SOCIAL_SERVICES_ROLES, sameDistrict, LegalBasis.SAME_AGENCY);

/**
 * Need to know inside the reporting agency: a teacher or leisure worker reads the reports they filed, the agency's lead
 * reads all of them, and police officers read their area's (the investigator is often not the one who filed).
 */
function reportingAgency(legalBasis: LegalBasis): Grant[] {
  return [
    grant([Role.SCHOOL_STAFF, Role.LEISURE_STAFF], and(reporterAgency, filedByViewer), legalBasis),
    grant([Role.AGENCY_LEAD, Role.POLICE_OFFICER], reporterAgency, legalBasis),
  ];
}

/** Who may handle a report (and change it: the write side of the policy). */
export const REPORT_HANDLERS = [socialServices];
/** Who may load a report at all, and read what was reported: the reporting agency reads its own information. */
export const REPORT_READERS = [socialServices, ...reportingAgency(LegalBasis.SAME_AGENCY)];
/** The filing police area updates what it told social services (LUL 5 §, the pre-investigation). */
export const POLICE_REPORT_UPDATERS = [grant([Role.POLICE_OFFICER], reporterAgency, LegalBasis.REPORTING_DUTY)];
/** Who may read the feedback: it crosses from social services to the reporter under the duty to report (OSL 10:28). */
export const REPORT_FEEDBACK_READERS = [socialServices, ...reportingAgency(LegalBasis.REPORTING_DUTY)];
