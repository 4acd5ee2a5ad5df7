/**
 * Serious talks end to end through the GraphQL API, on a real database and
 * queue, with a fake clock: the seven scenarios of the talks issue.
 */
import { DAY_MS, HOUR_MS } from '../domain/time/clock';
import { signDevToken } from '../api/auth/dev-token';
import { at, District, errorOf, key, ok, personalNumberAged, T0, talkSteps, who } from './helpers/talk-steps';
import { freshAppPerTest, TEST_SECRET } from './helpers/test-app';

const TALK_FIELDS = `id reference kind state origin childName childAge dueAt youngAdult summonedAt summonsIncludesGuardians scheduledAt location
  heldAt heldLate delayReason delayReasonText outcomes outcomeNote preInvestigationRunning guardianContactOnHold policeClearedAt withUniformedPolice
  participants { id role displayName attended uniformed agency { name } } disclosures { agency { name } explainedBy { displayName } }
  deadlines { kind dueAt metAt status }`;

const t = freshAppPerTest(T0);
const s = talkSteps(t, TALK_FIELDS);
const { talksOfChild, mutate, userId, agencyOf, notificationsOf, advanceTo, setPolicy } = s;
const policeReport = (district: District, age: number, overrides: Record<string, unknown> = {}) =>
  s.policeReport(district, { personalIdentityNumber: personalNumberAged(age) }, overrides);

async function assessment(district: District, reportId: string) {
  return ok(
    await t.app.as(
      who('socsek', district),
      `query($r: ID!) { reportTalkAssessment(reportId: $r) { eligible reasons reasonTexts youngAdult talk { id } } }`,
      { r: reportId },
    ),
  ).reportTalkAssessment;
}

async function addGuardian(district: District, childId: string, name: string) {
  ok(
    await t.app.as(who('socsek', district), `mutation($i: AddGuardianInput!) { addGuardian(input: $i) { id } }`, {
      i: { childId, name, relation: 'mamma' },
    }),
  );
}

describe('serious talks', () => {
  it('1. HELD_WITHIN_HOURS: a first suspicion at 13 → due in 48 h → reminder → scheduled with police → disclosures → held with police → referred to SSPF', async () => {
    const socsek = who('socsek', 'norr');
    const police = who('polis', 'norr');
    const { reportId, childId } = await policeReport('norr', 13);
    await addGuardian('norr', childId, 'Anna Andersson');
    expect(await assessment('norr', reportId)).toMatchObject({
      eligible: true,
      reasons: [],
      youngAdult: false,
      talk: { id: expect.any(String) },
    });
    let [talk] = await talksOfChild('norr', childId);
    expect(talk).toMatchObject({
      kind: 'SERIOUS_TALK',
      state: 'PROPOSED',
      origin: 'AUTOMATIC',
      childAge: 13,
      dueAt: at(48 * HOUR_MS).toISOString(),
    });
    expect(talk.deadlines).toEqual([{ kind: 'TALK_HELD', dueAt: at(48 * HOUR_MS).toISOString(), metAt: null, status: 'OPEN' }]);

    ok(await mutate(who('chef', 'norr'), 'assignTalk', 'AssignTalkInput', { talkId: talk.id, userId: await userId(socsek) }));
    await advanceTo(24 * HOUR_MS + 60_000);
    expect(await notificationsOf(socsek)).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: `Påminnelse: allvarssamtal ${talk.reference}` })]),
    );

    // The police see nothing until invited.
    expect(errorOf(await t.app.as(police, `query($id: ID!) { talk(id: $id) { id } }`, { id: talk.id })).code).toBe('NOT_FOUND');
    ok(
      await mutate(socsek, 'addTalkParticipant', 'AddTalkParticipantInput', {
        talkId: talk.id,
        role: 'POLICE_OFFICER',
        userId: await userId(police),
        uniformed: false,
      }),
    );
    ok(
      await mutate(socsek, 'addTalkParticipant', 'AddTalkParticipantInput', {
        talkId: talk.id,
        role: 'SOCIAL_WORKER',
        userId: await userId(socsek),
      }),
    );
    talk = ok(await mutate(socsek, 'summonTalk', 'SummonTalkInput', { talkId: talk.id })).summonTalk;
    expect(talk.state).toBe('SUMMONED');
    expect(talk.participants.map((p: any) => p.role).sort()).toEqual(['CHILD', 'GUARDIAN', 'POLICE_OFFICER', 'SOCIAL_WORKER']);

    const scheduledAt = at(30 * HOUR_MS).toISOString();
    talk = ok(
      await mutate(socsek, 'scheduleTalk', 'ScheduleTalkInput', { talkId: talk.id, scheduledAt, location: 'Polishuset Norr, rum 4' }),
    ).scheduleTalk;
    expect(talk).toMatchObject({ state: 'SCHEDULED', scheduledAt, location: 'Polishuset Norr, rum 4' });
    const policeNotes = await notificationsOf(police);
    expect(policeNotes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'TALK_SCHEDULED', body: expect.stringContaining('Polishuset Norr, rum 4') }),
      ]),
    );
    expect(JSON.stringify(policeNotes)).not.toMatch(/Andersson|\d{8}-?\d{4}/);

    // Invited, the police see time, place, the child's name and age, attendance; not the outcome or the child's record.
    const seen = await t.app.as(
      police,
      `query($id: ID!) { talk(id: $id) { reference childName childAge scheduledAt location outcomeNote child { id } } }`,
      { id: talk.id },
    );
    expect(seen.data!.talk).toMatchObject({
      childAge: 13,
      scheduledAt,
      location: 'Polishuset Norr, rum 4',
      outcomeNote: null,
      child: null,
    });
    expect(seen.data!.talk.childName).toEqual(expect.any(String));
    expect(seen.errors!.map((e) => e.extensions?.field).sort()).toEqual(['Talk.child', 'Talk.outcomeNote']);

    await advanceTo(30 * HOUR_MS);
    // The officer's notice before the talk (24 h by default; the talk was booked closer than that, so at once).
    expect(await notificationsOf(police)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'DEADLINE_NOTICE', title: `Snart: samtal ${talk.reference}` })]),
    );
    const refused = errorOf(await mutate(socsek, 'holdTalk', 'HoldTalkInput', { talkId: talk.id }));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.message).toContain('Socialtjänsten Norr');
    expect(refused.message).toContain('Lokalpolisområde Norr');

    ok(
      await mutate(socsek, 'recordDisclosure', 'RecordDisclosureInput', {
        talkId: talk.id,
        agencyId: await agencyOf(socsek),
        explainedByUserId: await userId(socsek),
      }),
    );
    const onlyPolice = errorOf(await mutate(socsek, 'holdTalk', 'HoldTalkInput', { talkId: talk.id }));
    expect(onlyPolice.message).toContain('Lokalpolisområde Norr');
    expect(onlyPolice.message).not.toContain('Socialtjänsten Norr');
    ok(
      await mutate(
        police,
        'recordDisclosure',
        'RecordDisclosureInput',
        { talkId: talk.id, agencyId: await agencyOf(police), explainedByUserId: await userId(police) },
        'id',
      ),
    );
    const officer = talk.participants.find((p: any) => p.role === 'POLICE_OFFICER');
    ok(
      await mutate(socsek, 'recordTalkAttendance', 'RecordTalkAttendanceInput', {
        participantId: officer.id,
        attended: true,
        uniformed: false,
      }),
    );

    talk = ok(await mutate(socsek, 'holdTalk', 'HoldTalkInput', { talkId: talk.id })).holdTalk;
    expect(talk).toMatchObject({ state: 'HELD', heldLate: false, delayReason: null, heldAt: at(30 * HOUR_MS).toISOString() });
    expect(talk.participants.find((p: any) => p.role === 'POLICE_OFFICER')).toMatchObject({ attended: true, uniformed: false });
    expect(talk.disclosures.map((d: any) => d.agency.name).sort()).toEqual(['Lokalpolisområde Norr', 'Socialtjänsten Norr']);
    expect(talk.deadlines[0]).toMatchObject({ kind: 'TALK_HELD', status: 'MET' });

    talk = ok(
      await mutate(socsek, 'recordTalkOutcome', 'RecordTalkOutcomeInput', {
        talkId: talk.id,
        outcomes: ['REFERRED_TO_SSPF'],
        note: 'Familjen vill ha stöd.',
      }),
    ).recordTalkOutcome;
    expect(talk).toMatchObject({ outcomes: ['REFERRED_TO_SSPF'], outcomeNote: 'Familjen vill ha stöd.' });
    // The referral opens an SSPF intake for the 13-year-old, and its coordinator is told.
    const [intake] = await t.app.sql(`SELECT reference, model, state, source FROM collaboration_case WHERE source_subject_id = $1`, [
      talk.id,
    ]);
    expect(intake).toMatchObject({ model: 'SSPF', state: 'INTAKE', source: 'TALK_REFERRAL' });
    expect(await notificationsOf(who('sspf', 'norr'))).toEqual([
      expect.objectContaining({
        kind: 'COLLABORATION_REFERRAL',
        title: `Nytt SSPF-ärende ${intake.reference} från samtal ${talk.reference}`,
      }),
    ]);

    // Feedback to the reporting police does not widen: still the report's own three statuses.
    const feedback = ok(
      await t.app.as(police, `query($id: ID!) { report(id: $id) { feedbackStatus feedback { value } } }`, { id: reportId }),
    ).report;
    expect(feedback).toEqual({ feedbackStatus: 'PENDING', feedback: null });
    const audit = await t.app.sql(
      `SELECT action, fields FROM audit_event WHERE entity_type = 'Talk' AND entity_id = $1 ORDER BY occurred_at`,
      [talk.id],
    );
    expect(audit.length).toBeGreaterThanOrEqual(8);
  });

  it('2. SUMMONS_WITHIN_HOURS: the 24 h summons clock breaches and escalates; the talk is held later, reported late with its reason', async () => {
    const socsek = who('socsek', 'syd');
    const { childId } = await policeReport('syd', 14);
    let [talk] = await talksOfChild('syd', childId);
    expect(talk.deadlines).toEqual([{ kind: 'TALK_SUMMONS', dueAt: at(24 * HOUR_MS).toISOString(), metAt: null, status: 'OPEN' }]);

    await advanceTo(25 * HOUR_MS);
    expect(await notificationsOf(who('chef', 'syd'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: `Eskalering: kallelse till allvarssamtal ${talk.reference}` })]),
    );
    [talk] = await talksOfChild('syd', childId);
    expect(talk.deadlines[0].status).toBe('OVERDUE');

    await advanceTo(26 * HOUR_MS);
    talk = ok(await mutate(socsek, 'summonTalk', 'SummonTalkInput', { talkId: talk.id })).summonTalk;
    const held = talk.deadlines.find((d: any) => d.kind === 'TALK_HELD');
    expect(held.dueAt).toBe(at((26 + 168) * HOUR_MS).toISOString());
    expect(talk.deadlines.find((d: any) => d.kind === 'TALK_SUMMONS').status).toBe('MET_LATE');

    ok(
      await mutate(socsek, 'scheduleTalk', 'ScheduleTalkInput', {
        talkId: talk.id,
        scheduledAt: at(200 * HOUR_MS).toISOString(),
        location: 'Socialkontoret Syd',
      }),
    );
    ok(
      await mutate(socsek, 'recordDisclosure', 'RecordDisclosureInput', {
        talkId: talk.id,
        agencyId: await agencyOf(socsek),
        explainedByUserId: await userId(socsek),
      }),
    );
    await advanceTo(200 * HOUR_MS);
    expect(errorOf(await mutate(socsek, 'holdTalk', 'HoldTalkInput', { talkId: talk.id }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.delayReason',
    });
    expect(errorOf(await mutate(socsek, 'holdTalk', 'HoldTalkInput', { talkId: talk.id, delayReason: 'OTHER' }))).toMatchObject({
      field: 'input.delayReasonText',
    });
    talk = ok(await mutate(socsek, 'holdTalk', 'HoldTalkInput', { talkId: talk.id, delayReason: 'GUARDIAN_UNAVAILABLE' })).holdTalk;
    expect(talk).toMatchObject({ state: 'HELD', heldLate: true, delayReason: 'GUARDIAN_UNAVAILABLE' });
    expect(talk.deadlines.find((d: any) => d.kind === 'TALK_HELD').status).toBe('MET_LATE');
  });

  it("3. a running pre-investigation: the summons and the booking wait for the police's clearance; a hold on guardian contact stops the summons", async () => {
    const socsek = who('socsek', 'norr');
    const police = who('polis', 'norr');
    const { childId } = await policeReport('norr', 12, { preInvestigationRunning: true, guardianContactOnHold: true });
    let [talk] = await talksOfChild('norr', childId);
    expect(talk).toMatchObject({ preInvestigationRunning: true, guardianContactOnHold: true });
    ok(
      await mutate(
        socsek,
        'addTalkParticipant',
        'AddTalkParticipantInput',
        { talkId: talk.id, role: 'POLICE_OFFICER', userId: await userId(police) },
        'id',
      ),
    );

    // A summons is contact with the suspected child: it waits for the police's clearance (LUL 31 §), then for the hold to lift (LUL 5 §).
    const unclearedSummons = errorOf(await mutate(socsek, 'summonTalk', 'SummonTalkInput', { talkId: talk.id }));
    expect(unclearedSummons).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.summonedAt' });
    expect(unclearedSummons.message).toContain('LUL 31 §');
    // Another police area cannot clear it; the invited officer can.
    expect(
      errorOf(
        await mutate(
          who('polis', 'syd'),
          'recordPoliceClearance',
          'RecordPoliceClearanceInput',
          { talkId: talk.id, kind: 'PRE_INVESTIGATION' },
          'id',
        ),
      ).code,
    ).toBe('NOT_FOUND');
    ok(
      await mutate(
        police,
        'recordPoliceClearance',
        'RecordPoliceClearanceInput',
        { talkId: talk.id, kind: 'PRE_INVESTIGATION', note: 'Förhöret är hållet.' },
        'id',
      ),
    );
    expect(errorOf(await mutate(socsek, 'summonTalk', 'SummonTalkInput', { talkId: talk.id })).message).toContain('LUL 5 §');
    ok(await mutate(police, 'recordPoliceClearance', 'RecordPoliceClearanceInput', { talkId: talk.id, kind: 'GUARDIAN_CONTACT' }, 'id'));
    ok(await mutate(socsek, 'summonTalk', 'SummonTalkInput', { talkId: talk.id }));

    const schedule = { talkId: talk.id, scheduledAt: at(20 * HOUR_MS).toISOString(), location: 'Socialkontoret Norr' };
    talk = ok(await mutate(socsek, 'scheduleTalk', 'ScheduleTalkInput', schedule)).scheduleTalk;
    expect(talk).toMatchObject({ state: 'SCHEDULED', policeClearedAt: T0.replace('Z', '.000Z'), guardianContactOnHold: false });

    expect(
      errorOf(await mutate(socsek, 'scheduleTalk', 'ScheduleTalkInput', { ...schedule, scheduledAt: at(-HOUR_MS).toISOString() })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scheduledAt' });
  });

  it('4. a 9-year-old under minimum 10, and a 15-year-old where the maximum is 14, get no automatic talk and the report says why', async () => {
    const young = await policeReport('norr', 9);
    expect(await assessment('norr', young.reportId)).toEqual({
      eligible: false,
      reasons: ['TOO_YOUNG'],
      reasonTexts: ['Barnet är yngre än områdets lägsta ålder för samtal.'],
      youngAdult: false,
      talk: null,
    });
    expect(await talksOfChild('norr', young.childId)).toEqual([]);

    await setPolicy('norr', { talkMaximumAge: 14 });
    const older = await policeReport('norr', 15);
    expect(await assessment('norr', older.reportId)).toMatchObject({ eligible: false, reasons: ['TOO_OLD'], talk: null });
    expect(await talksOfChild('norr', older.childId)).toEqual([]);
    const fourteen = await policeReport('norr', 14);
    expect(await assessment('norr', fourteen.reportId)).toMatchObject({ eligible: true });

    const notFirst = await policeReport('norr', 13, { firstKnownSuspicion: false });
    expect(await assessment('norr', notFirst.reportId)).toMatchObject({ eligible: false, reasons: ['NOT_A_FIRST_SUSPICION'] });
  });

  it('5. FORUM_DECIDES: the agenda lists the awaiting reports; "yes" creates a talk with the target date as its deadline', async () => {
    const districtId = await setPolicy('norr', { talkDeadlineMode: 'FORUM_DECIDES' });
    const socsek = who('socsek', 'norr');
    const first = await policeReport('norr', 13);
    const second = await policeReport('norr', 16);
    await policeReport('norr', 8);
    expect(await talksOfChild('norr', first.childId)).toEqual([]);

    const MEETING = `id meetsOn items { id holdTalk targetDate report { id } talk { id state origin withUniformedPolice dueAt } }`;
    const meeting = ok(
      await mutate(socsek, 'createForumMeeting', 'CreateForumMeetingInput', { districtId, meetsOn: '2026-11-24' }, MEETING),
    ).createForumMeeting;
    expect(meeting.items.map((i: any) => i.report.id)).toEqual([first.reportId, second.reportId]);

    const [yes, no] = meeting.items;
    const decided = ok(
      await mutate(
        socsek,
        'decideForumItem',
        'DecideForumItemInput',
        { itemId: yes.id, holdTalk: true, withUniformedPolice: true, targetDate: '2026-11-27' },
        MEETING,
      ),
    ).decideForumItem;
    // 27 November ends at midnight Stockholm time (UTC+1).
    expect(decided.items[0]).toMatchObject({
      holdTalk: true,
      targetDate: '2026-11-27',
      talk: { state: 'PROPOSED', origin: 'FORUM', withUniformedPolice: true, dueAt: '2026-11-27T23:00:00.000Z' },
    });
    ok(
      await mutate(
        socsek,
        'decideForumItem',
        'DecideForumItemInput',
        { itemId: no.id, holdTalk: false, noReason: 'ALREADY_IN_CONTACT' },
        'id',
      ),
    );
    expect(
      errorOf(
        await mutate(socsek, 'decideForumItem', 'DecideForumItemInput', { itemId: no.id, holdTalk: true, targetDate: '2026-11-27' }, 'id'),
      ).code,
    ).toBe('CONFLICT');
    expect(await talksOfChild('norr', second.childId)).toEqual([]);

    const next = ok(
      await mutate(socsek, 'createForumMeeting', 'CreateForumMeetingInput', { districtId, meetsOn: '2026-12-01' }, MEETING),
    ).createForumMeeting;
    expect(next.items).toEqual([]);
  });

  it('6. a police user gets NOT_FOUND on a talk they were not invited to', async () => {
    const { childId } = await policeReport('norr', 13);
    const [talk] = await talksOfChild('norr', childId);
    const query = `query($id: ID!) { talk(id: $id) { id reference } }`;
    for (const email of [who('polis', 'norr'), who('polis', 'syd'), who('sspf', 'norr')]) {
      expect(errorOf(await t.app.as(email, query, { id: talk.id })).code).toBe('NOT_FOUND');
    }
    expect(errorOf(await t.app.as(who('socsek', 'syd'), query, { id: talk.id })).code).toBe('NOT_FOUND');
    expect(ok(await t.app.as(who('polis', 'norr'), `{ myTalks { id } }`)).myTalks).toEqual([]);
    ok(
      await mutate(
        who('socsek', 'norr'),
        'addTalkParticipant',
        'AddTalkParticipantInput',
        { talkId: talk.id, role: 'POLICE_OFFICER', userId: await userId(who('polis', 'norr')) },
        'id',
      ),
    );
    expect(ok(await t.app.as(who('polis', 'norr'), query, { id: talk.id })).talk.reference).toBe(talk.reference);
    expect(ok(await t.app.as(who('polis', 'norr'), `{ myTalks { id } }`)).myTalks).toEqual([{ id: talk.id }]);
    expect(errorOf(await t.app.as(who('polis', 'syd'), query, { id: talk.id })).code).toBe('NOT_FOUND');
  });

  it('7. a 19-year-old in SUMMONS_WITHIN_HOURS mode is summoned without guardians', async () => {
    const { childId, reportId } = await policeReport('syd', 19, { guardianContactOnHold: true });
    await addGuardian('syd', childId, 'Bo Berg');
    expect(await assessment('syd', reportId)).toMatchObject({ eligible: true, youngAdult: true });
    let [talk] = await talksOfChild('syd', childId);
    expect(talk).toMatchObject({ youngAdult: true, childAge: 19 });
    talk = ok(await mutate(who('socsek', 'syd'), 'summonTalk', 'SummonTalkInput', { talkId: talk.id })).summonTalk;
    expect(talk).toMatchObject({ state: 'SUMMONED', summonsIncludesGuardians: false });
    expect(talk.participants.map((p: any) => p.role)).toEqual(['CHILD']);

    // In the 48 h mode a 19-year-old gets no talk.
    const norr = await policeReport('norr', 19);
    expect(await assessment('norr', norr.reportId)).toMatchObject({ eligible: false, reasons: ['TOO_OLD'] });
  });
});

describe('talks: views and bad input', () => {
  it('talksDue lists open talks by due time with who is responsible, and the load', async () => {
    const districtId = await t.app.idOf('district', 'code = $1', ['norr']);
    const a = await policeReport('norr', 13);
    t.clock.set(at(HOUR_MS));
    const b = await policeReport('norr', 12);
    const [talkB] = await talksOfChild('norr', b.childId);
    ok(await mutate(who('socsek', 'norr'), 'declineTalk', 'CloseTalkInput', { talkId: talkB.id, reason: 'Familjen tackar nej.' }));
    t.clock.set(at(2 * HOUR_MS));
    await policeReport('norr', 14);
    const due = ok(
      await t.app.as(
        who('chef', 'norr'),
        `query($d: ID!, $from: DateTime!, $to: DateTime!) {
      talksDue(districtId: $d, from: $from, to: $to) { dueThisWeek heldLastWeek talks { childName state dueAt responsible { displayName } } } }`,
        { d: districtId, from: T0, to: at(7 * DAY_MS).toISOString() },
      ),
    ).talksDue;
    expect(due.talks.map((t: any) => t.dueAt)).toEqual([at(48 * HOUR_MS).toISOString(), at(50 * HOUR_MS).toISOString()]);
    // The declined talk's clock is cancelled: it is no longer load.
    expect(due).toMatchObject({ dueThisWeek: 2, heldLastWeek: 0 });
    void a;
    expect(
      errorOf(
        await t.app.as(
          who('socsek', 'syd'),
          `query($d: ID!) { talksDue(districtId: $d, from: "${T0}", to: "2026-11-30T00:00:00Z") { dueThisWeek } }`,
          { d: districtId },
        ),
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      errorOf(
        await t.app.as(
          who('polis', 'norr'),
          `query($d: ID!) { talksDue(districtId: $d, from: "${T0}", to: "2026-11-30T00:00:00Z") { dueThisWeek } }`,
          { d: districtId },
        ),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('opens a talk by hand for a child of the own district, not of another', async () => {
    const [norrChild] = await t.app.sql(
      `SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
    );
    const input = { childId: norrChild.id, kind: 'WORRY_TALK', targetDate: '2026-12-04', idempotencyKey: key() };
    const talk = ok(await mutate(who('socsek', 'norr'), 'openTalk', 'OpenTalkInput', input)).openTalk;
    expect(talk).toMatchObject({ kind: 'WORRY_TALK', origin: 'BY_HAND', state: 'PROPOSED', dueAt: '2026-12-04T23:00:00.000Z' });
    expect(ok(await mutate(who('socsek', 'norr'), 'openTalk', 'OpenTalkInput', input, 'id')).openTalk.id).toBe(talk.id);
    // Row-level security: another district's child is not there at all, so the answer does not say it exists.
    expect(
      errorOf(await mutate(who('socsek', 'syd'), 'openTalk', 'OpenTalkInput', { ...input, idempotencyKey: key() }, 'id')),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      errorOf(
        await mutate(
          who('socsek', 'norr'),
          'openTalk',
          'OpenTalkInput',
          { ...input, targetDate: '2026-11-01', idempotencyKey: key() },
          'id',
        ),
      ),
    ).toMatchObject({ field: 'input.targetDate' });
    expect(await t.app.sql(`SELECT count(*)::int AS n FROM talk`)).toEqual([{ n: 1 }]);
  });

  it("GET /calendar/talks.ics: the viewer's scheduled talks, with the token; no child in it", async () => {
    const base = `http://127.0.0.1:${await t.app.api.listen(0)}`;
    const get = async (email?: string) =>
      fetch(`${base}/calendar/talks.ics`, { headers: email ? { authorization: `Bearer ${await signDevToken(email, TEST_SECRET)}` } : {} });
    const { childId } = await policeReport('norr', 13);
    const [talk] = await talksOfChild('norr', childId);
    await s.addParticipants('norr', talk.id, [['POLICE_OFFICER', who('polis', 'norr')]]);
    await s.summonAndSchedule('norr', talk.id, new Date('2026-11-24T13:00:00Z'), 'Polishuset, rum 4');

    const response = await get(who('polis', 'norr'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const ics = await response.text();
    expect(ics).toContain(`SUMMARY:Samtal ${talk.reference}`);
    expect(ics).toContain('DTSTART:20261124T130000Z');
    expect(ics).toContain('LOCATION:Polishuset\\, rum 4');
    expect(ics).not.toContain(talk.childName.split(' ')[0]);
    expect(await (await get(who('polis', 'syd'))).text()).not.toContain('VEVENT');
    expect((await get()).status).toBe(401);
  });

  it('audits the calendar like myTalks: the same talks read, the same row, with the child and district', async () => {
    const base = `http://127.0.0.1:${await t.app.api.listen(0)}`;
    const { childId } = await policeReport('norr', 14);
    const [talk] = await talksOfChild('norr', childId);
    await s.addParticipants('norr', talk.id, [['POLICE_OFFICER', who('polis', 'norr')]]);
    await s.summonAndSchedule('norr', talk.id, new Date('2026-11-25T13:00:00Z'), 'Polishuset');
    const police = await userId(who('polis', 'norr'));
    const readsOf = async (requestIds: string[]) =>
      t.app.sql(
        `SELECT entity_type, district_id, outcome, legal_basis, coalesce(child_ids, ARRAY[child_id]) AS children FROM audit_event
        WHERE actor_user_id = $1 AND action = 'READ' AND NOT (request_id = ANY($2)) ORDER BY id`,
        [police, requestIds],
      );
    const before = (await t.app.sql(`SELECT DISTINCT request_id FROM audit_event WHERE actor_user_id = $1`, [police])).map(
      (r: { request_id: string }) => r.request_id,
    );

    const response = await fetch(`${base}/calendar/talks.ics`, {
      headers: { authorization: `Bearer ${await signDevToken(who('polis', 'norr'), TEST_SECRET)}` },
    });
    expect(await response.text()).toContain(`SUMMARY:Samtal ${talk.reference}`);
    const calendarReads = await readsOf(before);
    const norr = await t.app.idOf('district', 'code = $1', ['norr']);
    expect(calendarReads).toEqual([expect.objectContaining({ entity_type: 'Talk', outcome: 'ALLOWED', district_id: norr })]);
    expect(calendarReads[0].children).toContain(childId);

    const seen = [
      ...before,
      ...(await t.app.sql(`SELECT DISTINCT request_id FROM audit_event WHERE actor_user_id = $1`, [police])).map(
        (r: { request_id: string }) => r.request_id,
      ),
    ];
    ok(await t.app.as(who('polis', 'norr'), `{ myTalks { reference scheduledAt location } }`));
    const myTalksReads = await readsOf(seen);
    const shape = ({ entity_type, district_id, outcome, legal_basis }: any) => ({ entity_type, district_id, outcome, legal_basis });
    expect(myTalksReads.map(shape)).toEqual(calendarReads.map(shape));
    expect(myTalksReads[0].children).toContain(childId);
  });
});
