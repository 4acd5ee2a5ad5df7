import { reporterAgency, sameDistrict } from '../conditions';
import { LegalBasis } from '../legal-basis';
import { grant } from '../policy';
import { REPORTER_ROLES, SOCIAL_SERVICES_ROLES } from '../roles';

/** Social services in the child's district handle the report. */
const socialServices = grant(SOCIAL_SERVICES_ROLES, sameDistrict, LegalBasis.SAME_AGENCY);
/** The reporting agency reads back what it reported: its own information. */
const reporterOwnContent = grant(REPORTER_ROLES, reporterAgency, LegalBasis.SAME_AGENCY);
/** Feedback crosses from social services to the reporter under the duty to report (OSL 10:28). */
const reporterFeedback = grant(REPORTER_ROLES, reporterAgency, LegalBasis.REPORTING_DUTY);

/** Who may handle a report (and change it: the write side of the policy). */
export const REPORT_HANDLERS = [socialServices];
/** Who may load a report at all, and read what was reported. */
export const REPORT_READERS = [socialServices, reporterOwnContent];
/** Who may read the feedback. */
export const REPORT_FEEDBACK_READERS = [socialServices, reporterFeedback];
