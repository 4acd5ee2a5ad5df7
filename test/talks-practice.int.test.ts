/**
 * Serious talks as practitioners run them (issue 22): the police's word read where it is needed,
 * the times things happened, one talk per child. Through the GraphQL API on a fake clock.
 */
import { HOUR_MS } from '../domain/time/clock';
import { freshAppPerTest } from './helpers/test-app';
import { at, errorOf, ok, personalNumberAged, T0, talkSteps, who } from './helpers/talk-steps';

const t = freshAppPerTest(T0);
const s = talkSteps(t);

const ASSESSMENT = `query($r: ID!) { reportTalkAssessment(reportId: $r) { eligible reasons reasonTexts knownBefore talk { id } } }`;
const referenceOf = async (table: 'report' | 'talk', id: string) =>
  (await t.app.sql(`SELECT reference FROM ${table} WHERE id = $1`, [id]))[0].reference as string;

describe('one talk per child at a time', () => {
  it('a second "first" suspicion while the talk is open is attached to it; after the talk, a "first" suspicion is judged on what social services know', async () => {
    const socsek = who('socsek', 'norr');
    const child = { personalIdentityNumber: personalNumberAged(13) };
    const first = await s.policeReport('norr', child);
    const [talk] = await s.talksOfChild('norr', first.childId);

    await s.advanceTo(5 * HOUR_MS);
    const second = await s.policeReport('norr', child, { description: 'Misstänkt för skadegörelse, enligt polisen första gången.' });
    const talks = await s.talksOfChild('norr', first.childId, 'id deadlines { kind } reports { id }');
    expect(talks).toEqual([
      { id: talk.id, deadlines: [{ kind: 'TALK_HELD' }], reports: [{ id: first.reportId }, { id: second.reportId }] },
    ]);
    const attached = ok(await t.app.as(socsek, ASSESSMENT, { r: second.reportId })).reportTalkAssessment;
    expect(attached).toMatchObject({ eligible: false, reasons: ['KNOWN_BEFORE', 'TALK_ALREADY_OPEN'], talk: { id: talk.id } });
    expect(attached.reasonTexts[1]).toContain('inget nytt samtal öppnas');
    expect(attached.knownBefore).toEqual([await referenceOf('report', first.reportId), talk.reference]);

    ok(await s.mutate(socsek, 'cancelTalk', 'CloseTalkInput', { talkId: talk.id, reason: 'Familjen har flyttat.' }, 'id'));
    await s.advanceTo(30 * HOUR_MS);
    const third = await s.policeReport('norr', child);
    expect(await s.talksOfChild('norr', first.childId, 'id')).toEqual([{ id: talk.id }]);
    expect(ok(await t.app.as(socsek, ASSESSMENT, { r: third.reportId })).reportTalkAssessment).toMatchObject({
      eligible: false,
      reasons: ['KNOWN_BEFORE'],
      talk: null,
      knownBefore: [await referenceOf('report', first.reportId), talk.reference, await referenceOf('report', second.reportId)],
    });
  });
});

describe('the invite list', () => {
  it('offers only people not yet invited: the invited officer is gone from the list, and the child summoned cannot be added twice', async () => {
    const socsek = who('socsek', 'norr');
    const police = who('polis', 'norr');
    const { childId } = await s.policeReport('norr', { personalIdentityNumber: personalNumberAged(13) });
    const [talk] = await s.talksOfChild('norr', childId);
    const INVITEES = `query($t: ID!) { talkInvitees(talkId: $t, role: POLICE_OFFICER) { id } }`;
    const officerId = await s.userId(police);
    expect(ok(await t.app.as(socsek, INVITEES, { t: talk.id })).talkInvitees).toContainEqual({ id: officerId });

    ok(
      await s.mutate(
        socsek,
        'addTalkParticipant',
        'AddTalkParticipantInput',
        { talkId: talk.id, role: 'POLICE_OFFICER', userId: officerId },
        'id',
      ),
    );
    expect(ok(await t.app.as(socsek, INVITEES, { t: talk.id })).talkInvitees).not.toContainEqual({ id: officerId });

    ok(await s.mutate(socsek, 'summonTalk', 'SummonTalkInput', { talkId: talk.id }, 'id'));
    expect(
      errorOf(await s.mutate(socsek, 'addTalkParticipant', 'AddTalkParticipantInput', { talkId: talk.id, role: 'CHILD' }, 'id')).code,
    ).toBe('CONFLICT');
    const [after] = await s.talksOfChild('norr', childId);
    expect(after.participants.filter((p: any) => p.role === 'CHILD')).toHaveLength(1);
  });
});

describe("the police's clearance", () => {
  it('the filing police area, not invited to the talk, records its clearance and is answered with what it may see', async () => {
    const { childId } = await s.policeReport('norr', { personalIdentityNumber: personalNumberAged(13) }, { preInvestigationRunning: true });
    const [talk] = await s.talksOfChild('norr', childId);
    const answer = await s.mutate(
      who('polis', 'norr'),
      'recordPoliceClearance',
      'RecordPoliceClearanceInput',
      { talkId: talk.id, kind: 'PRE_INVESTIGATION', note: 'Förhöret är hållet.' },
      'kind recordedAt note talkReference',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recordPoliceClearance).toEqual({
      kind: 'PRE_INVESTIGATION',
      recordedAt: T0.replace('Z', '.000Z'),
      note: 'Förhöret är hållet.',
      talkReference: talk.reference,
    });
    expect(errorOf(await t.app.as(who('polis', 'norr'), `query($id: ID!) { talk(id: $id) { id } }`, { id: talk.id })).code).toBe(
      'NOT_FOUND',
    );
    expect((await s.talksOfChild('norr', childId))[0].policeClearedAt).toBe(T0.replace('Z', '.000Z'));
  });
});

describe("the police's word is one fact", () => {
  it('after the police lift the hold and end the pre-investigation on the report, the talk says so and the summons goes out', async () => {
    const socsek = who('socsek', 'norr');
    const { reportId, childId } = await s.policeReport(
      'norr',
      { personalIdentityNumber: personalNumberAged(13) },
      { preInvestigationRunning: true, guardianContactOnHold: true },
    );
    let [talk] = await s.talksOfChild('norr', childId);
    expect(talk).toMatchObject({ preInvestigationRunning: true, guardianContactOnHold: true });
    expect(errorOf(await s.mutate(socsek, 'summonTalk', 'SummonTalkInput', { talkId: talk.id })).message).toContain('LUL 31 §');

    ok(
      await t.app.as(who('polis', 'norr'), `mutation($i: UpdatePoliceInformationInput!) { updatePoliceInformation(input: $i) { id } }`, {
        i: { reportId, liftGuardianContactHold: true, endPreInvestigation: true },
      }),
    );
    [talk] = await s.talksOfChild('norr', childId);
    expect(talk).toMatchObject({ preInvestigationRunning: false, guardianContactOnHold: false });
    talk = ok(await s.mutate(socsek, 'summonTalk', 'SummonTalkInput', { talkId: talk.id })).summonTalk;
    expect(talk.state).toBe('SUMMONED');
  });
});

describe('when it happened, not when it was clicked', () => {
  it('a summons and a talk recorded the next morning carry their real times; the clocks are met then, and the talk is not late', async () => {
    const socsek = who('socsek', 'norr');
    const { childId } = await s.policeReport('norr', { personalIdentityNumber: personalNumberAged(13) });
    let [talk] = await s.talksOfChild('norr', childId);
    expect(talk.dueAt).toBe(at(48 * HOUR_MS).toISOString());

    await s.advanceTo(20 * HOUR_MS);
    const summon = (summonedAt: Date) =>
      s.mutate(socsek, 'summonTalk', 'SummonTalkInput', { talkId: talk.id, summonedAt: summonedAt.toISOString() });
    expect(errorOf(await summon(at(21 * HOUR_MS)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.summonedAt' });
    expect(errorOf(await summon(at(-HOUR_MS)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.summonedAt' });
    talk = ok(await summon(at(2 * HOUR_MS))).summonTalk;
    expect(talk.summonedAt).toBe(at(2 * HOUR_MS).toISOString());

    await s.bookAndDisclose('norr', talk.id, at(40 * HOUR_MS));
    await s.advanceTo(39 * HOUR_MS);
    const early = errorOf(await s.mutate(socsek, 'holdTalk', 'HoldTalkInput', { talkId: talk.id }));
    expect(early).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldAt' });
    expect(early.message).toContain('give the time it was held');

    // Held at the booked time, written up the next morning after the deadline passed: not late.
    await s.advanceTo(58 * HOUR_MS);
    expect(
      errorOf(await s.mutate(socsek, 'holdTalk', 'HoldTalkInput', { talkId: talk.id, heldAt: at(59 * HOUR_MS).toISOString() })).field,
    ).toBe('input.heldAt');
    talk = ok(await s.mutate(socsek, 'holdTalk', 'HoldTalkInput', { talkId: talk.id, heldAt: at(40 * HOUR_MS).toISOString() })).holdTalk;
    expect(talk).toMatchObject({ state: 'HELD', heldAt: at(40 * HOUR_MS).toISOString(), heldLate: false, delayReason: null });
    expect(talk.deadlines).toEqual([expect.objectContaining({ kind: 'TALK_HELD', metAt: at(40 * HOUR_MS).toISOString(), status: 'MET' })]);
  });
});
