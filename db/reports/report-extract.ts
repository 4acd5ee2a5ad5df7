import { SecrecyMark } from '../../domain/retention/extract-rules';
import { extractSection } from '../personal-data/personal-data';

const REPORTER = `'reporter_kind', 'reporter_agency_id', 'registered_by_user_id', 'reporter_contact'`;
const POLICE = `'police_reference', 'suspected_offence', 'offence_can_lead_to_prison', 'first_known_suspicion', 'pre_investigation_running'`;

/** The reports on the child: the reporter's identity and the police's information are parts of their own, for the reviewer. */
export const REPORT_EXTRACT = extractSection([
  {
    key: 'reports.content',
    title: 'Orosanmälningar',
    sql: `SELECT to_jsonb(r) - ARRAY[${REPORTER}, ${POLICE}] AS row FROM report r WHERE r.child_id = $1 ORDER BY r.received_at, r.id`,
  },
  {
    key: 'reports.reporter',
    title: 'Anmälare',
    sql: `SELECT jsonb_build_object('reference', r.reference) || (to_jsonb(r) - ARRAY(SELECT k FROM jsonb_object_keys(to_jsonb(r)) k WHERE k NOT IN (${REPORTER}))) AS row
           FROM report r WHERE r.child_id = $1 ORDER BY r.received_at, r.id`,
    marks: [SecrecyMark.REPORTER_IDENTITY],
  },
  {
    key: 'reports.police',
    title: 'Polisens uppgifter',
    sql: `SELECT jsonb_build_object('reference', r.reference) || (to_jsonb(r) - ARRAY(SELECT k FROM jsonb_object_keys(to_jsonb(r)) k WHERE k NOT IN (${POLICE}))) AS row
           FROM report r WHERE r.child_id = $1 AND (r.police_reference IS NOT NULL OR r.suspected_offence IS NOT NULL) ORDER BY r.received_at, r.id`,
    marks: [SecrecyMark.POLICE_PRE_INVESTIGATION],
  },
  {
    key: 'reports.extensions',
    title: 'Förlängda utredningar',
    sql: `SELECT to_jsonb(e) AS row FROM investigation_extension e JOIN report r ON r.id = e.report_id WHERE r.child_id = $1 ORDER BY e.decided_at, e.id`,
  },
]);
