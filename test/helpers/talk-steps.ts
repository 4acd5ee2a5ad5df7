/** The steps social workers and police take on talks, as GraphQL calls on a test app with a fake clock. */
import { luhnCheckDigit } from '../../domain/children/personal-identity-number';
import { reconcileDeadlines } from '../../workers/deadlines/deadline-reconciler';
import { suspectedCrimeInput } from './reports';
import { AppPerTest, GraphQLResult, TestApp } from './test-app';

export const T0 = '2026-11-23T08:00:00Z';
export const ADMIN = 'admin@samverka.test';
export type District = 'norr' | 'syd';
export const who = (role: string, district: District) => `${role}.${district}@samverka.test`;
export const at = (ms: number) => new Date(new Date(T0).getTime() + ms);

export const TALK_FIELDS = `id reference state dueAt summonedAt scheduledAt heldAt heldLate delayReason preInvestigationRunning guardianContactOnHold
  policeClearedAt participants { id role displayName } deadlines { kind startsAt dueAt metAt status }`;

export function ok<T = any>(result: GraphQLResult<T>): T {
  expect(result.errors ?? []).toEqual([]);
  return result.data as T;
}

export function errorOf(result: GraphQLResult) {
  expect(result.errors?.length).toBeGreaterThan(0);
  return { code: result.errors![0].extensions?.code, field: result.errors![0].extensions?.field, message: result.errors![0].message };
}

let serial = 500;
let keys = 0;
export const key = () => `talk-steps-${++keys}`;

/** A valid personal identity number for someone `years` old (and three months) at T0. */
export function personalNumberAged(years: number): string {
  const birth = new Date(Date.UTC(2026 - years, 7, 15));
  const yymmdd = `${String(birth.getUTCFullYear()).slice(2)}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  const nnn = String(++serial).padStart(3, '0');
  return `${birth.getUTCFullYear()}${yymmdd.slice(2)}${nnn}${luhnCheckDigit(`${yymmdd}${nnn}`)}`;
}

/** The police report a first suspected crime that can lead to prison: the report's id and reference, the child's id. */
export async function policeReport(
  app: TestApp,
  district: District,
  child: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
) {
  const result = ok(
    await app.as(who('polis', district), `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id reference } }`, {
      i: suspectedCrimeInput({ policeReference: `K-${++serial}/26`, child, idempotencyKey: key(), ...overrides }),
    }),
  );
  const [{ child_id: childId }] = await app.sql(`SELECT child_id FROM report WHERE id = $1`, [result.reportConcern.id]);
  return { reportId: result.reportConcern.id as string, reference: result.reportConcern.reference as string, childId: childId as string };
}

/** A serious talk, opened by hand and due on `targetDate`, for the first seeded Norr child aged 13 to 16. */
export async function openTalkForNorrTeenager(app: TestApp, socialWorker: string, targetDate: string, idempotencyKey: string) {
  const [child] = await app.sql(`SELECT c.id FROM child c JOIN district d ON d.id = c.district_id
    WHERE d.code = 'norr' AND c.birth_date <= now() - interval '13 years' AND c.birth_date > now() - interval '17 years' ORDER BY c.id LIMIT 1`);
  const opened = await app.as(
    socialWorker,
    `mutation($childId: ID!, $target: String!, $key: String!) { openTalk(input: {
      childId: $childId, kind: SERIOUS_TALK, targetDate: $target, idempotencyKey: $key }) { id reference } }`,
    { childId: child.id, target: targetDate, key: idempotencyKey },
  );
  expect(opened.errors).toBeUndefined();
  return { talkId: opened.data.openTalk.id as string, reference: opened.data.openTalk.reference as string, childId: child.id as string };
}

/** `talkFields` is what a talk answers with unless a step asks for less. */
export function talkSteps(t: AppPerTest, talkFields = TALK_FIELDS) {
  const steps = {
    policeReport: (district: District, child: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
      policeReport(t.app, district, child, overrides),
    async talksOfChild(district: District, childId: string, fields = talkFields) {
      return ok(await t.app.as(who('socsek', district), `query($c: ID!) { talksForChild(childId: $c) { ${fields} } }`, { c: childId }))
        .talksForChild;
    },
    mutate(email: string, name: string, inputType: string, input: Record<string, unknown>, fields = talkFields) {
      return t.app.as(email, `mutation($i: ${inputType}!) { ${name}(input: $i) { ${fields} } }`, { i: input });
    },
    userId: (email: string) => t.app.idOf('app_user', 'email = $1', [email]),
    async agencyOf(email: string) {
      return (await t.app.sql(`SELECT agency_id FROM app_user WHERE email = $1`, [email]))[0].agency_id as string;
    },
    async notificationsOf(email: string) {
      return t.app.sql(
        `SELECT n.kind, n.title, n.body FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 ORDER BY n.created_at, n.title`,
        [email],
      );
    },
    async advanceTo(ms: number) {
      t.clock.set(at(ms));
      await reconcileDeadlines(t.app.runtime);
    },
    async setPolicy(district: District, changes: Record<string, unknown>) {
      const districtId = await t.app.idOf('district', 'code = $1', [district]);
      ok(
        await t.app.as(ADMIN, `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { id } }`, {
          i: { districtId, ...changes },
        }),
      );
      return districtId;
    },
    /** Social services add each user to the talk in the role given beside them. */
    async addParticipants(district: District, talkId: string, participants: [role: string, email: string][]) {
      for (const [role, email] of participants) {
        const input = { talkId, role, userId: await steps.userId(email) };
        ok(await steps.mutate(who('socsek', district), 'addTalkParticipant', 'AddTalkParticipantInput', input, 'id'));
      }
    },
    /** Social services summon to the talk and book its time and place. */
    async summonAndSchedule(district: District, talkId: string, scheduledAt: Date, location: string) {
      const socsek = who('socsek', district);
      ok(await steps.mutate(socsek, 'summonTalk', 'SummonTalkInput', { talkId }, 'id'));
      const input = { talkId, scheduledAt: scheduledAt.toISOString(), location };
      ok(await steps.mutate(socsek, 'scheduleTalk', 'ScheduleTalkInput', input, 'id'));
    },
    /** Social services book the talk and every agency explains its purpose, so it can be held. */
    async bookAndDisclose(district: District, talkId: string, scheduledAt: Date) {
      const socsek = who('socsek', district);
      ok(
        await steps.mutate(
          socsek,
          'scheduleTalk',
          'ScheduleTalkInput',
          { talkId, scheduledAt: scheduledAt.toISOString(), location: 'Socialkontoret' },
          'id',
        ),
      );
      ok(
        await steps.mutate(
          socsek,
          'recordDisclosure',
          'RecordDisclosureInput',
          { talkId, agencyId: await steps.agencyOf(socsek), explainedByUserId: await steps.userId(socsek) },
          'id',
        ),
      );
    },
  };
  return steps;
}
