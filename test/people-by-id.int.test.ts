/**
 * People chosen by id: every mutation that takes a person accepts exactly whom its offering query lists. The attacks:
 * a Norr social worker puts a Syd colleague or officer on a Norr talk or report, a coordinator puts someone the
 * consent does not cover on the team, or someone off the team on an action or a meeting.
 */
import { FakeClock } from '../domain/time/clock';
import {
  addMember,
  agencyIdOf,
  COORDINATOR,
  insertChild,
  LEISURE,
  ok,
  openCase,
  POLICE,
  recordConsent,
  TEACHER,
  userIdOf,
} from './helpers/collaboration';
import { createTestApp, GraphQLResult, TestApp } from './helpers/test-app';

const SOCIAL_NORR = 'socsek.norr@samverka.test';
const SYD = { social: 'socsek.syd@samverka.test', police: 'polis.syd@samverka.test', leisure: 'fritid.syd@samverka.test' };
const DAY = 86_400_000;
const NOW = '2026-11-23T08:00:00Z';
const inDays = (days: number) => new Date(Date.parse(NOW) + days * DAY).toISOString();

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ clock: new FakeClock(NOW) });
});

afterAll(() => app?.close());

/** Refused as bad input on the field, and the message names nobody. */
async function expectRefused(result: GraphQLResult, field: string): Promise<void> {
  expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', field]]);
  const names = await app.sql(`SELECT display_name AS name, email FROM app_user`);
  for (const { name, email } of names) {
    expect(result.errors![0].message).not.toContain(name);
    expect(result.errors![0].message).not.toContain(email);
  }
}

async function norrTalk(key: string): Promise<string> {
  const [child] = await app.sql(
    `SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
  );
  const opened = await ok(
    app,
    SOCIAL_NORR,
    `mutation($c: ID!, $k: String!) { openTalk(input: { childId: $c, kind: SERIOUS_TALK, idempotencyKey: $k }) { id } }`,
    { c: child.id, k: key },
  );
  return opened.openTalk.id;
}

describe('talks', () => {
  it('addTalkParticipant refuses a Syd officer on a Norr talk, and invites nobody', async () => {
    const talkId = await norrTalk('people-invite');
    const result = await app.as(
      SOCIAL_NORR,
      `mutation($t: ID!, $u: ID!) { addTalkParticipant(input: { talkId: $t, role: POLICE_OFFICER, userId: $u }) { id } }`,
      { t: talkId, u: await userIdOf(app, SYD.police) },
    );
    await expectRefused(result, 'input.userId');
    expect(await app.sql(`SELECT count(*)::int AS n FROM talk_participant WHERE talk_id = $1 AND user_id IS NOT NULL`, [talkId])).toEqual([
      { n: 0 },
    ]);
  });

  it('assignTalk refuses a Syd social worker as responsible for a Norr talk', async () => {
    const talkId = await norrTalk('people-assign');
    const [before] = await app.sql(`SELECT responsible_user_id AS r FROM talk WHERE id = $1`, [talkId]);
    const result = await app.as(SOCIAL_NORR, `mutation($t: ID!, $u: ID!) { assignTalk(input: { talkId: $t, userId: $u }) { id } }`, {
      t: talkId,
      u: await userIdOf(app, SYD.social),
    });
    await expectRefused(result, 'input.userId');
    expect(await app.sql(`SELECT responsible_user_id AS r FROM talk WHERE id = $1`, [talkId])).toEqual([before]);
    const offered = await ok(app, 'chef.norr@samverka.test', `query($d: ID!) { staff(districtId: $d) { id } }`, {
      d: await app.idOf('district', 'code = $1', ['norr']),
    });
    const accepted = await app.as(SOCIAL_NORR, `mutation($t: ID!, $u: ID!) { assignTalk(input: { talkId: $t, userId: $u }) { id } }`, {
      t: talkId,
      u: offered.staff[0].id,
    });
    expect(accepted.errors).toBeUndefined();
  });

  it('recordDisclosure refuses an explainer who does not work for the agency that explained', async () => {
    const talkId = await norrTalk('people-disclosure');
    const socialNorr = await agencyIdOf(app, SOCIAL_NORR);
    const result = await app.as(SOCIAL_NORR, `mutation($i: RecordDisclosureInput!) { recordDisclosure(input: $i) { id } }`, {
      i: { talkId, agencyId: socialNorr, explainedByUserId: await userIdOf(app, SYD.social) },
    });
    await expectRefused(result, 'input.explainedByUserId');
    expect(await app.sql(`SELECT count(*)::int AS n FROM talk_disclosure WHERE talk_id = $1`, [talkId])).toEqual([{ n: 0 }]);
  });
});

describe('reports', () => {
  it('assignReport refuses a Syd social worker for a Norr report', async () => {
    const [child] = await app.sql(
      `SELECT c.id, c.district_id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
    );
    const [report] = await app.sql(
      `INSERT INTO report (reference, reporter_kind, channel, registered_by_user_id, child_id, child_as_reported, district_id, policy_version, category, description, feedback_requested, received_at)
       SELECT 'OA-PEOPLE-1', 'POLICE', 'DIGITAL', id, $1, 'x', $2, 1, 'OTHER', 'x', false, now() FROM app_user WHERE email = 'polis.norr@samverka.test'
       RETURNING id, responsible_user_id AS r`,
      [child.id, child.district_id],
    );
    const result = await app.as(SOCIAL_NORR, `mutation($r: ID!, $u: ID!) { assignReport(input: { reportId: $r, userId: $u }) { id } }`, {
      r: report.id,
      u: await userIdOf(app, SYD.social),
    });
    await expectRefused(result, 'input.userId');
    expect(await app.sql(`SELECT id, responsible_user_id AS r FROM report WHERE id = $1`, [report.id])).toEqual([report]);
  });
});

describe('collaboration', () => {
  async function caseWithLeisureTeam(name: string): Promise<string> {
    const { childId, guardianIds } = await insertChild(app, '2012-03-15', name);
    const caseId = await openCase(app, childId);
    const consent = await recordConsent(app, {
      caseId,
      givenByYouth: true,
      guardianIds,
      agencyIds: [await agencyIdOf(app, LEISURE), await agencyIdOf(app, TEACHER)],
    });
    expect(consent.errors).toBeUndefined();
    expect((await addMember(app, caseId, LEISURE)).errors).toBeUndefined();
    return caseId;
  }

  it('addTeamMember refuses someone teamCandidates does not offer, and adds nobody', async () => {
    const caseId = await caseWithLeisureTeam('Ines');
    const offered = (
      await ok(app, COORDINATOR, `query($id: ID!) { teamCandidates(caseId: $id) { id } }`, { id: caseId })
    ).teamCandidates.map((c: { id: string }) => c.id);
    for (const outsider of [SYD.leisure, POLICE]) {
      expect(offered).not.toContain(await userIdOf(app, outsider));
      await expectRefused(await addMember(app, caseId, outsider), 'input.userId');
    }
    expect(await app.sql(`SELECT count(*)::int AS n FROM collaboration_team_member WHERE case_id = $1`, [caseId])).toEqual([{ n: 1 }]);
  });

  it('addPlanAction refuses an owner who is neither on the team nor the coordinator', async () => {
    const caseId = await caseWithLeisureTeam('Juni');
    const result = await app.as(COORDINATOR, `mutation($i: AddPlanActionInput!) { addPlanAction(input: $i) { id } }`, {
      i: {
        caseId,
        kind: 'LEISURE_ACTIVITY',
        description: 'Hitta en aktivitet',
        responsibleUserId: await userIdOf(app, SYD.leisure),
        dueAt: inDays(10),
      },
    });
    await expectRefused(result, 'input.responsibleUserId');
    expect(await app.sql(`SELECT count(*)::int AS n FROM plan_action WHERE case_id = $1`, [caseId])).toEqual([{ n: 0 }]);
  });

  it('scheduleFollowUp and recordFollowUp refuse attendees off the team', async () => {
    const caseId = await caseWithLeisureTeam('Kaja');
    const outsider = await userIdOf(app, TEACHER);
    const scheduled = await app.as(COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
      i: { caseId, kind: 'NETWORK_MEETING', scheduledAt: inDays(3), attendeeUserIds: [outsider] },
    });
    await expectRefused(scheduled, 'input.attendeeUserIds');
    expect(await app.sql(`SELECT count(*)::int AS n FROM collaboration_meeting WHERE case_id = $1`, [caseId])).toEqual([{ n: 0 }]);

    const meeting = await ok(app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
      i: { caseId, kind: 'NETWORK_MEETING', scheduledAt: inDays(3), attendeeUserIds: [await userIdOf(app, LEISURE)] },
    });
    const recorded = await app.as(COORDINATOR, `mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { id } }`, {
      i: { meetingId: meeting.scheduleFollowUp.id, decisions: 'Fortsätt', attendeeUserIds: [outsider] },
    });
    await expectRefused(recorded, 'input.attendeeUserIds');
    expect(await app.sql(`SELECT held_at FROM collaboration_meeting WHERE id = $1`, [meeting.scheduleFollowUp.id])).toEqual([
      { held_at: null },
    ]);
  });
});
