import { SecrecyMark } from '../../domain/retention/extract-rules';
import { extractSection } from '../personal-data/personal-data';

/** Talks: the talk, its assessment and forum decisions; participants and disclosures name other people. */
export const TALK_EXTRACT = extractSection([
  {
    key: 'talks.talks',
    title: 'Allvarssamtal',
    sql: `SELECT to_jsonb(t) AS row FROM talk t WHERE t.child_id = $1 ORDER BY t.created_at, t.id`,
    marks: [SecrecyMark.POLICE_PRE_INVESTIGATION],
  },
  {
    key: 'talks.assessments',
    title: 'Bedömning av samtal',
    sql: `SELECT to_jsonb(a) AS row FROM talk_assessment a JOIN report r ON r.id = a.report_id WHERE r.child_id = $1 ORDER BY a.assessed_at`,
  },
  {
    key: 'talks.participants',
    title: 'Deltagare i samtal',
    sql: `SELECT to_jsonb(p) AS row FROM talk_participant p JOIN talk t ON t.id = p.talk_id WHERE t.child_id = $1 ORDER BY p.id`,
    marks: [SecrecyMark.OTHER_PERSONS],
  },
  {
    key: 'talks.disclosures',
    title: 'Information om utlämnande',
    sql: `SELECT to_jsonb(d) AS row FROM talk_disclosure d JOIN talk t ON t.id = d.talk_id WHERE t.child_id = $1 ORDER BY d.id`,
    marks: [SecrecyMark.OTHER_PERSONS],
  },
  {
    key: 'talks.clearances',
    title: 'Klarering inför samtal',
    sql: `SELECT to_jsonb(c) AS row FROM talk_clearance c JOIN talk t ON t.id = c.talk_id WHERE t.child_id = $1`,
    marks: [SecrecyMark.POLICE_PRE_INVESTIGATION],
  },
  {
    key: 'talks.forum',
    title: 'Beslut i samverkansforum',
    sql: `SELECT to_jsonb(f) AS row FROM forum_item f JOIN report r ON r.id = f.report_id WHERE r.child_id = $1 ORDER BY f.id`,
  },
]);
