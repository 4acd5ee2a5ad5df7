/**
 * SSPF / SSFF cases as coordinators run them (issue 22): one open case per child and model,
 * consent by age, and the goals answered as saved. Through the GraphQL API on a fake clock.
 */
import { DAY_MS, HOUR_MS } from '../domain/time/clock';
import {
  addMember,
  agencyIdOf,
  COORDINATOR,
  insertChild,
  key,
  LEISURE,
  ok,
  openCase,
  recordConsent,
  SOCIAL_WORKER,
  TEACHER,
} from './helpers/collaboration';
import { at, ok as answered, T0, talkSteps } from './helpers/talk-steps';
import { freshAppPerTest } from './helpers/test-app';

const t = freshAppPerTest(T0);
const s = talkSteps(t);

const OPEN = `mutation($i: OpenCollaborationCaseInput!) { openCollaborationCase(input: $i) { id reference } }`;
const STATE = `query($id: ID!) { collaborationCase(id: $id) { state } }`;

describe('one open case per child and model', () => {
  it('the coordinator is refused a second case and told the open one; a talk referral goes to that case and its notification links to it', async () => {
    const { childId } = await insertChild(t.app, '2013-03-15', 'Nora');
    const caseId = await openCase(t.app, childId);
    const [{ reference }] = await t.app.sql(`SELECT reference FROM collaboration_case WHERE id = $1`, [caseId]);

    const second = await t.app.as(COORDINATOR, OPEN, { i: { childId, concern: 'Polisen oroar sig också.', idempotencyKey: key() } });
    expect(second.errors![0].extensions).toMatchObject({ code: 'CONFLICT', openCase: { id: caseId, reference } });
    expect(second.errors![0].message).toContain(reference);

    // The social worker's talk with the child refers to SSPF: no second case, the open one's coordinator is told.
    const talk = answered(
      await s.mutate(SOCIAL_WORKER, 'openTalk', 'OpenTalkInput', { childId, kind: 'SERIOUS_TALK', idempotencyKey: key() }, 'id'),
    ).openTalk;
    answered(await s.mutate(SOCIAL_WORKER, 'summonTalk', 'SummonTalkInput', { talkId: talk.id }, 'id'));
    await s.bookAndDisclose('norr', talk.id, at(2 * HOUR_MS));
    t.clock.set(at(3 * HOUR_MS));
    answered(await s.mutate(SOCIAL_WORKER, 'holdTalk', 'HoldTalkInput', { talkId: talk.id }, 'id'));
    answered(
      await s.mutate(
        SOCIAL_WORKER,
        'recordTalkOutcome',
        'RecordTalkOutcomeInput',
        { talkId: talk.id, outcomes: ['REFERRED_TO_SSPF'] },
        'id',
      ),
    );

    expect(await t.app.sql(`SELECT id FROM collaboration_case WHERE child_id = $1`, [childId])).toEqual([{ id: caseId }]);
    const notes = await t.app.sql(
      `SELECT n.title, n.subject_type AS "subjectType", n.subject_id AS "subjectId" FROM notification n JOIN app_user u ON u.id = n.user_id
      WHERE u.email = $1 AND n.kind = 'COLLABORATION_REFERRAL'`,
      [COORDINATOR],
    );
    expect(notes).toEqual([{ title: expect.stringContaining(reference), subjectType: 'COLLABORATION_CASE', subjectId: caseId }]);
  });
});

describe('consent by age', () => {
  it("a 16-year-old's own consent does not open the case to partners; with the guardians' it does", async () => {
    const { childId, guardianIds } = await insertChild(t.app, '2010-03-15', 'Sam');
    const caseId = await openCase(t.app, childId);
    const agencyIds = [await agencyIdOf(t.app, TEACHER)];
    expect((await recordConsent(t.app, { caseId, givenByYouth: true, agencyIds })).data.recordConsent.state).toBe('CONSENT_PENDING');
    expect((await addMember(t.app, caseId, TEACHER)).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.userId',
    });

    expect((await recordConsent(t.app, { caseId, givenByYouth: true, guardianIds, agencyIds })).data.recordConsent.state).toBe('MAPPING');
    expect((await addMember(t.app, caseId, TEACHER)).errors).toBeUndefined();
  });

  it('under 15 the guardians consent, the child heard; the youth alone cannot', async () => {
    const { childId, guardianIds } = await insertChild(t.app, '2013-03-15', 'Ali');
    const caseId = await openCase(t.app, childId);
    const agencyIds = [await agencyIdOf(t.app, LEISURE)];
    expect((await recordConsent(t.app, { caseId, givenByYouth: true, agencyIds })).data.recordConsent.state).toBe('CONSENT_PENDING');
    expect((await recordConsent(t.app, { caseId, givenByYouth: false, guardianIds, agencyIds })).data.recordConsent.state).toBe('MAPPING');
  });

  it("the ages are district settings: where the youth consents alone from 16, a 16-year-old's consent is enough", async () => {
    await s.setPolicy('norr', { consentAdultAge: 16 });
    const { childId } = await insertChild(t.app, '2010-03-15', 'Kim');
    const caseId = await openCase(t.app, childId);
    expect(
      (await recordConsent(t.app, { caseId, givenByYouth: true, agencyIds: [await agencyIdOf(t.app, TEACHER)] })).data.recordConsent.state,
    ).toBe('MAPPING');
    expect((await ok(t.app, COORDINATOR, STATE, { id: caseId })).collaborationCase.state).toBe('MAPPING');
  });
});

describe('setGoals', () => {
  it('answers with the goals it saved', async () => {
    const { childId, guardianIds } = await insertChild(t.app, '2012-03-15', 'Noa');
    const caseId = await openCase(t.app, childId);
    await recordConsent(t.app, { caseId, givenByYouth: false, guardianIds, agencyIds: [await agencyIdOf(t.app, TEACHER)] });
    const saved = await ok(t.app, COORDINATOR, `mutation($i: SetGoalsInput!) { setGoals(input: $i) { youthGoals agencyGoals { text } } }`, {
      i: {
        caseId,
        youthGoals: [' Gå till skolan varje dag '],
        agencyGoals: [{ agencyId: await agencyIdOf(t.app, TEACHER), text: 'Närvaro över 90 %' }],
        firstFollowUpAt: new Date(new Date(T0).getTime() + 28 * DAY_MS).toISOString(),
      },
    });
    expect(saved.setGoals).toEqual({ youthGoals: ['Gå till skolan varje dag'], agencyGoals: [{ text: 'Närvaro över 90 %' }] });
  });
});
