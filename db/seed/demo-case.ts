import { EntityManager } from 'typeorm';
import { DAY_MS } from '../../domain/clock';
import { CaseSource, CaseState, CollaborationModel } from '../../domain/collaboration/collaboration-rules';
import { ActionKind, MeetingKind } from '../../domain/collaboration/plan-rules';
import { ConsentForm, InformationCategory } from '../../domain/consent/consent-rules';
import { collaborationRepository } from '../collaboration/collaboration.repository';
import { consentRepository } from '../consent/consent.repository';

const COORDINATOR = 'sspf.norr@samverka.test';
const TEACHER = 'larare.norr@samverka.test';
const LEISURE = 'fritid.norr@samverka.test';

/**
 * One open SSPF case in Norr, so `npm start` shows the case pages: the youth and both guardians consented
 * for school and leisure, the teacher and the leisure worker are on the team, the plan has three actions.
 * Written straight to the tables (no audit rows, no clocks): it is demo data, not a recorded decision.
 */
export async function seedDemoCase(manager: EntityManager, now: Date): Promise<{ reference: string }> {
  const users: { email: string; id: string; agency_id: string }[] = await manager.query(
    `SELECT email, id, agency_id FROM app_user WHERE email = ANY($1)`, [[COORDINATOR, TEACHER, LEISURE]]);
  const user = (email: string) => users.find((u) => u.email === email)!;
  const [child] = await manager.query(
    `SELECT c.id, c.district_id AS "districtId", d.policy_version AS "policyVersion", array_agg(g.id) AS "guardianIds"
       FROM child c JOIN district d ON d.id = c.district_id JOIN guardian g ON g.child_id = c.id
      WHERE d.code = 'norr' AND c.birth_date <= ($1::date - interval '13 years') AND c.birth_date > ($1::date - interval '18 years')
      GROUP BY c.id, d.policy_version ORDER BY c.birth_date DESC, c.id LIMIT 1`, [now.toISOString().slice(0, 10)]);
  const coordinator = user(COORDINATOR);
  const days = (n: number) => new Date(now.getTime() + n * DAY_MS);
  const opened = days(-21);

  const reference = await collaborationRepository.nextReference(manager, CollaborationModel.SSPF, now.getUTCFullYear());
  const theCase = await collaborationRepository.insertCase(manager, {
    reference, childId: child.id, districtId: child.districtId, policyVersion: child.policyVersion, model: CollaborationModel.SSPF,
    modelOverrideReason: null, source: CaseSource.COORDINATOR, sourceSubjectId: null, coordinatorUserId: coordinator.id, now: opened,
    concern: 'Skolan ser hög frånvaro och polisen har mött ungdomen i ett gäng vid centrum på kvällstid.',
  });
  await consentRepository.insert(manager, {
    caseId: theCase.id, givenByYouth: true, guardianIds: child.guardianIds, complete: true, form: ConsentForm.WRITTEN, oralNote: null,
    documentReference: 'Samtycke, kartläggningssamtal', givenAt: days(-14), endsAt: days(351), agencyIds: [user(TEACHER).agency_id, user(LEISURE).agency_id],
    categories: [InformationCategory.BASIC_FACTS, InformationCategory.SCHOOL, InformationCategory.LEISURE], recordedByUserId: coordinator.id,
  });
  await collaborationRepository.recordState(manager, theCase.id, CaseState.MAPPING, days(-14), coordinator.id);
  for (const [email, role] of [[TEACHER, 'Mentor'], [LEISURE, 'Fritidsledare på gården']] as const) {
    await collaborationRepository.addTeamMember(manager, { caseId: theCase.id, userId: user(email).id, agencyId: user(email).agency_id, role, at: days(-13), addedBy: coordinator.id });
  }
  await collaborationRepository.setYouthGoals(manager, theCase.id, ['Gå till skolan varje dag', 'Börja spela fotboll igen']);
  await collaborationRepository.replaceAgencyGoals(manager, theCase.id, [
    { agencyId: user(TEACHER).agency_id, text: 'Närvaro över 90 % till jul', crimeInformation: false },
    { agencyId: user(LEISURE).agency_id, text: 'En fast aktivitet två kvällar i veckan', crimeInformation: false },
  ]);
  await collaborationRepository.recordState(manager, theCase.id, CaseState.PLAN_ACTIVE, days(-10), coordinator.id);
  const actions: [string, ActionKind, string, number][] = [
    [TEACHER, ActionKind.SCHOOL_SUPPORT, 'Extra stöd i matematik med mentorn, två pass i veckan', 7],
    [LEISURE, ActionKind.LEISURE_ACTIVITY, 'Hitta en fotbollsklubb tillsammans och följa med på första träningen', 14],
    [COORDINATOR, ActionKind.GUARDIAN_SUPPORT, 'Erbjuda vårdnadshavarna föräldraprogrammet', 21],
  ];
  for (const [email, kind, description, dueInDays] of actions) {
    const actionId = await collaborationRepository.insertAction(manager, {
      caseId: theCase.id, kind, description, responsibleAgencyId: user(email).agency_id, responsibleUserId: user(email).id,
      dueAt: days(dueInDays), createdByUserId: coordinator.id, crimeInformation: false,
    });
    if (email === LEISURE) await collaborationRepository.insertNote(manager, actionId, user(LEISURE).id, 'Har pratat med IFK:s ungdomstränare.', days(-2), false);
  }
  await collaborationRepository.insertMeeting(manager, {
    caseId: theCase.id, kind: MeetingKind.FOLLOW_UP, scheduledAt: days(18), attendeeUserIds: users.map((u) => u.id), createdBy: coordinator.id,
  });
  await collaborationRepository.touch(manager, theCase.id, days(-2));
  return { reference };
}
