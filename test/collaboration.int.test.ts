import { DAY_MS } from '../domain/time/clock';
import { reconcileDeadlines } from '../workers/deadlines/deadline-reconciler';
import {
  addAction,
  addMember,
  agencyIdOf,
  ASSOCIATION,
  CASE_QUERY,
  COORDINATOR,
  insertChild,
  key,
  LEISURE,
  ok,
  openCase,
  POLICE,
  recordConsent,
  SOCIAL_WORKER,
  TEACHER,
  userIdOf,
} from './helpers/collaboration';
import { freshAppPerTest } from './helpers/test-app';

const T0 = '2026-11-23T08:00:00Z';
const at = (days: number) => new Date(new Date(T0).getTime() + days * DAY_MS).toISOString();

const t = freshAppPerTest(T0);

async function advanceTo(days: number) {
  t.clock.set(at(days));
  return reconcileDeadlines(t.app.runtime);
}

async function notificationsOf(email: string, subjectType?: string) {
  return t.app.sql(
    `SELECT n.kind, n.title, n.body, n.subject_type AS "subjectType" FROM notification n JOIN app_user u ON u.id = n.user_id
      WHERE u.email = $1 AND ($2::text IS NULL OR n.subject_type = $2) ORDER BY n.created_at, n.kind`,
    [email, subjectType ?? null],
  );
}

/** Scenario 1's case: SSPF, 14 years old, youth and guardians consent for school and leisure, teacher and leisure worker on the team. */
async function sspfCaseWithTeam() {
  const { childId, guardianIds } = await insertChild(t.app, '2012-03-15', 'Nora');
  const caseId = await openCase(t.app, childId);
  const consent = await recordConsent(t.app, {
    caseId,
    givenByYouth: true,
    guardianIds,
    agencyIds: [await agencyIdOf(t.app, TEACHER), await agencyIdOf(t.app, LEISURE)],
  });
  expect(consent.errors).toBeUndefined();
  expect(consent.data.recordConsent.state).toBe('MAPPING');
  for (const email of [TEACHER, LEISURE]) expect((await addMember(t.app, caseId, email)).errors).toBeUndefined();
  await ok(t.app, COORDINATOR, `mutation($i: SetGoalsInput!) { setGoals(input: $i) { state } }`, {
    i: {
      caseId,
      youthGoals: ['Gå till skolan varje dag', 'Börja spela fotboll'],
      agencyGoals: [{ agencyId: await agencyIdOf(t.app, TEACHER), text: 'Närvaro över 90 %' }],
      firstFollowUpAt: at(28),
    },
  });
  const schoolAction = await addAction(t.app, caseId, TEACHER, 'SCHOOL_SUPPORT', 'Extra stöd i matematik med mentor', at(7));
  const leisureAction = await addAction(t.app, caseId, LEISURE, 'LEISURE_ACTIVITY', 'Hitta en fotbollsklubb tillsammans', at(14));
  const familyAction = await addAction(t.app, caseId, COORDINATOR, 'GUARDIAN_SUPPORT', 'Föräldraprogrammet På rätt väg', at(21));
  return { childId, guardianIds, caseId, schoolAction, leisureAction, familyAction, consentId: consent.data.recordConsent.consents[0].id };
}

describe('SSPF / SSFF collaboration cases', () => {
  it('1. an SSPF case for a 14-year-old: team, plan of 3 actions, the leisure worker sees only their action and the goals, an overdue school action escalates to the coordinator', async () => {
    const { caseId, leisureAction, consentId } = await sspfCaseWithTeam();

    const coordinatorView = await ok(t.app, COORDINATOR, CASE_QUERY, { id: caseId });
    expect(coordinatorView.collaborationCase).toMatchObject({ model: 'SSPF', state: 'PLAN_ACTIVE', child: { givenName: 'Nora', age: 14 } });
    expect(coordinatorView.collaborationCase.actions).toHaveLength(3);

    const leisure = await t.app.as(LEISURE, CASE_QUERY, { id: caseId });
    const seen = leisure.data!.collaborationCase;
    expect(seen.child).toEqual({ givenName: 'Nora', familyName: 'Samverkansson', age: 14 });
    expect(seen.youthGoals).toEqual(['Gå till skolan varje dag', 'Börja spela fotboll']);
    expect(seen.agencyGoals).toEqual([{ text: 'Närvaro över 90 %', agency: { name: expect.any(String) } }]);
    expect(seen.actions.map((a: any) => a.id)).toEqual([leisureAction]);
    expect(seen.concern).toBeNull();
    expect(seen.consents).toBeNull();
    expect(seen.team).toBeNull();
    expect(seen.model).toBeNull();
    expect(leisure.errors!.map((e) => e.extensions?.field).sort()).toEqual([
      'CollaborationCase.concern',
      'CollaborationCase.consents',
      'CollaborationCase.model',
      'CollaborationCase.team',
    ]);
    // The partner's read rests on the consent, and the audit row says which.
    const audit = await t.app.sql(
      `SELECT DISTINCT legal_basis, consent_id FROM audit_event WHERE request_id = $1 AND outcome = 'ALLOWED' AND entity_type = 'PlanAction'`,
      [leisure.requestId],
    );
    expect(audit).toEqual([{ legal_basis: 'CONSENT', consent_id: consentId }]);

    await advanceTo(8);
    expect((await notificationsOf(TEACHER, 'PLAN_ACTION')).map((n) => n.kind).sort()).toEqual([
      'DEADLINE_BREACH',
      'DEADLINE_REMIND_50',
      'DEADLINE_REMIND_80',
    ]);
    const escalations = (await notificationsOf(COORDINATOR, 'PLAN_ACTION')).filter((n) => n.kind === 'DEADLINE_ESCALATE');
    expect(escalations).toHaveLength(1);
    expect(escalations[0].body).not.toContain('Nora');
    // Read as the coordinator reads it: the action in its case, and why it reaches them.
    expect(escalations[0].body).toMatch(
      /^Tidsfristen för insats i ärende SSPF-\d{4}-\d{6} gick ut .* Du får detta som samordnare i området\.$/,
    );
    expect((await notificationsOf(LEISURE, 'PLAN_ACTION')).map((n) => n.kind)).toEqual(['DEADLINE_REMIND_50']);
  });

  it("2. the youth withdraws consent: the teacher's next query for the case is NOT_FOUND, without a restart", async () => {
    const { caseId, consentId, schoolAction } = await sspfCaseWithTeam();
    const before = await t.app.as(TEACHER, CASE_QUERY, { id: caseId });
    expect(before.data!.collaborationCase.actions.map((a: any) => a.id)).toEqual([schoolAction]);
    expect((await ok(t.app, TEACHER, `{ myActions { id } }`)).myActions.map((a: any) => a.id)).toEqual([schoolAction]);

    await ok(t.app, COORDINATOR, `mutation($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { withdrawnAt } }`, {
      i: { consentId, note: 'Den unga tog tillbaka sitt samtycke per telefon.' },
    });

    const after = await t.app.as(TEACHER, CASE_QUERY, { id: caseId });
    expect(after.data).toBeNull();
    expect(after.errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect((await ok(t.app, TEACHER, `{ myActions { id } }`)).myActions).toEqual([]);
    expect((await ok(t.app, TEACHER, `{ myCollaborationCases { id } }`)).myCollaborationCases).toEqual([]);
    const note = await t.app.as(TEACHER, `mutation($i: AddActionNoteInput!) { addActionNote(input: $i) { id } }`, {
      i: { actionId: schoolAction, text: 'Försök' },
    });
    expect(note.errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    // The coordinator keeps the case and can close it for that reason.
    const closed = await ok(
      t.app,
      COORDINATOR,
      `mutation($i: CloseCollaborationCaseInput!) { closeCollaborationCase(input: $i) { state closingReason } }`,
      { i: { caseId, reason: 'CONSENT_WITHDRAWN' } },
    );
    expect(closed.closeCollaborationCase).toEqual({ state: 'CLOSED', closingReason: 'CONSENT_WITHDRAWN' });
    // A closed case reminds nobody: no action, follow-up or stale-case step fires afterwards; the coordinator was told the team shrank.
    await advanceTo(60);
    expect(await t.app.sql(`SELECT kind, subject_type FROM notification WHERE subject_type <> 'REPORT'`)).toEqual([
      { kind: 'TEAM_MEMBERS_LEFT', subject_type: 'COLLABORATION_CASE' },
    ]);
  });

  it('3. adding a police officer to a team whose consent does not cover the police is refused', async () => {
    const { caseId } = await sspfCaseWithTeam();
    const result = await addMember(t.app, caseId, POLICE);
    expect(result.errors!.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'input.userId']]);
    expect(result.errors![0].message).toMatch(/consent/);
    expect(await t.app.sql(`SELECT count(*)::int AS n FROM collaboration_team_member WHERE case_id = $1`, [caseId])).toEqual([{ n: 2 }]);
    const officer = await t.app.as(POLICE, CASE_QUERY, { id: caseId });
    expect(officer.errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it("4. an SSFF case for an 8-year-old rests on the guardians' consent, and the police are not in the team", async () => {
    const { childId, guardianIds } = await insertChild(t.app, '2018-05-10', 'Elsa');
    const caseId = await openCase(t.app, childId, 'Förskoleklassen oroar sig för hemsituationen.');
    const partners = [await agencyIdOf(t.app, TEACHER), await agencyIdOf(t.app, LEISURE)];

    const oneGuardian = await recordConsent(t.app, { caseId, givenByYouth: false, guardianIds: [guardianIds[0]], agencyIds: partners });
    expect(oneGuardian.data.recordConsent.state).toBe('CONSENT_PENDING');
    expect((await addMember(t.app, caseId, TEACHER)).errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);

    const both = await recordConsent(t.app, { caseId, givenByYouth: false, guardianIds, agencyIds: partners });
    expect(both.data.recordConsent.state).toBe('MAPPING');
    for (const email of [TEACHER, LEISURE]) expect((await addMember(t.app, caseId, email)).errors).toBeUndefined();

    const view = await ok(t.app, COORDINATOR, CASE_QUERY, { id: caseId });
    expect(view.collaborationCase.model).toBe('SSFF');
    expect(view.collaborationCase.team.map((t: any) => t.agency.kind).sort()).toEqual(['LEISURE', 'SCHOOL']);
    expect((await addMember(t.app, caseId, POLICE)).errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect((await t.app.as(POLICE, CASE_QUERY, { id: caseId })).errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('5. a private association worker never sees a police-related action text', async () => {
    const { childId, guardianIds } = await insertChild(t.app, '2011-09-01', 'Liam');
    const caseId = await openCase(t.app, childId, 'Misstänkt för snatteri tillsammans med äldre.');
    const agencies = [await agencyIdOf(t.app, POLICE), await agencyIdOf(t.app, ASSOCIATION), await agencyIdOf(t.app, TEACHER)];
    await recordConsent(t.app, {
      caseId,
      givenByYouth: true,
      guardianIds,
      agencyIds: agencies,
      categories: ['BASIC_FACTS', 'LEISURE', 'POLICE_CONTACTS', 'SCHOOL'],
    });
    for (const email of [POLICE, ASSOCIATION]) expect((await addMember(t.app, caseId, email)).errors).toBeUndefined();
    const crimeText = 'Polisen följer upp snatteriet på köpcentret';
    await addAction(t.app, caseId, POLICE, 'POLICE_COOPERATION', crimeText, at(10));
    const clubAction = await addAction(t.app, caseId, ASSOCIATION, 'LEISURE_ACTIVITY', 'Provträna med P13-laget', at(10));

    const refused = await t.app.as(COORDINATOR, `mutation($i: AddPlanActionInput!) { addPlanAction(input: $i) { id } }`, {
      i: {
        caseId,
        kind: 'POLICE_COOPERATION',
        description: 'Föreningen pratar med polisen',
        responsibleUserId: await userIdOf(t.app, ASSOCIATION),
        dueAt: at(10),
      },
    });
    expect(refused.errors!.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'input.kind']]);

    const responses = [
      await t.app.as(ASSOCIATION, CASE_QUERY, { id: caseId }),
      await t.app.as(ASSOCIATION, `{ myActions { id description kind } }`),
      await t.app.as(ASSOCIATION, `{ myCollaborationCases { id actions { id description } } }`),
    ];
    for (const response of responses) expect(JSON.stringify(response)).not.toContain(crimeText);
    expect(responses[0].data!.collaborationCase.actions.map((a: any) => a.id)).toEqual([clubAction]);
    const police = (await t.app.as(POLICE, CASE_QUERY, { id: caseId })).data!;
    expect(police.collaborationCase.actions.map((a: any) => a.description)).toEqual([crimeText]);
  });

  it('6. a stale-case alert reaches the coordinator after 30 days without activity (fake clock)', async () => {
    const { childId } = await insertChild(t.app, '2012-03-15', 'Hugo');
    const caseId = await openCase(t.app, childId);
    await advanceTo(10);
    await ok(t.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
      i: { caseId, kind: 'MAPPING_TALK', scheduledAt: at(12), attendeeUserIds: [] },
    });
    await advanceTo(39);
    expect((await notificationsOf(COORDINATOR, 'COLLABORATION_CASE')).filter((n) => n.kind === 'DEADLINE_BREACH')).toEqual([]);
    await advanceTo(40);
    const alerts = (await notificationsOf(COORDINATOR, 'COLLABORATION_CASE')).filter((n) => n.kind === 'DEADLINE_BREACH');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].title).toContain('SSPF-');
    await advanceTo(80);
    expect((await notificationsOf(COORDINATOR, 'COLLABORATION_CASE')).filter((n) => n.kind === 'DEADLINE_BREACH')).toHaveLength(1);
    expect(await t.app.sql(`SELECT state FROM collaboration_case WHERE id = $1`, [caseId])).toEqual([{ state: 'INTAKE' }]);
  });
});

describe('collaboration rules through the API', () => {
  it('refuses a child outside both bands unless the coordinator overrides with a reason', async () => {
    const { childId } = await insertChild(t.app, '2007-01-10', 'Alva');
    const open = (modelOverride?: unknown) =>
      t.app.as(
        COORDINATOR,
        `mutation($i: OpenCollaborationCaseInput!) { openCollaborationCase(input: $i) { model modelOverrideReason } }`,
        {
          i: { childId, concern: 'Ung vuxen med fortsatt behov.', idempotencyKey: key(), ...(modelOverride ? { modelOverride } : {}) },
        },
      );
    expect((await open()).errors!.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', 'input.modelOverride'],
    ]);
    const overridden = await open({ model: 'SSPF', reason: 'Fortsatt stöd efter 18 enligt beslut i arbetsgruppen' });
    expect(overridden.data!.openCollaborationCase).toEqual({
      model: 'SSPF',
      modelOverrideReason: 'Fortsatt stöd efter 18 enligt beslut i arbetsgruppen',
    });
  });

  it('retries of the intake with the same key open one case; others than coordinators cannot open one', async () => {
    const { childId } = await insertChild(t.app, '2012-03-15', 'Maja');
    const input = { childId, concern: 'Oro.', idempotencyKey: 'same-intake-key-1' };
    const q = `mutation($i: OpenCollaborationCaseInput!) { openCollaborationCase(input: $i) { id } }`;
    const first = await ok(t.app, COORDINATOR, q, { i: input });
    const second = await ok(t.app, COORDINATOR, q, { i: input });
    expect(second.openCollaborationCase.id).toBe(first.openCollaborationCase.id);
    expect(
      (await t.app.as(SOCIAL_WORKER, q, { i: { ...input, idempotencyKey: 'other-key-1' } })).errors!.map((e) => e.extensions?.code),
    ).toEqual(['FORBIDDEN']);
  });

  it('needs the next follow-up date while the plan runs, and moves into FOLLOW_UP', async () => {
    const { caseId } = await sspfCaseWithTeam();
    const [meeting] = await t.app.sql(`SELECT id FROM collaboration_meeting WHERE case_id = $1`, [caseId]);
    await advanceTo(28);
    const teacherId = await userIdOf(t.app, TEACHER);
    const record = (extra: Record<string, unknown>) =>
      t.app.as(COORDINATOR, `mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { heldAt decisions } }`, {
        i: { meetingId: meeting.id, decisions: 'Fortsätt enligt planen.', attendeeUserIds: [teacherId], ...extra },
      });
    expect((await record({})).errors!.map((e) => e.extensions?.field)).toEqual(['input.nextFollowUpAt']);
    expect((await record({ nextFollowUpAt: at(56) })).errors).toBeUndefined();
    const view = await ok(
      t.app,
      COORDINATOR,
      `query($id: ID!) { collaborationCase(id: $id) { state nextFollowUpAt stateHistory { state } } }`,
      { id: caseId },
    );
    expect(view.collaborationCase.state).toBe('FOLLOW_UP');
    expect(view.collaborationCase.nextFollowUpAt).toBe(at(56));
    expect(view.collaborationCase.stateHistory.map((s: any) => s.state)).toEqual(['INTAKE', 'MAPPING', 'PLAN_ACTIVE', 'FOLLOW_UP']);
    // The teacher attended the follow-up and is invited to the next: they see those dates; the leisure worker sees none.
    const teacherMeetings = (await t.app.as(TEACHER, CASE_QUERY, { id: caseId })).data!.collaborationCase.meetings;
    expect(teacherMeetings.map((m: any) => [m.kind, m.scheduledAt])).toEqual([
      ['FOLLOW_UP', at(28)],
      ['FOLLOW_UP', at(56)],
    ]);
    expect((await t.app.as(LEISURE, CASE_QUERY, { id: caseId })).data!.collaborationCase.meetings).toEqual([]);
  });

  it('warns the coordinator before a consent ends, and reminds before a follow-up', async () => {
    const { childId, guardianIds } = await insertChild(t.app, '2012-03-15', 'Ella');
    const caseId = await openCase(t.app, childId);
    await recordConsent(t.app, { caseId, givenByYouth: true, guardianIds, agencyIds: [await agencyIdOf(t.app, TEACHER)], endsAt: at(60) });
    await ok(t.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
      i: { caseId, kind: 'FOLLOW_UP', scheduledAt: at(20), attendeeUserIds: [] },
    });
    await advanceTo(19);
    expect((await notificationsOf(COORDINATOR, 'FOLLOW_UP')).length).toBeGreaterThan(0);
    await advanceTo(52);
    expect(await notificationsOf(COORDINATOR, 'CONSENT')).toEqual([]);
    await advanceTo(54);
    expect((await notificationsOf(COORDINATOR, 'CONSENT')).map((n) => n.kind)).toEqual(['DEADLINE_REMIND_50']);
  });

  it("shows a child's collaboration cases on the child page, for social services and the coordinator only", async () => {
    const { childId, caseId } = await sspfCaseWithTeam();
    const q = `query($id: ID!) { child(id: $id) { collaborationCases { id state } } }`;
    expect((await ok(t.app, SOCIAL_WORKER, q, { id: childId })).child.collaborationCases).toEqual([{ id: caseId, state: 'PLAN_ACTIVE' }]);
    expect((await ok(t.app, COORDINATOR, q, { id: childId })).child.collaborationCases).toEqual([{ id: caseId, state: 'PLAN_ACTIVE' }]);
    expect((await t.app.as(TEACHER, q, { id: childId })).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it("lists the week's agenda: new intakes, follow-ups due, overdue actions", async () => {
    const { caseId, schoolAction } = await sspfCaseWithTeam();
    const [{ id: districtId }] = await t.app.sql(`SELECT id FROM district WHERE code = 'norr'`);
    t.clock.set(at(8));
    const q = `query($d: ID!, $w: String!) { collaborationAgenda(districtId: $d, week: $w) { weekStart newIntakes { id } dueForFollowUp { id } overdueActions { id } } }`;
    const thisWeek = await ok(t.app, COORDINATOR, q, { d: districtId, w: '2026-W48' });
    expect(thisWeek.collaborationAgenda).toEqual({
      weekStart: '2026-11-22T23:00:00.000Z',
      newIntakes: [{ id: caseId }],
      dueForFollowUp: [],
      overdueActions: [{ id: schoolAction }],
    });
    const followUpWeek = await ok(t.app, COORDINATOR, q, { d: districtId, w: '2026-W52' });
    expect(followUpWeek.collaborationAgenda.dueForFollowUp).toEqual([{ id: caseId }]);
    expect((await t.app.as(COORDINATOR, q, { d: districtId, w: 'week 52' })).errors!.map((e) => e.extensions?.field)).toEqual(['week']);
  });
});
