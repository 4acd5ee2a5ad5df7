import { SecrecyMark } from '../../domain/retention/extract-rules';
import { extractSection } from '../personal-data/personal-data';

const ofChild = (table: string, alias: string, order: string) =>
  `SELECT to_jsonb(${alias}) AS row FROM ${table} ${alias} JOIN collaboration_case c ON c.id = ${alias}.case_id WHERE c.child_id = $1 ORDER BY ${order}`;

/** SSPF/SSFF cases: the plan's texts may be police information, the team are other people. */
export const COLLABORATION_EXTRACT = extractSection([
  {
    key: 'collaboration.cases',
    title: 'Samverkansärenden',
    sql: `SELECT to_jsonb(c) AS row FROM collaboration_case c WHERE c.child_id = $1 ORDER BY c.id`,
  },
  { key: 'collaboration.states', title: 'Ärendets förlopp', sql: ofChild('collaboration_case_state', 's', 's.id') },
  {
    key: 'collaboration.team',
    title: 'Teamet',
    sql: ofChild('collaboration_team_member', 'm', 'm.id'),
    marks: [SecrecyMark.OTHER_PERSONS],
  },
  { key: 'collaboration.goals', title: 'Mål', sql: ofChild('plan_goal', 'g', 'g.id'), marks: [SecrecyMark.POLICE_PRE_INVESTIGATION] },
  {
    key: 'collaboration.actions',
    title: 'Insatser',
    sql: ofChild('plan_action', 'a', 'a.id'),
    marks: [SecrecyMark.POLICE_PRE_INVESTIGATION],
  },
  {
    key: 'collaboration.notes',
    title: 'Anteckningar om insatser',
    sql: `SELECT to_jsonb(n) AS row FROM plan_action_note n JOIN plan_action a ON a.id = n.action_id JOIN collaboration_case c ON c.id = a.case_id
           WHERE c.child_id = $1 ORDER BY n.id`,
    marks: [SecrecyMark.POLICE_PRE_INVESTIGATION, SecrecyMark.OTHER_PERSONS],
  },
  { key: 'collaboration.meetings', title: 'Möten', sql: ofChild('collaboration_meeting', 'm', 'm.id'), marks: [SecrecyMark.OTHER_PERSONS] },
]);
