import { TestApp } from './test-app';

export const COORDINATOR = 'sspf.norr@samverka.test';
export const TEACHER = 'larare.norr@samverka.test';
export const LEISURE = 'fritid.norr@samverka.test';
export const ASSOCIATION = 'forening.norr@samverka.test';
export const POLICE = 'polis.norr@samverka.test';
export const SOCIAL_WORKER = 'socsek.norr@samverka.test';

export const CASE_QUERY = `query($id: ID!) { collaborationCase(id: $id) {
  id reference model state concern child { givenName familyName age } youthGoals agencyGoals { text agency { name } }
  actions { id kind description status responsibleAgency { name } notes { text } }
  meetings { id kind scheduledAt } consents { id valid } team { person { displayName } agency { kind } } } }`;

let keys = 0;
export const key = () => `collab-test-${++keys}-${Date.now()}`;

/** A child of Norr born on the given date, with two guardians; returns its id and the guardians' ids. */
export async function insertChild(app: TestApp, birthDate: string, givenName: string): Promise<{ childId: string; guardianIds: string[] }> {
  const [{ id: districtId }] = await app.sql(`SELECT id FROM district WHERE code = 'norr'`);
  const [{ id: childId }] = await app.sql(
    `INSERT INTO child (birth_date, given_name, family_name, district_id) VALUES ($1, $2, 'Samverkansson', $3) RETURNING id`,
    [birthDate, givenName, districtId],
  );
  const guardians = await app.sql(
    `INSERT INTO guardian (child_id, name, relation) VALUES ($1, 'Kim Samverkansson', 'förälder'), ($1, 'Robin Samverkansson', 'förälder') RETURNING id`,
    [childId],
  );
  return { childId, guardianIds: guardians.map((g: { id: string }) => g.id) };
}

export async function agencyIdOf(app: TestApp, email: string): Promise<string> {
  const [{ agency_id: id }] = await app.sql(`SELECT agency_id FROM app_user WHERE email = $1`, [email]);
  return id;
}

export async function userIdOf(app: TestApp, email: string): Promise<string> {
  return app.idOf('app_user', 'email = $1', [email]);
}

/** Runs an operation and fails the test with the errors when there are any. */
export async function ok(app: TestApp, email: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const result = await app.as(email, query, variables);
  if (result.errors?.length) throw new Error(`${email}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export async function openCase(app: TestApp, childId: string, concern = 'Skolan och polisen oroar sig.'): Promise<string> {
  const data = await ok(
    app,
    COORDINATOR,
    `mutation($i: OpenCollaborationCaseInput!) { openCollaborationCase(input: $i) { id model state } }`,
    { i: { childId, concern, idempotencyKey: key() } },
  );
  return data.openCollaborationCase.id;
}

export async function recordConsent(app: TestApp, input: Record<string, unknown>): Promise<any> {
  return app.as(COORDINATOR, `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { id state consents { id valid } } }`, {
    i: {
      form: 'WRITTEN',
      documentReference: 'Samtycke 2026-11-23',
      categories: ['BASIC_FACTS', 'SCHOOL', 'LEISURE'],
      guardianIds: [],
      ...input,
    },
  });
}

export async function addMember(app: TestApp, caseId: string, email: string) {
  return app.as(COORDINATOR, `mutation($i: AddTeamMemberInput!) { addTeamMember(input: $i) { id team { person { displayName } } } }`, {
    i: { caseId, userId: await userIdOf(app, email) },
  });
}

export async function addAction(
  app: TestApp,
  caseId: string,
  email: string,
  kind: string,
  description: string,
  dueAt: string,
): Promise<string> {
  const data = await ok(app, COORDINATOR, `mutation($i: AddPlanActionInput!) { addPlanAction(input: $i) { id } }`, {
    i: { caseId, kind, description, responsibleUserId: await userIdOf(app, email), dueAt },
  });
  return data.addPlanAction.id;
}

/** A case in mapping for a new child of Norr, whose consent covers the partner's agency, with the partner on the team. */
export async function caseWithTeamMember(app: TestApp, partnerEmail: string, givenName: string): Promise<string> {
  const { childId, guardianIds } = await insertChild(app, '2012-03-15', givenName);
  const caseId = await openCase(app, childId);
  const consent = await recordConsent(app, { caseId, givenByYouth: true, guardianIds, agencyIds: [await agencyIdOf(app, partnerEmail)] });
  if (consent.errors?.length) throw new Error(JSON.stringify(consent.errors));
  const added = await addMember(app, caseId, partnerEmail);
  if (added.errors?.length) throw new Error(JSON.stringify(added.errors));
  return caseId;
}
