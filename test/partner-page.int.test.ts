/**
 * The partners' page (issue 22, item 12): a partner on a case reads, under the consent, the child's name and age, the
 * goals, its own actions and the meetings it is invited to, and never crime information when it is not a public
 * authority; a meeting invitation reaches the invited in the app, by e-mail with its calendar entry and in their
 * calendar feed, naming the case's reference only.
 * Through the GraphQL API on a fake clock.
 */
import { signDevToken } from '../api/auth/dev-token';
import { DAY_MS } from '../domain/time/clock';
import {
  addAction,
  addMember,
  agencyIdOf,
  ASSOCIATION,
  COORDINATOR,
  insertChild,
  ok,
  openCase,
  POLICE,
  recordConsent,
  TEACHER,
  userIdOf,
} from './helpers/collaboration';
import { freshAppPerTest, TEST_SECRET } from './helpers/test-app';

const T0 = '2026-11-23T08:00:00Z';
const at = (days: number) => new Date(new Date(T0).getTime() + days * DAY_MS).toISOString();
const K_NUMBER = 'K-5150/26';
const SCHOOL_HEAD = 'rektor.norr@samverka.test';

const t = freshAppPerTest(T0);

const PARTNER_CASE = `query($id: ID!) { collaborationCase(id: $id) { reference child { givenName familyName age }
  agencyGoals { text agency { id } } meetings { kind scheduledAt } } }`;
const MY_ACTIONS = `{ myActions { caseId description } }`;

async function caseWithPartners() {
  const { childId, guardianIds } = await insertChild(t.app, '2012-03-15', 'Leo');
  const caseId = await openCase(t.app, childId, `Polisen misstänker rån (${K_NUMBER}).`);
  const agencies = [TEACHER, ASSOCIATION, POLICE];
  expect(
    (
      await recordConsent(t.app, {
        caseId,
        givenByYouth: true,
        guardianIds,
        categories: ['BASIC_FACTS', 'SCHOOL', 'LEISURE', 'POLICE_CONTACTS'],
        agencyIds: await Promise.all(agencies.map((e) => agencyIdOf(t.app, e))),
      })
    ).errors,
  ).toBeUndefined();
  for (const email of agencies) expect((await addMember(t.app, caseId, email)).errors).toBeUndefined();
  await ok(t.app, COORDINATOR, `mutation($i: SetGoalsInput!) { setGoals(input: $i) { state } }`, {
    i: {
      caseId,
      youthGoals: ['Klara skolan'],
      agencyGoals: [
        { agencyId: await agencyIdOf(t.app, POLICE), text: `Polisen följer upp misstanken om rån (${K_NUMBER})` },
        { agencyId: await agencyIdOf(t.app, TEACHER), text: 'Närvaro över 90 %' },
        { agencyId: await agencyIdOf(t.app, ASSOCIATION), text: 'Träning två kvällar i veckan' },
      ],
      firstFollowUpAt: at(28),
    },
  });
  await addAction(t.app, caseId, TEACHER, 'SCHOOL_SUPPORT', 'Läxhjälp', at(7));
  await addAction(t.app, caseId, ASSOCIATION, 'LEISURE_ACTIVITY', 'Provträning i klubben', at(12));
  const meeting = async (kind: string, days: number, emails: string[]) =>
    ok(t.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
      i: { caseId, kind, scheduledAt: at(days), attendeeUserIds: await Promise.all(emails.map((e) => userIdOf(t.app, e))) },
    });
  await meeting('NETWORK_MEETING', 5, [ASSOCIATION, TEACHER]);
  await meeting('FOLLOW_UP', 9, [TEACHER]);
  const [{ reference }] = await t.app.sql(`SELECT reference FROM collaboration_case WHERE id = $1`, [caseId]);
  return { caseId, reference: reference as string };
}

describe("the partners' page", () => {
  it('the sports association reads the child, the goals without crime information, its own actions and only the meeting it is invited to', async () => {
    const { caseId, reference } = await caseWithPartners();
    const page = await t.app.as(ASSOCIATION, PARTNER_CASE, { id: caseId });
    expect(page.errors ?? []).toEqual([]);
    const c = page.data!.collaborationCase;
    expect(c.reference).toBe(reference);
    expect(c.child).toEqual({ givenName: 'Leo', familyName: 'Samverkansson', age: 14 });
    const association = await agencyIdOf(t.app, ASSOCIATION);
    expect(c.agencyGoals.filter((g: any) => g.agency.id === association).map((g: any) => g.text)).toEqual(['Träning två kvällar i veckan']);
    expect(JSON.stringify(c)).not.toContain(K_NUMBER);
    expect(c.meetings.map((m: any) => m.kind)).toEqual(['NETWORK_MEETING']);

    const actions = (await ok(t.app, ASSOCIATION, MY_ACTIONS)).myActions;
    expect(actions).toEqual([{ caseId, description: 'Provträning i klubben' }]);
  });

  it("a school head added to the team has the partners' page: the case's child and goals, and the action given to them", async () => {
    const { caseId } = await caseWithPartners();
    expect((await ok(t.app, SCHOOL_HEAD, MY_ACTIONS)).myActions).toEqual([]);
    expect((await t.app.as(SCHOOL_HEAD, PARTNER_CASE, { id: caseId })).data?.collaborationCase ?? null).toBeNull();

    expect((await addMember(t.app, caseId, SCHOOL_HEAD)).errors).toBeUndefined();
    await addAction(t.app, caseId, SCHOOL_HEAD, 'SCHOOL_SUPPORT', 'Elevhälsomöte', at(10));
    expect((await ok(t.app, SCHOOL_HEAD, MY_ACTIONS)).myActions).toEqual([{ caseId, description: 'Elevhälsomöte' }]);
    const page = await t.app.as(SCHOOL_HEAD, PARTNER_CASE, { id: caseId });
    expect(page.errors ?? []).toEqual([]);
    expect(page.data!.collaborationCase.child).toEqual({ givenName: 'Leo', familyName: 'Samverkansson', age: 14 });
    const school = await agencyIdOf(t.app, SCHOOL_HEAD);
    expect(page.data!.collaborationCase.agencyGoals.filter((g: any) => g.agency.id === school).map((g: any) => g.text)).toEqual([
      'Närvaro över 90 %',
    ]);
  });

  it('a meeting invitation reaches each invited partner in the app and by e-mail with the reference only; not the coordinator who set it', async () => {
    const { reference } = await caseWithPartners();
    const invitations = async (email: string) =>
      t.app.sql(
        `SELECT n.title, n.body, (SELECT count(*)::int FROM outbox o WHERE o.dedupe_key = 'email:' || n.dedupe_key) AS emails
           FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 AND n.kind = 'MEETING_INVITATION' ORDER BY n.created_at, n.title`,
        [email],
      );
    expect(await invitations(ASSOCIATION)).toEqual([
      {
        title: `Inbjudan: nätverksmöte i ärende ${reference}`,
        body: `Du är inbjuden till nätverksmöte i ärende ${reference} 28 nov. 2026 09:00. Logga in för att se ärendet.`,
        emails: 1,
      },
    ]);
    expect((await invitations(TEACHER)).map((n: any) => n.title)).toEqual([
      `Inbjudan: nätverksmöte i ärende ${reference}`,
      `Inbjudan: uppföljningsmöte i ärende ${reference}`,
    ]);
    for (const n of [...(await invitations(TEACHER)), ...(await invitations(ASSOCIATION))])
      expect(`${n.title} ${n.body}`).not.toMatch(/Leo|rån|K-/);
    expect(await invitations(COORDINATOR)).toEqual([]);
  });

  it('an invited partner reads who else is invited, by name and agency; a partner on the team not invited sees neither the meeting nor them', async () => {
    const { caseId } = await caseWithPartners();
    const MEETINGS = `query($id: ID!) { collaborationCase(id: $id) { meetings { kind attendees { displayName agency { name } } } } }`;
    const invited = await t.app.as(ASSOCIATION, MEETINGS, { id: caseId });
    expect(invited.errors ?? []).toEqual([]);
    const [network] = invited.data!.collaborationCase.meetings;
    const [coordinator, association, teacher] = await t.app.sql(
      `SELECT u.display_name AS "displayName", a.name AS agency FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE u.email = ANY($1) ORDER BY array_position($1, u.email)`,
      [[COORDINATOR, ASSOCIATION, TEACHER]],
    );
    expect(network.kind).toBe('NETWORK_MEETING');
    // The coordinator who called the meeting attends it too.
    expect(network.attendees).toEqual([
      { displayName: coordinator.displayName, agency: { name: coordinator.agency } },
      { displayName: association.displayName, agency: { name: association.agency } },
      { displayName: teacher.displayName, agency: { name: teacher.agency } },
    ]);

    const notInvited = await t.app.as(POLICE, MEETINGS, { id: caseId });
    expect(notInvited.errors ?? []).toEqual([]);
    expect(notInvited.data!.collaborationCase.meetings).toEqual([]);
    // The reads are in the audit log under the invited partner's consent.
    const [read] = await t.app.sql(
      `SELECT a.legal_basis, a.consent_id IS NOT NULL AS "underConsent" FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE u.email = $1 AND a.entity_type = 'CollaborationMeeting' AND a.outcome = 'ALLOWED' AND 'attendees' = ANY(a.fields)`,
      [ASSOCIATION],
    );
    expect(read).toEqual({ legal_basis: 'CONSENT', underConsent: true });
  });

  it("a meeting invitation's e-mail carries the calendar entry: the meeting's own UID, the kind and the case's reference only", async () => {
    const { caseId, reference } = await caseWithPartners();
    const [network] = await t.app.sql(`SELECT id FROM collaboration_meeting WHERE case_id = $1 AND kind = 'NETWORK_MEETING'`, [caseId]);
    const [mail] = await t.app.sql(
      `SELECT o.subject, o.body, o.calendar FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id
        WHERE u.email = $1 AND o.calendar IS NOT NULL ORDER BY o.created_at`,
      [ASSOCIATION],
    );
    const lines = mail.calendar.split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'METHOD:REQUEST',
        `UID:meeting-${network.id}@samverka`,
        'SEQUENCE:0',
        'STATUS:CONFIRMED',
        'DTSTART:20261128T080000Z',
        `SUMMARY:Nätverksmöte i ärende ${reference}`,
      ]),
    );
    // The case holds a suspected robbery: neither the child nor the crime reaches the association's calendar.
    expect(`${mail.subject} ${mail.body} ${mail.calendar}`).not.toMatch(/Leo|rån|K-/);
  });

  it("the invited partner's calendar feed holds the meeting under the same UID as the e-mail; a partner not invited has none", async () => {
    const { caseId, reference } = await caseWithPartners();
    const [network] = await t.app.sql(`SELECT id FROM collaboration_meeting WHERE case_id = $1 AND kind = 'NETWORK_MEETING'`, [caseId]);
    const base = `http://127.0.0.1:${await t.app.api.listen(0)}`;
    const feedOf = async (email: string) => {
      const response = await fetch(`${base}/calendar/meetings.ics`, {
        headers: { authorization: `Bearer ${await signDevToken(email, TEST_SECRET)}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const association = await feedOf(ASSOCIATION);
    expect(association.split('\r\n')).toEqual(
      expect.arrayContaining([`UID:meeting-${network.id}@samverka`, 'SEQUENCE:0', `SUMMARY:Nätverksmöte i ärende ${reference}`]),
    );
    expect(association.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(association).not.toMatch(/Leo|rån|K-/);
    expect(await feedOf(POLICE)).not.toContain('BEGIN:VEVENT');
    const [read] = await t.app.sql(
      `SELECT count(*)::int AS n FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE u.email = $1 AND a.entity_type = 'CollaborationMeeting' AND a.entity_id = $2 AND a.outcome = 'ALLOWED'`,
      [ASSOCIATION, network.id],
    );
    expect(read.n).toBe(1);
  });
});
