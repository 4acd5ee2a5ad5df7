import { SubjectFacts } from '../../domain/access/conditions';
import { actionCategory } from '../../domain/collaboration/plan-rules';
import { categoryOfAgency } from '../../domain/consent/consent-rules';
import {
  addAction,
  addMember,
  agencyIdOf,
  ASSOCIATION,
  COORDINATOR,
  LEISURE,
  ok,
  openCase,
  POLICE,
  recordConsent,
  SOCIAL_WORKER,
  TEACHER,
  userIdOf,
} from './collaboration';
import { TestApp } from './test-app';

type Facts = SubjectFacts & { entityId?: string | null };

/**
 * The access matrix's collaboration dimensions: team membership (current, ended), consent categories and
 * criminal-offence data.
 * Case A (Norr): a valid consent for school, the association and leisure (basic facts, school, leisure); the
 * teacher and the association worker on the team; actions, a note and a meeting the teacher attends.
 * Case B (Norr): the leisure worker on the team under a consent that was withdrawn (membership ended).
 * Case C (Norr): a full consent (every category) for school, the association, the police and social services; the
 * police's goal, action and note name a suspected crime; the social worker is on the team; the leisure worker was
 * removed (membership ended).
 * Case D (Norr): a consent for basic facts and school only, covering the school and the police; a police goal.
 */
export async function collaborationMatrixFixtures(app: TestApp) {
  // A youth well inside the SSPF band (13–16 on the test clock), the same one every run: ordered by id, a random seed
  // id sometimes picked the 12-year-old at the band's edge, whose case takes another path.
  const [child, otherChild, childC, childD] = await app.sql(
    `SELECT c.id FROM child c JOIN district d ON d.id = c.district_id
      WHERE d.code = 'norr' AND c.birth_date BETWEEN date '2010-06-01' AND date '2013-06-01' ORDER BY c.personal_identity_number LIMIT 4`,
  );
  const guardiansOf = async (childId: string) =>
    (await app.sql(`SELECT id FROM guardian WHERE child_id = $1 ORDER BY id`, [childId])).map((g: { id: string }) => g.id);
  const guardianIds = await guardiansOf(child.id);
  const at = (days: number) => new Date(app.clock.now().getTime() + days * 86_400_000).toISOString();

  const caseA = await openCase(app, child.id, 'Matris: skolan oroar sig.');
  await recordConsent(app, {
    caseId: caseA,
    givenByYouth: true,
    guardianIds,
    agencyIds: [await agencyIdOf(app, TEACHER), await agencyIdOf(app, ASSOCIATION), await agencyIdOf(app, COORDINATOR)],
    endsAt: at(200),
  });
  await addMember(app, caseA, TEACHER);
  await addMember(app, caseA, ASSOCIATION);
  await ok(app, COORDINATOR, `mutation($i: SetGoalsInput!) { setGoals(input: $i) { id } }`, {
    i: {
      caseId: caseA,
      youthGoals: ['Klara matten'],
      agencyGoals: [{ agencyId: await agencyIdOf(app, TEACHER), text: 'Godkänt i matematik' }],
      firstFollowUpAt: at(30),
    },
  });
  const schoolAction = await addAction(app, caseA, TEACHER, 'SCHOOL_SUPPORT', 'Matris: läxhjälp', at(10));
  await addAction(app, caseA, ASSOCIATION, 'LEISURE_ACTIVITY', 'Matris: provträning', at(10));
  await addAction(app, caseA, COORDINATOR, 'GUARDIAN_SUPPORT', 'Matris: föräldrastöd', at(20));
  await ok(app, TEACHER, `mutation($i: AddActionNoteInput!) { addActionNote(input: $i) { id } }`, {
    i: { actionId: schoolAction, text: 'Matris: går bra' },
  });
  await ok(app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
    i: { caseId: caseA, kind: 'NETWORK_MEETING', scheduledAt: at(5), attendeeUserIds: [await userIdOf(app, TEACHER)] },
  });

  // One open case per child and model: each case is another child's.
  const caseB = await openCase(app, otherChild.id, 'Matris: återkallat samtycke.');
  const consentB = await recordConsent(app, {
    caseId: caseB,
    givenByYouth: true,
    guardianIds: await guardiansOf(otherChild.id),
    agencyIds: [await agencyIdOf(app, LEISURE)],
  });
  await addMember(app, caseB, LEISURE);
  await ok(app, COORDINATOR, `mutation($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { id } }`, {
    i: { consentId: consentB.data.recordConsent.consents[0].id },
  });

  const caseC = await openCase(app, childC.id, 'Matris: misstanke om rån (K-MATRIX-C/26).');
  const full = ['BASIC_FACTS', 'SCHOOL', 'LEISURE', 'POLICE_CONTACTS', 'SOCIAL_SERVICES_CONTACTS'];
  await recordConsent(app, {
    caseId: caseC,
    givenByYouth: true,
    guardianIds: await guardiansOf(childC.id),
    categories: full,
    endsAt: at(200),
    agencyIds: [
      await agencyIdOf(app, TEACHER),
      await agencyIdOf(app, ASSOCIATION),
      await agencyIdOf(app, POLICE),
      await agencyIdOf(app, COORDINATOR),
      await agencyIdOf(app, LEISURE),
    ],
  });
  for (const email of [TEACHER, ASSOCIATION, POLICE, SOCIAL_WORKER, LEISURE]) await addMember(app, caseC, email);
  await ok(app, COORDINATOR, `mutation($i: SetGoalsInput!) { setGoals(input: $i) { id } }`, {
    i: {
      caseId: caseC,
      youthGoals: ['Sluta umgås med gänget'],
      firstFollowUpAt: at(30),
      agencyGoals: [
        { agencyId: await agencyIdOf(app, POLICE), text: 'Polisen följer upp misstanken om rån (K-MATRIX-C/26)' },
        { agencyId: await agencyIdOf(app, ASSOCIATION), text: 'Matris: träning två kvällar' },
        { agencyId: await agencyIdOf(app, TEACHER), text: 'Matris: närvaro' },
      ],
    },
  });
  const policeAction = await addAction(app, caseC, POLICE, 'POLICE_COOPERATION', 'Matris: uppföljning K-MATRIX-C/26', at(10));
  await ok(app, POLICE, `mutation($i: AddActionNoteInput!) { addActionNote(input: $i) { id } }`, {
    i: { actionId: policeAction, text: 'Matris: förhör K-MATRIX-C/26' },
  });
  const clubAction = await addAction(app, caseC, ASSOCIATION, 'LEISURE_ACTIVITY', 'Matris: klubben', at(10));
  await ok(app, ASSOCIATION, `mutation($i: AddActionNoteInput!) { addActionNote(input: $i) { id } }`, {
    i: { actionId: clubAction, text: 'Matris: första träningen' },
  });
  await addAction(app, caseC, SOCIAL_WORKER, 'GUARDIAN_SUPPORT', 'Matris: föräldrastöd C', at(15));
  await ok(app, COORDINATOR, `mutation($i: RemoveTeamMemberInput!) { removeTeamMember(input: $i) { id } }`, {
    i: { caseId: caseC, userId: await userIdOf(app, LEISURE) },
  });

  const caseD = await openCase(app, childD.id, 'Matris: smalt samtycke.');
  await recordConsent(app, {
    caseId: caseD,
    givenByYouth: true,
    guardianIds: await guardiansOf(childD.id),
    categories: ['BASIC_FACTS', 'SCHOOL'],
    endsAt: at(200),
    agencyIds: [await agencyIdOf(app, TEACHER), await agencyIdOf(app, POLICE)],
  });
  for (const email of [TEACHER, POLICE]) await addMember(app, caseD, email);
  await ok(app, COORDINATOR, `mutation($i: SetGoalsInput!) { setGoals(input: $i) { id } }`, {
    i: {
      caseId: caseD,
      youthGoals: ['Matris D'],
      firstFollowUpAt: at(30),
      agencyGoals: [
        { agencyId: await agencyIdOf(app, POLICE), text: 'Matris: polisens mål i D' },
        { agencyId: await agencyIdOf(app, TEACHER), text: 'Matris: skolans mål i D' },
      ],
    },
  });
  await addAction(app, caseD, TEACHER, 'SCHOOL_SUPPORT', 'Matris: läxhjälp D', at(10));
  await addAction(app, caseD, POLICE, 'OTHER', 'Matris: polisens insats D', at(10));

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
  for (const a of await app.sql(`SELECT a.id, a.case_id, a.kind, a.responsible_agency_id, ag.kind AS agency_kind, a.crime_information
      FROM plan_action a JOIN agency ag ON ag.id = a.responsible_agency_id`)) {
    const f = {
      ...caseFacts.get(a.case_id),
      entityId: a.id,
      agencyId: a.responsible_agency_id,
      crimeInformation: a.crime_information,
      category: actionCategory({ kind: a.kind, responsibleAgencyKind: a.agency_kind }),
    };
    facts.set(a.id, f);
    for (const n of await app.sql(`SELECT id, crime_information FROM plan_action_note WHERE action_id = $1`, [a.id])) {
      facts.set(n.id, { ...f, entityId: n.id, crimeInformation: n.crime_information });
    }
  }
  for (const g of await app.sql(
    `SELECT g.id, g.case_id, g.crime_information, ag.kind FROM plan_goal g JOIN agency ag ON ag.id = g.agency_id`,
  )) {
    facts.set(g.id, {
      ...caseFacts.get(g.case_id),
      entityId: g.id,
      crimeInformation: g.crime_information,
      category: categoryOfAgency(g.kind),
    });
  }
  /** What each row may see at most, read from the data rather than the policy: valid consent categories by case and agency, and memberships. */
  const consentCategories = new Map<string, Map<string, Set<string>>>();
  for (const k of await app.sql(`SELECT case_id, agency_ids, categories FROM consent WHERE complete AND withdrawn_at IS NULL`)) {
    const byAgency = consentCategories.get(k.case_id) ?? new Map<string, Set<string>>();
    for (const agencyId of k.agency_ids) byAgency.set(agencyId, new Set([...(byAgency.get(agencyId) ?? []), ...k.categories]));
    consentCategories.set(k.case_id, byAgency);
  }
  const membership = new Map<string, 'current' | 'ended'>();
  for (const t of await app.sql(
    `SELECT case_id, user_id, bool_or(ended_at IS NULL) AS current FROM collaboration_team_member GROUP BY case_id, user_id`,
  )) {
    membership.set(`${t.case_id}|${t.user_id}`, t.current ? 'current' : 'ended');
  }
  for (const m of await app.sql(`SELECT id, case_id, attendee_user_ids FROM collaboration_meeting`)) {
    facts.set(m.id, { ...caseFacts.get(m.case_id), entityId: m.id });
    meetingAttendees.set(m.id, m.attendee_user_ids);
  }
  const [{ id: districtId }] = await app.sql(`SELECT id FROM district WHERE code = 'norr'`);
  return { caseIds: [caseA, caseB, caseC, caseD], facts, meetingAttendees, districtId, consentCategories, membership };
}
