import { SubjectFacts } from '../../domain/access/conditions';
import { isCrimeInformation } from '../../domain/collaboration/plan-rules';
import {
  addAction, addMember, agencyIdOf, ASSOCIATION, COORDINATOR, LEISURE, ok, openCase, recordConsent, TEACHER, userIdOf,
} from './collaboration';
import { TestApp } from './test-app';

type Facts = SubjectFacts & { entityId?: string | null };

/**
 * The access matrix's collaboration dimension: team membership and consent.
 * Case A (Norr): a valid consent for school, the association and leisure; the
 * teacher and the association worker on the team; actions, a note and a
 * meeting the teacher attends. Case B (Norr): the leisure worker on the team
 * under a consent that was withdrawn. The police are on no team.
 */
export async function collaborationMatrixFixtures(app: TestApp) {
  // A youth well inside the SSPF band (13–16 on the test clock), the same one every run: ordered by id, a random seed
  // id sometimes picked the 12-year-old at the band's edge, whose case takes another path.
  const [child, otherChild] = await app.sql(
    `SELECT c.id FROM child c JOIN district d ON d.id = c.district_id
      WHERE d.code = 'norr' AND c.birth_date BETWEEN date '2010-06-01' AND date '2013-06-01' ORDER BY c.personal_identity_number LIMIT 2`);
  const guardiansOf = async (childId: string) => (await app.sql(`SELECT id FROM guardian WHERE child_id = $1 ORDER BY id`, [childId])).map((g: { id: string }) => g.id);
  const guardianIds = await guardiansOf(child.id);
  const at = (days: number) => new Date(app.clock.now().getTime() + days * 86_400_000).toISOString();

  const caseA = await openCase(app, child.id, 'Matris: skolan oroar sig.');
  await recordConsent(app, { caseId: caseA, givenByYouth: true, guardianIds,
    agencyIds: [await agencyIdOf(app, TEACHER), await agencyIdOf(app, ASSOCIATION), await agencyIdOf(app, COORDINATOR)], endsAt: at(200) });
  await addMember(app, caseA, TEACHER);
  await addMember(app, caseA, ASSOCIATION);
  await ok(app, COORDINATOR, `mutation($i: SetGoalsInput!) { setGoals(input: $i) { id } }`, { i: {
    caseId: caseA, youthGoals: ['Klara matten'], agencyGoals: [{ agencyId: await agencyIdOf(app, TEACHER), text: 'Godkänt i matematik' }], firstFollowUpAt: at(30) } });
  const schoolAction = await addAction(app, caseA, TEACHER, 'SCHOOL_SUPPORT', 'Matris: läxhjälp', at(10));
  await addAction(app, caseA, ASSOCIATION, 'LEISURE_ACTIVITY', 'Matris: provträning', at(10));
  await addAction(app, caseA, COORDINATOR, 'GUARDIAN_SUPPORT', 'Matris: föräldrastöd', at(20));
  await ok(app, TEACHER, `mutation($i: AddActionNoteInput!) { addActionNote(input: $i) { id } }`, { i: { actionId: schoolAction, text: 'Matris: går bra' } });
  await ok(app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`,
    { i: { caseId: caseA, kind: 'NETWORK_MEETING', scheduledAt: at(5), attendeeUserIds: [await userIdOf(app, TEACHER)] } });

  // One open case per child and model: the withdrawn-consent case is another child's.
  const caseB = await openCase(app, otherChild.id, 'Matris: återkallat samtycke.');
  const consentB = await recordConsent(app, { caseId: caseB, givenByYouth: true, guardianIds: await guardiansOf(otherChild.id), agencyIds: [await agencyIdOf(app, LEISURE)] });
  await addMember(app, caseB, LEISURE);
  await ok(app, COORDINATOR, `mutation($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { id } }`,
    { i: { consentId: consentB.data.recordConsent.consents[0].id } });

  const facts = new Map<string, Facts>();
  const meetingAttendees = new Map<string, string[]>();
  const caseFacts = new Map<string, Facts>();
  for (const c of await app.sql(`SELECT id, child_id, district_id FROM collaboration_case`)) {
    const f = { entityId: c.id, caseId: c.id, childId: c.child_id, districtId: c.district_id };
    facts.set(c.id, f);
    caseFacts.set(c.id, f);
  }
  const parts = async (table: string) => app.sql(`SELECT id, case_id FROM ${table}`);
  for (const table of ['consent', 'collaboration_team_member']) {
    for (const r of await parts(table)) facts.set(r.id, { ...caseFacts.get(r.case_id), entityId: r.id });
  }
  for (const a of await app.sql(`SELECT a.id, a.case_id, a.kind, a.responsible_agency_id, ag.kind AS agency_kind FROM plan_action a JOIN agency ag ON ag.id = a.responsible_agency_id`)) {
    const f = { ...caseFacts.get(a.case_id), entityId: a.id, agencyId: a.responsible_agency_id,
      crimeInformation: isCrimeInformation({ kind: a.kind, responsibleAgencyKind: a.agency_kind }) };
    facts.set(a.id, f);
    for (const n of await app.sql(`SELECT id FROM plan_action_note WHERE action_id = $1`, [a.id])) facts.set(n.id, { ...f, entityId: n.id });
  }
  for (const m of await app.sql(`SELECT id, case_id, attendee_user_ids FROM collaboration_meeting`)) {
    facts.set(m.id, { ...caseFacts.get(m.case_id), entityId: m.id });
    meetingAttendees.set(m.id, m.attendee_user_ids);
  }
  const [{ id: districtId }] = await app.sql(`SELECT id FROM district WHERE code = 'norr'`);
  return { caseIds: [caseA, caseB], facts, meetingAttendees, districtId };
}
