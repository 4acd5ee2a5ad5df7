import { ProbeContext, QueryProbes } from './probe';

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
