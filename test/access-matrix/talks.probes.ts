import { luhnCheckDigit } from '../../domain/children/personal-identity-number';
import { TestApp } from '../helpers/test-app';
import { Facts, ProbeContext, QueryProbes } from './probe';

/**
 * Talks: a first suspicion at 13 in Norr opens a talk; the Norr police officer and coordinator are invited, it is
 * summoned, scheduled and explained; a Syd report waits for Syd's forum (FORUM_DECIDES).
 */
export async function fixtures(app: TestApp) {
  const birth = '20130815';
  const pnr = `${birth}123${luhnCheckDigit(`${birth.slice(2)}123`)}`;
  const report = await app.as('polis.norr@samverka.test', `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`, {
    i: {
      policeReference: 'K-MATRIX-TALK/26',
      child: { personalIdentityNumber: pnr },
      category: 'SUSPECTED_CRIME',
      description: 'Matris samtal.',
      firstKnownSuspicion: true,
      preInvestigationRunning: false,
      guardianContactOnHold: false,
      feedbackRequested: false,
      idempotencyKey: 'matrix-talk-1',
    },
  });
  const [{ id: talkId }] = await app.sql(`SELECT id FROM talk WHERE report_id = $1`, [report.data.reportConcern.id]);
  const socsek = 'socsek.norr@samverka.test';
  const call = (name: string, type: string, input: Record<string, unknown>, email = socsek) =>
    app.as(email, `mutation($i: ${type}!) { ${name}(input: $i) { __typename } }`, { i: input });
  for (const email of ['polis.norr@samverka.test', 'sspf.norr@samverka.test', socsek]) {
    const role = { 'polis.norr@samverka.test': 'POLICE_OFFICER', 'sspf.norr@samverka.test': 'COORDINATOR' }[email] ?? 'SOCIAL_WORKER';
    await call('addTalkParticipant', 'AddTalkParticipantInput', {
      talkId,
      role,
      userId: await app.idOf('app_user', 'email = $1', [email]),
    });
  }
  await call('addTalkParticipant', 'AddTalkParticipantInput', { talkId, role: 'INTERPRETER', name: 'Tolk Matris' });
  await call('summonTalk', 'SummonTalkInput', { talkId });
  await call(
    'recordPoliceClearance',
    'RecordPoliceClearanceInput',
    { talkId, kind: 'PRE_INVESTIGATION', note: 'Matris klartecken.' },
    'polis.norr@samverka.test',
  );
  await call('scheduleTalk', 'ScheduleTalkInput', { talkId, scheduledAt: '2026-11-24T13:00:00Z', location: 'Socialkontoret Norr' });
  const socsekId = await app.idOf('app_user', 'email = $1', [socsek]);
  const [{ agency_id: socAgency }] = await app.sql(`SELECT agency_id FROM app_user WHERE id = $1`, [socsekId]);
  await call('recordDisclosure', 'RecordDisclosureInput', { talkId, agencyId: socAgency, explainedByUserId: socsekId });
  const sydId = await app.idOf('district', 'code = $1', ['syd']);
  await app.as('admin@samverka.test', `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { id } }`, {
    i: { districtId: sydId, talkDeadlineMode: 'FORUM_DECIDES' },
  });
  const sydPnr = `${birth}124${luhnCheckDigit(`${birth.slice(2)}124`)}`;
  await app.as('polis.syd@samverka.test', `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`, {
    i: {
      policeReference: 'K-MATRIX-FORUM/26',
      child: { personalIdentityNumber: sydPnr },
      category: 'SUSPECTED_CRIME',
      description: 'Matris forum.',
      firstKnownSuspicion: true,
      preInvestigationRunning: false,
      guardianContactOnHold: false,
      feedbackRequested: false,
      idempotencyKey: 'matrix-forum-1',
    },
  });
  await call('createForumMeeting', 'CreateForumMeetingInput', { districtId: sydId, meetsOn: '2026-11-24' }, 'socsek.syd@samverka.test');
}

export async function facts(app: TestApp): Promise<[string, Facts][]> {
  const talks = await app.sql(`SELECT id, district_id FROM talk`);
  const parts = await app.sql(`SELECT p.id, t.id AS talk_id, t.district_id FROM talk_participant p JOIN talk t ON t.id = p.talk_id
      UNION ALL SELECT s.id, t.id, t.district_id FROM talk_disclosure s JOIN talk t ON t.id = s.talk_id`);
  const forum = await app.sql(
    `SELECT m.id, m.district_id FROM forum_meeting m UNION ALL SELECT i.id, m.district_id FROM forum_item i JOIN forum_meeting m ON m.id = i.meeting_id`,
  );
  return [
    ...talks.map((t): [string, Facts] => [t.id, { entityId: t.id, districtId: t.district_id, talkId: t.id }]),
    ...parts.map((p): [string, Facts] => [p.id, { entityId: p.id, districtId: p.district_id, talkId: p.talk_id }]),
    ...forum.map((f): [string, Facts] => [f.id, { entityId: f.id, districtId: f.district_id }]),
  ];
}

const talk = async (p: ProbeContext) => (await p.app.sql(`SELECT id, child_id, report_id, district_id FROM talk`))[0];

export const PROBES: QueryProbes = {
  talk: async (p) => {
    const { id } = await talk(p);
    await p.probe('talk', `query($id: ID!) { talk(id: $id) { ${p.select('Talk', 2)} } }`, { id }, p.factsById.get(id)!);
  },
  talksForChild: async (p) =>
    p.probe('talksForChild', `query($id: ID!) { talksForChild(childId: $id) { ${p.select('Talk', 2)} } }`, {
      id: (await talk(p)).child_id,
    }),
  talkInvitees: async (p) => {
    // Staff of the talk's district are listed to those who handle talks there (another district's talk is not found).
    const [own] = await p.app.sql(`SELECT id FROM talk WHERE district_id = ANY($1::uuid[])`, [[...p.scope.districtIds]]);
    if (!own) return;
    await p.probe('talkInvitees', `query($id: ID!) { talkInvitees(talkId: $id, role: POLICE_OFFICER) { ${p.select('StaffMember', 1)} } }`, {
      id: own.id,
    });
  },
  myTalks: (p) => p.probe('myTalks', `{ myTalks { ${p.select('Talk', 2)} } }`),
  talksDue: async (p) => {
    const d = (await talk(p)).district_id;
    await p.probe(
      'talksDue',
      `query($d: ID!) { talksDue(districtId: $d, from: "2026-11-23T00:00:00Z", to: "2026-12-07T00:00:00Z") { ${p.select('TalksDue', 2)} } }`,
      { d },
      { districtId: d },
    );
  },
  reportTalkAssessment: async (p) => {
    const row = await talk(p);
    await p.probe(
      'reportTalkAssessment',
      `query($id: ID!) { reportTalkAssessment(reportId: $id) { ${p.select('TalkAssessment', 2)} } }`,
      { id: row.report_id },
      { entityId: row.report_id, districtId: row.district_id },
    );
  },
  forumMeeting: async (p) => {
    const [{ id }] = await p.app.sql(`SELECT id FROM forum_meeting`);
    await p.probe(
      'forumMeeting',
      `query($id: ID!) { forumMeeting(id: $id) { ${p.select('ForumMeeting', 2)} } }`,
      { id },
      p.factsById.get(id)!,
    );
  },
  forumMeetings: async (p) => {
    const [{ id }] = await p.app.sql(`SELECT id FROM forum_meeting`);
    const d = p.factsById.get(id)!.districtId;
    await p.probe(
      'forumMeetings',
      `query($d: ID!) { forumMeetings(districtId: $d, from: "2026-11-01", to: "2026-12-31") { ${p.select('ForumMeeting', 2)} } }`,
      { d },
      { districtId: d },
    );
  },
};
