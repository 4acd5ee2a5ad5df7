/**
 * The weekly forum (issue 28) through the GraphQL API on a real database with a fake clock: the states a report goes
 * through in a district whose forum decides, what the forum's police and SSPF coordinator may see of the agenda, and the
 * bad decisions that must write nothing.
 */
import { District, ok, personalNumberAged, T0, talkSteps, who } from './helpers/talk-steps';
import { freshAppPerTest, GraphQLResult } from './helpers/test-app';

const SOCSEK = who('socsek', 'norr');

const ITEM = `id meetsOn reportReference childName childAge category suspectedOffence preInvestigationRunning earlierReports earlierTalks
  holdTalk withUniformedPolice holderKind targetDate decidedAt decidedBy noReason noReasonText report { id } talk { id reference }`;
const MEETING = `id meetsOn items { ${ITEM} }`;
const STANDING = `standing eligible talk { id reference } forumItem { meetsOn holdTalk targetDate decidedAt decidedBy noReason noReasonText }`;

const t = freshAppPerTest(T0);
const s = talkSteps(t);
let districtId: string;

function errorOf(result: GraphQLResult) {
  expect(result.errors?.length).toBeGreaterThan(0);
  return { code: result.errors![0].extensions?.code, field: result.errors![0].extensions?.field };
}

const policeReport = async (district: District, age: number, overrides: Record<string, unknown> = {}) =>
  (
    await s.policeReport(
      district,
      { personalIdentityNumber: personalNumberAged(age) },
      { description: 'Misstänkt för rån för första gången.', suspectedOffence: 'Rån', feedbackRequested: false, ...overrides },
    )
  ).reportId;

const standing = async (reportId: string) =>
  ok(await t.app.as(SOCSEK, `query($r: ID!) { reportTalkAssessment(reportId: $r) { ${STANDING} } }`, { r: reportId })).reportTalkAssessment;
const createMeeting = async (email: string, district: string, meetsOn: string) =>
  t.app.as(email, `mutation($i: CreateForumMeetingInput!) { createForumMeeting(input: $i) { ${MEETING} } }`, {
    i: { districtId: district, meetsOn },
  });
const decideItem = (input: Record<string, unknown>, email = SOCSEK) =>
  t.app.as(email, `mutation($i: DecideForumItemInput!) { decideForumItem(input: $i) { ${MEETING} } }`, { i: input });
const meetings = (email: string, district: string, from: string, to: string, fields = MEETING) =>
  t.app.as(email, `query($d: ID!, $f: String!, $t: String!) { forumMeetings(districtId: $d, from: $f, to: $t) { ${fields} } }`, {
    d: district,
    f: from,
    t: to,
  });

const setForum = (district: District) => s.setPolicy(district, { talkDeadlineMode: 'FORUM_DECIDES' });

/** What a bad decision could have written: the items' decisions, the talks, the assessments. */
const writtenState = () =>
  t.app.sql(`SELECT
  (SELECT count(*)::int FROM forum_item WHERE decided_at IS NOT NULL) AS decided,
  (SELECT count(*)::int FROM talk) AS talks,
  (SELECT count(*)::int FROM talk_assessment WHERE decided_at IS NOT NULL) AS assessed`);

beforeEach(async () => {
  districtId = await setForum('norr');
});

describe('the weekly forum', () => {
  it('a report goes from awaiting the forum, to its meeting, to a yes with its talk or a no with its reason; the minutes list both', async () => {
    // An earlier worry without a suspicion: with a suspicion, social services would know this is not the first time (issue 22).
    const earlier = await policeReport('norr', 14, { firstKnownSuspicion: false, category: 'CRIMINAL_BEHAVIOUR', suspectedOffence: null });
    const pin = (
      await t.app.sql(`SELECT c.personal_identity_number AS pin FROM report r JOIN child c ON c.id = r.child_id WHERE r.id = $1`, [earlier])
    )[0].pin;
    const yes = await policeReport('norr', 14, { child: { personalIdentityNumber: pin }, preInvestigationRunning: true });
    const no = await policeReport('norr', 12);

    // No forum yet: the report says it waits for the forum, not that a talk failed to open.
    expect(await standing(yes)).toMatchObject({ standing: 'AWAITING_FORUM', eligible: true, talk: null, forumItem: null });
    expect(await standing(earlier)).toMatchObject({ standing: 'NOT_ELIGIBLE' });

    const meeting = ok(await createMeeting(SOCSEK, districtId, '2026-11-24')).createForumMeeting;
    const [yesItem, noItem] = meeting.items;
    expect(yesItem).toMatchObject({
      meetsOn: '2026-11-24',
      childAge: 14,
      category: 'SUSPECTED_CRIME',
      suspectedOffence: 'Rån',
      preInvestigationRunning: true,
      earlierReports: 1,
      earlierTalks: 0,
      holdTalk: null,
      report: { id: yes },
    });
    expect(noItem).toMatchObject({ childAge: 12, earlierReports: 0, report: { id: no } });
    expect(await standing(yes)).toMatchObject({ standing: 'AWAITING_FORUM', forumItem: { meetsOn: '2026-11-24', holdTalk: null } });

    const decided = ok(
      await decideItem({
        itemId: yesItem.id,
        holdTalk: true,
        withUniformedPolice: false,
        holderKind: 'SOCIAL_WORKER_AT_POLICE',
        targetDate: '2026-11-27',
      }),
    );
    ok(
      await decideItem({ itemId: noItem.id, holdTalk: false, noReason: 'OTHER', noReasonText: '  Familjen flyttar till annan kommun.  ' }),
    );

    const yesNow = await standing(yes);
    expect(yesNow).toMatchObject({
      standing: 'TALK_OPENED',
      talk: { id: decided.decideForumItem.items[0].talk.id },
      forumItem: { holdTalk: true, targetDate: '2026-11-27', decidedBy: expect.any(String) },
    });
    expect(await standing(no)).toMatchObject({
      standing: 'DECLINED_BY_FORUM',
      talk: null,
      forumItem: {
        holdTalk: false,
        noReason: 'OTHER',
        noReasonText: 'Familjen flyttar till annan kommun.',
        decidedAt: T0.replace('Z', '.000Z'),
        decidedBy: expect.any(String),
      },
    });

    // A new week's agenda has nothing left to decide; last week's minutes keep both decisions.
    expect(ok(await createMeeting(SOCSEK, districtId, '2026-12-01')).createForumMeeting.items).toEqual([]);
    const list = ok(await meetings(SOCSEK, districtId, '2026-11-01', '2026-12-31')).forumMeetings;
    expect(list.map((m: any) => m.meetsOn)).toEqual(['2026-12-01', '2026-11-24']);
    expect(list[1].items.map((i: any) => [i.holdTalk, i.noReason])).toEqual([
      [true, null],
      [false, 'OTHER'],
    ]);
  });

  it('a report with no forum that opened no talk says so, distinct from one waiting for the forum', async () => {
    const sydReport = await policeReport('syd', 13);
    await t.app.sql(`UPDATE talk_assessment SET talk_id = NULL WHERE report_id = $1`, [sydReport]);
    const seen = ok(
      await t.app.as(who('socsek', 'syd'), `query($r: ID!) { reportTalkAssessment(reportId: $r) { standing } }`, { r: sydReport }),
    );
    expect(seen.reportTalkAssessment.standing).toBe('NO_TALK');
  });

  it("the district's police and SSPF coordinator read the agenda's need-to-know facts, each read recorded with its legal basis; other districts get NOT_FOUND", async () => {
    const reportId = await policeReport('norr', 13);
    ok(await createMeeting(SOCSEK, districtId, '2026-11-24'));
    for (const [email, basis] of [
      [who('polis', 'norr'), 'SOCIAL_SERVICES_TO_POLICE_UNDER_21'],
      [who('sspf', 'norr'), 'NECESSARY_DISCLOSURE'],
    ]) {
      const seen = await meetings(email, districtId, '2026-11-23', '2026-11-29');
      const [item] = seen.data!.forumMeetings[0].items;
      expect(item).toMatchObject({
        childAge: 13,
        suspectedOffence: 'Rån',
        preInvestigationRunning: false,
        report: null,
        talk: null,
        decidedBy: null,
      });
      expect(seen.errors!.map((e) => e.extensions?.code)).toEqual(expect.arrayContaining(['FORBIDDEN']));
      const audit = await t.app.sql(
        `SELECT DISTINCT a.legal_basis, a.outcome FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE u.email = $1 AND a.entity_type = 'ForumItem' AND a.action = 'READ'`,
        [email],
      );
      expect(audit).toEqual(expect.arrayContaining([{ legal_basis: basis, outcome: 'ALLOWED' }]));
      // Members read; only social services decide.
      expect(errorOf(await decideItem({ itemId: item.id, holdTalk: false, noReason: 'ALREADY_IN_CONTACT' }, email)).code).toBe('FORBIDDEN');
    }
    expect(reportId).toBeTruthy();
    for (const email of [who('polis', 'syd'), who('socsek', 'syd'), who('sspf', 'syd')]) {
      expect(errorOf(await meetings(email, districtId, '2026-11-23', '2026-11-29')).code).toBe('NOT_FOUND');
    }
  });

  describe('bad decisions: a clear error naming the field, nothing written', () => {
    let itemId: string;
    beforeEach(async () => {
      await policeReport('norr', 13);
      itemId = ok(await createMeeting(SOCSEK, districtId, '2026-11-24')).createForumMeeting.items[0].id;
    });

    it.each([
      ['"no" without a reason', { holdTalk: false }, 'BAD_USER_INPUT', 'input.noReason'],
      ['"no" for another reason without its text', { holdTalk: false, noReason: 'OTHER' }, 'BAD_USER_INPUT', 'input.noReasonText'],
      ['"yes" without a date', { holdTalk: true, withUniformedPolice: true }, 'BAD_USER_INPUT', 'input.targetDate'],
      ['"yes" with a target date in the past', { holdTalk: true, targetDate: '2026-11-22' }, 'BAD_USER_INPUT', 'input.targetDate'],
      [
        '"yes" carrying a reason for no',
        { holdTalk: true, targetDate: '2026-11-27', noReason: 'OTHER' },
        'BAD_USER_INPUT',
        'input.noReason',
      ],
    ])('%s', async (_, input, code, field) => {
      const before = await writtenState();
      expect(errorOf(await decideItem({ itemId, ...input }))).toEqual({ code, field });
      expect(await writtenState()).toEqual(before);
    });

    it("deciding an item of another district's forum: NOT_FOUND, nothing written", async () => {
      const before = await writtenState();
      expect(errorOf(await decideItem({ itemId, holdTalk: true, targetDate: '2026-11-27' }, who('socsek', 'syd')))).toEqual({
        code: 'NOT_FOUND',
        field: 'input.itemId',
      });
      expect(await writtenState()).toEqual(before);
    });
  });
});
