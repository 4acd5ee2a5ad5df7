/**
 * What a partner on a case reads (issue 20, part A): criminal-offence data never reaches an agency that is not a
 * public authority; the consent's categories decide which parts each agency reads; a social worker without need to
 * know sees only that a case exists; withdrawal and removal end the membership and its clocks; denied reads are
 * audited with their child and district.
 */
import { DAY_MS } from '../domain/time/clock';
import { reconcileDeadlines } from '../workers/deadlines/deadline-reconciler';
import {
  addAction,
  addMember,
  agencyIdOf,
  ASSOCIATION,
  COORDINATOR,
  insertChild,
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
const SUPERVISOR = 'chef.norr@samverka.test';
const ALL_CATEGORIES = ['BASIC_FACTS', 'SCHOOL', 'LEISURE', 'POLICE_CONTACTS', 'SOCIAL_SERVICES_CONTACTS'];
const K_NUMBER = 'K-4711/26';

const FULL_CASE = `query($id: ID!) { collaborationCase(id: $id) {
  id reference state concern youthGoals coordinator { displayName } child { givenName }
  agencyGoals { id text crimeInformation agency { kind } }
  actions { id kind description cancelReason crimeInformation notes { id text } }
  meetings { id scheduledAt decisions planChanges } consents { id } team(includeEnded: true) { person { displayName } endedAt endReason } currentTeam: team { id } stateHistory { state } } }`;

const t = freshAppPerTest(T0);

async function advanceTo(days: number) {
  t.clock.set(at(days));
  return reconcileDeadlines(t.app.runtime);
}

/** The case as the user reads it; denied fields are null (with FORBIDDEN errors, which the tests look at where they matter). */
async function view(email: string, caseId: string) {
  const result = await t.app.as(email, FULL_CASE, { id: caseId });
  if (!result.data?.collaborationCase) throw new Error(`${email}: ${JSON.stringify(result.errors)}`);
  return result.data.collaborationCase;
}

const setGoals = async (caseId: string, agencyGoals: { agencyId: string; text: string }[]) =>
  ok(t.app, COORDINATOR, `mutation($i: SetGoalsInput!) { setGoals(input: $i) { state } }`, {
    i: { caseId, youthGoals: ['Klara skolan'], agencyGoals, firstFollowUpAt: at(28) },
  });

async function notificationTexts(email: string): Promise<string> {
  const rows = await t.app.sql(`SELECT n.title, n.body FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1`, [
    email,
  ]);
  const mails = await t.app.sql(`SELECT o.subject, o.body FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id WHERE u.email = $1`, [
    email,
  ]);
  return JSON.stringify([rows, mails]);
}

/**
 * A robbery suspicion case: the consent covers the school, the association and the police for every category; the
 * police's goal and action name the suspected crime and the K-number; the police write a note; the association has an
 * action of its own.
 */
async function robberyCase(categories = ALL_CATEGORIES, agencies = [TEACHER, ASSOCIATION, POLICE]) {
  const { childId, guardianIds } = await insertChild(t.app, '2012-03-15', 'Leo');
  const caseId = await openCase(t.app, childId, `Polisen misstänker rån (${K_NUMBER}).`);
  const consent = await recordConsent(t.app, {
    caseId,
    givenByYouth: true,
    guardianIds,
    categories,
    agencyIds: await Promise.all(agencies.map((e) => agencyIdOf(t.app, e))),
  });
  expect(consent.errors).toBeUndefined();
  for (const email of agencies) expect((await addMember(t.app, caseId, email)).errors).toBeUndefined();
  await setGoals(caseId, [
    { agencyId: await agencyIdOf(t.app, POLICE), text: `Polisen följer upp misstanken om rån (${K_NUMBER})` },
    { agencyId: await agencyIdOf(t.app, TEACHER), text: 'Närvaro över 90 %' },
    ...(agencies.includes(ASSOCIATION) ? [{ agencyId: await agencyIdOf(t.app, ASSOCIATION), text: 'Träning två kvällar i veckan' }] : []),
  ]);
  const policeAction = agencies.includes(POLICE)
    ? await addAction(t.app, caseId, POLICE, 'POLICE_COOPERATION', `Uppföljning efter rånet ${K_NUMBER}`, at(10))
    : null;
  if (policeAction) {
    await ok(t.app, POLICE, `mutation($i: AddActionNoteInput!) { addActionNote(input: $i) { id } }`, {
      i: { actionId: policeAction, text: `Förhör hållet i ${K_NUMBER}` },
    });
  }
  const schoolAction = agencies.includes(TEACHER) ? await addAction(t.app, caseId, TEACHER, 'SCHOOL_SUPPORT', 'Läxhjälp', at(7)) : null;
  const associationAction = agencies.includes(ASSOCIATION)
    ? await addAction(t.app, caseId, ASSOCIATION, 'LEISURE_ACTIVITY', 'Provträning i klubben', at(12))
    : null;
  await ok(t.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
    i: { caseId, kind: 'NETWORK_MEETING', scheduledAt: at(5), attendeeUserIds: await Promise.all(agencies.map((e) => userIdOf(t.app, e))) },
  });
  return { childId, caseId, consentId: consent.data.recordConsent.consents[0].id as string, policeAction, schoolAction, associationAction };
}

describe('1. criminal-offence data never reaches an association (GDPR art. 10)', () => {
  it('the association on a team with a full consent reads no police goal, note, action, meeting text, concern or notification text', async () => {
    const { caseId, associationAction } = await robberyCase();
    // Its own action's reminders and breach run their course.
    await advanceTo(13);
    const seen = await t.app.as(ASSOCIATION, FULL_CASE, { id: caseId });
    const seenView = seen.data!.collaborationCase;
    expect(JSON.stringify(seenView)).not.toContain('K-4711');
    expect(JSON.stringify(seenView)).not.toMatch(/rån/);
    expect(seenView.agencyGoals.map((g: any) => g.text).sort()).toEqual(['Närvaro över 90 %', 'Träning två kvällar i veckan']);
    expect(seenView.actions.map((a: any) => a.id)).toEqual([associationAction]);
    expect(seenView.concern).toBeNull();
    expect(seenView.meetings.every((m: any) => m.decisions === null && m.planChanges === null)).toBe(true);
    const actions = await ok(t.app, ASSOCIATION, `{ myActions { id description } }`);
    expect(JSON.stringify(actions)).not.toContain('K-4711');
    expect((await notificationTexts(ASSOCIATION)).length).toBeGreaterThan(10);
    expect(await notificationTexts(ASSOCIATION)).not.toContain('K-4711');

    // A public authority on the same team reads the police goal under the consent.
    const teacher = await view(TEACHER, caseId);
    expect(teacher.agencyGoals.find((g: any) => g.agency.kind === 'POLICE')).toMatchObject({ crimeInformation: true });
  });

  it('a police goal stays hidden from the association until a public authority marks it otherwise; the association and the police cannot mark it', async () => {
    const { caseId } = await robberyCase();
    const goals = (await view(COORDINATOR, caseId)).agencyGoals;
    const policeGoal = goals.find((g: any) => g.agency.kind === 'POLICE');
    expect(policeGoal.crimeInformation).toBe(true);
    const mark = (email: string, crimeInformation: boolean) =>
      t.app.as(email, `mutation($i: MarkCrimeInformationInput!) { markCrimeInformation(input: $i) { id } }`, {
        i: { text: 'AGENCY_GOAL', id: policeGoal.id, crimeInformation },
      });

    for (const email of [ASSOCIATION, POLICE]) expect((await mark(email, false)).errors![0].extensions?.code).toBe('FORBIDDEN');
    expect((await view(ASSOCIATION, caseId)).agencyGoals).toHaveLength(2);

    expect((await mark(COORDINATOR, false)).errors).toBeUndefined();
    const after = (await view(ASSOCIATION, caseId)).agencyGoals;
    expect(after.map((g: any) => g.id)).toContain(policeGoal.id);
    const [audit] = await t.app.sql(`SELECT action, entity_type, fields, district_id FROM audit_event WHERE entity_id = $1`, [
      policeGoal.id,
    ]);
    expect(audit).toMatchObject({ action: 'UPDATE', entity_type: 'AGENCY_GOAL', fields: ['crimeInformation'] });
    expect(audit.district_id).not.toBeNull();
  });

  it("a note the coordinator marks as crime information disappears from the association's own action", async () => {
    const { caseId, associationAction } = await robberyCase();
    await ok(t.app, COORDINATOR, `mutation($i: AddActionNoteInput!) { addActionNote(input: $i) { id } }`, {
      i: { actionId: associationAction, text: 'Polisen har hört av sig om klubben.' },
    });
    const [{ id: noteId }] = await t.app.sql(`SELECT id FROM plan_action_note WHERE action_id = $1`, [associationAction]);
    const notesOf = async () => (await view(ASSOCIATION, caseId)).actions[0].notes.map((n: any) => n.id);
    expect(await notesOf()).toEqual([noteId]);
    await ok(t.app, COORDINATOR, `mutation($i: MarkCrimeInformationInput!) { markCrimeInformation(input: $i) { id } }`, {
      i: { text: 'ACTION_NOTE', id: noteId, crimeInformation: true },
    });
    expect(await notesOf()).toEqual([]);
  });
});

describe("2. the consent's categories decide which parts each agency reads", () => {
  it("a consent covering only basic facts and school: the teacher reads the school's goal and action, not the police goal", async () => {
    const { caseId, schoolAction } = await robberyCase(['BASIC_FACTS', 'SCHOOL'], [TEACHER, POLICE]);
    const seenView = await view(TEACHER, caseId);
    expect(seenView.agencyGoals.map((g: any) => g.text)).toEqual(['Närvaro över 90 %']);
    expect(seenView.actions).toEqual([expect.objectContaining({ id: schoolAction, description: 'Läxhjälp' })]);
    expect(JSON.stringify(seenView)).not.toContain('K-4711');
    // The police's own goal and action fall under POLICE_CONTACTS, which this consent does not name: not even the police read them.
    const police = await view(POLICE, caseId);
    expect(police.agencyGoals.map((g: any) => g.text)).toEqual(['Närvaro över 90 %']);
    expect(police.actions[0].description).toBeNull();
  });
});

describe('3. need to know inside social services', () => {
  it('a social worker of the district who is not on the team sees that the child has a case and who coordinates it, and no content', async () => {
    const { caseId } = await robberyCase();
    const seen = await t.app.as(SOCIAL_WORKER, FULL_CASE, { id: caseId });
    const seenView = seen.data!.collaborationCase;
    expect(seenView).toMatchObject({ id: caseId, coordinator: { displayName: expect.any(String) }, child: { givenName: 'Leo' } });
    for (const field of ['concern', 'youthGoals', 'agencyGoals', 'actions', 'meetings', 'consents', 'team', 'stateHistory']) {
      expect({ field, value: seenView[field] }).toEqual({ field, value: null });
    }
    expect(JSON.stringify(seen.data)).not.toContain('K-4711');
    // The supervisor reviews the case; a social worker put on the team does too.
    expect((await view(SUPERVISOR, caseId)).concern).toContain(K_NUMBER);
    const { caseId: ownCase } = await robberyCase(ALL_CATEGORIES, [TEACHER, SOCIAL_WORKER]);
    expect((await view(SOCIAL_WORKER, ownCase)).concern).toContain(K_NUMBER);
  });
});

describe('4. withdrawal and removal end the membership', () => {
  it('after withdrawal the teacher leaves the team (kept as history), gets no reminder or breach notice, and the coordinator learns which action lost its owner', async () => {
    const { caseId, consentId, schoolAction } = await robberyCase(ALL_CATEGORIES, [TEACHER, LEISURE]);
    await ok(t.app, COORDINATOR, `mutation($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { id } }`, { i: { consentId } });

    const team = (await view(COORDINATOR, caseId)).team;
    expect(team).toHaveLength(2);
    expect(team.map((t: any) => [t.endedAt, t.endReason])).toEqual([
      [at(0), 'CONSENT_WITHDRAWN'],
      [at(0), 'CONSENT_WITHDRAWN'],
    ]);
    expect((await view(COORDINATOR, caseId)).currentTeam).toEqual([]);
    const [clock] = await t.app.sql(`SELECT cancelled_at FROM deadline WHERE subject_id = $1`, [schoolAction]);
    expect(clock.cancelled_at).not.toBeNull();
    await advanceTo(10);
    // The meeting invitations went out before the withdrawal; no reminder or breach notice reaches them after it.
    expect(
      await t.app.sql(
        `SELECT n.kind FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = ANY($1) AND n.kind <> 'MEETING_INVITATION'`,
        [[TEACHER, LEISURE]],
      ),
    ).toEqual([]);
    expect(
      await t.app.sql(
        `SELECT o.id FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id
          WHERE u.email = ANY($1) AND o.dedupe_key NOT LIKE 'email:meeting-invitation:%'`,
        [[TEACHER, LEISURE]],
      ),
    ).toEqual([]);
    const [told] = await t.app.sql(
      `SELECT n.body FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 AND n.kind = 'TEAM_MEMBERS_LEFT'`,
      [COORDINATOR],
    );
    expect(told.body).toContain('Stöd i skolan');
    expect(
      await t.app.sql(
        `SELECT count(*)::int AS n FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id WHERE u.email = $1 AND o.subject LIKE 'Insatser utan ansvarig%'`,
        [COORDINATOR],
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('the coordinator removes a member with the same effect; the member may not remove anyone, and can be added back', async () => {
    const { caseId, schoolAction } = await robberyCase(ALL_CATEGORIES, [TEACHER, LEISURE]);
    const remove = (email: string, target: string) =>
      t.app.as(email, `mutation($i: RemoveTeamMemberInput!) { removeTeamMember(input: $i) { id } }`, { i: { caseId, userId: target } });
    expect((await remove(TEACHER, '00000000-0000-4000-8000-000000000000')).errors![0].extensions?.code).toBe('FORBIDDEN');
    expect((await remove(COORDINATOR, await userIdOf(t.app, TEACHER))).errors).toBeUndefined();
    expect((await t.app.as(TEACHER, FULL_CASE, { id: caseId })).errors![0].extensions?.code).toBe('NOT_FOUND');
    expect((await view(LEISURE, caseId)).id).toBe(caseId);
    const [clock] = await t.app.sql(`SELECT cancelled_at FROM deadline WHERE subject_id = $1`, [schoolAction]);
    expect(clock.cancelled_at).not.toBeNull();
    expect((await remove(COORDINATOR, await userIdOf(t.app, TEACHER))).errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await addMember(t.app, caseId, TEACHER)).errors).toBeUndefined();
    const team = (await view(COORDINATOR, caseId)).team;
    expect(team.map((t: any) => t.endReason).sort()).toEqual(['REMOVED', null, null]);
    expect((await view(COORDINATOR, caseId)).currentTeam).toHaveLength(2);
  });
});

describe('5. denied reads are found in the audit views', () => {
  it("a read refused after withdrawal is in the child's trail, and a partner's read shows its object and consent", async () => {
    const { childId, caseId, consentId } = await robberyCase(ALL_CATEGORIES, [TEACHER]);
    expect((await view(TEACHER, caseId)).id).toBe(caseId);
    await ok(t.app, COORDINATOR, `mutation($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { id } }`, { i: { consentId } });
    const refused = await t.app.as(TEACHER, FULL_CASE, { id: caseId });
    expect(refused.errors![0].extensions?.code).toBe('NOT_FOUND');
    const [denied] = await t.app.sql(`SELECT child_id, district_id FROM audit_event WHERE request_id = $1 AND outcome = 'DENIED'`, [
      refused.requestId,
    ]);
    expect(denied).toEqual({ child_id: childId, district_id: expect.any(String) });

    const trail = (
      await ok(
        t.app,
        SUPERVISOR,
        `query($c: ID!) { auditTrail(childId: $c, from: "2026-11-01T00:00:00Z", to: "2026-12-31T00:00:00Z") {
      entityType entityId consentId outcome actorAgency { kind } } }`,
        { c: childId },
      )
    ).auditTrail;
    // The id another agency asked for stays hidden (it is what they searched for); the child and the district find the row.
    expect(trail).toContainEqual({
      entityType: 'CollaborationCase',
      entityId: null,
      consentId: null,
      outcome: 'DENIED',
      actorAgency: { kind: 'SCHOOL' },
    });
    expect(trail).toContainEqual({
      entityType: 'CollaborationCase',
      entityId: caseId,
      consentId,
      outcome: 'ALLOWED',
      actorAgency: { kind: 'SCHOOL' },
    });
  });
});
