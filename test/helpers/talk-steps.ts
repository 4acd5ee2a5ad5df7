/** The steps social workers and police take on talks, as GraphQL calls on a test app with a fake clock. */
import { FakeClock } from '../../domain/time/clock';
import { luhnCheckDigit } from '../../domain/children/personal-identity-number';
import { reconcileDeadlines } from '../../workers/deadlines/deadline-reconciler';
import { GraphQLResult, TestApp } from './test-app';

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

export function talkSteps(app: () => TestApp, clock: () => FakeClock) {
  const steps = {
    async policeReport(district: District, child: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
      const result = ok(
        await app().as(who('polis', district), `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`, {
          i: {
            policeReference: `K-${++serial}/26`,
            child,
            category: 'SUSPECTED_CRIME',
            description: 'Misstänkt för snatteri för första gången.',
            suspectedOffence: 'Snatteri',
            offenceCanLeadToPrison: true,
            firstKnownSuspicion: true,
            preInvestigationRunning: false,
            guardianContactOnHold: false,
            feedbackRequested: true,
            idempotencyKey: key(),
            ...overrides,
          },
        }),
      );
      const [{ child_id: childId }] = await app().sql(`SELECT child_id FROM report WHERE id = $1`, [result.reportConcern.id]);
      return { reportId: result.reportConcern.id as string, childId: childId as string };
    },
    async talksOfChild(district: District, childId: string, fields = TALK_FIELDS) {
      return ok(await app().as(who('socsek', district), `query($c: ID!) { talksForChild(childId: $c) { ${fields} } }`, { c: childId }))
        .talksForChild;
    },
    mutate(email: string, name: string, inputType: string, input: Record<string, unknown>, fields = TALK_FIELDS) {
      return app().as(email, `mutation($i: ${inputType}!) { ${name}(input: $i) { ${fields} } }`, { i: input });
    },
    userId: (email: string) => app().idOf('app_user', 'email = $1', [email]),
    async agencyOf(email: string) {
      return (await app().sql(`SELECT agency_id FROM app_user WHERE email = $1`, [email]))[0].agency_id as string;
    },
    async notificationsOf(email: string) {
      return app().sql(
        `SELECT n.kind, n.title, n.body FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 ORDER BY n.created_at, n.title`,
        [email],
      );
    },
    async advanceTo(ms: number) {
      clock().set(at(ms));
      await reconcileDeadlines(app().runtime);
    },
    async setPolicy(district: District, changes: Record<string, unknown>) {
      const districtId = await app().idOf('district', 'code = $1', [district]);
      ok(
        await app().as(ADMIN, `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { id } }`, {
          i: { districtId, ...changes },
        }),
      );
      return districtId;
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
