import { suspectedCrimeInput } from './helpers/reports';
import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
let norrChildId: string;
let norrDistrictId: string;
let sydDistrictId: string;

const RANGE = `from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z"`;
const ACCESS_LOG = `query($u: ID!, $d: ID) { accessLog(userId: $u, districtId: $d, ${RANGE}) { id childId } }`;
const userId = (email: string) => app.idOf('app_user', 'email = $1', [email]);

beforeAll(async () => {
  app = await createTestApp();
  [{ id: norrChildId }] = await app.sql(
    `SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
  );
  norrDistrictId = await app.idOf('district', `code = 'norr'`, []);
  sydDistrictId = await app.idOf('district', `code = 'syd'`, []);
});

afterAll(() => app.close());

describe('audit review', () => {
  it("covers only users of the supervisor's own agency in accessLog", async () => {
    await app.as('socsek.norr@samverka.test', `query($id: ID!) { child(id: $id) { id } }`, { id: norrChildId });
    const own = await app.as('chef.norr@samverka.test', ACCESS_LOG, { u: await userId('socsek.norr@samverka.test') });
    expect(own.errors).toBeUndefined();
    expect(own.data.accessLog.map((r: any) => r.childId)).toContain(norrChildId);

    for (const email of ['polis.norr@samverka.test', 'larare.norr@samverka.test', 'socsek.syd@samverka.test']) {
      const other = await app.as('chef.norr@samverka.test', ACCESS_LOG, { u: await userId(email) });
      expect({ email, code: other.errors?.[0].extensions?.code, data: other.data?.accessLog ?? null }).toEqual({
        email,
        code: 'NOT_FOUND',
        data: null,
      });
    }
    const unknown = await app.as('chef.norr@samverka.test', ACCESS_LOG, { u: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it("shows another authority's staff in a child's trail by agency only, without what they looked up", async () => {
    // The police file a report; a teacher then types its id: refused, and logged against that report's child.
    const [{ personal_identity_number: number }] = await app.sql(`SELECT personal_identity_number FROM child WHERE id = $1`, [norrChildId]);
    const filed = await app.as(
      'polis.norr@samverka.test',
      `mutation($input: ReportConcernInput!) { reportConcern(input: $input) { id } }`,
      {
        input: suspectedCrimeInput({
          policeReference: 'K-9100/26',
          child: { personalIdentityNumber: number },
          description: 'Gripen för snatteri.',
          idempotencyKey: `audit-review-${Date.now()}`,
        }),
      },
    );
    expect(filed.errors).toBeUndefined();
    const reportId: string = filed.data.reportConcern.id;
    const childId = norrChildId;
    const teacher = await app.as('larare.norr@samverka.test', `query($id: ID!) { report(id: $id) { id } }`, { id: reportId });
    expect(teacher.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await app.sql(`SELECT entity_id, child_id, outcome FROM audit_entry WHERE request_id = $1`, [teacher.requestId])).toEqual([
      { entity_id: reportId, child_id: childId, outcome: 'DENIED' },
    ]);
    await app.as('socsek.norr@samverka.test', `query($id: ID!) { child(id: $id) { id } }`, { id: childId });

    const trail = await app.as(
      'chef.norr@samverka.test',
      `query($id: ID!) { auditTrail(childId: $id, ${RANGE}) { actor { displayName } actorAgency { name } entityType entityId outcome } }`,
      { id: childId },
    );
    expect(trail.errors).toBeUndefined();
    const rows: any[] = trail.data.auditTrail;
    const byOthers = rows.filter((r) => r.actorAgency && r.actorAgency.name !== 'Socialtjänsten Norr');
    expect(byOthers).toContainEqual({
      actor: null,
      actorAgency: { name: 'Norrskolan' },
      entityType: 'Report',
      entityId: null,
      outcome: 'DENIED',
    });
    expect(byOthers.map((r) => r.actorAgency.name)).toContain('Lokalpolisområde Norr');
    for (const row of byOthers) expect({ actor: row.actor, entityId: row.entityId }).toEqual({ actor: null, entityId: null });
    expect(JSON.stringify(rows)).not.toMatch(/Polis Norr|Lärare Norr/);
    expect(JSON.stringify(rows)).not.toContain(reportId);
    // The supervisor's own colleagues keep their names and the object they read.
    expect(rows).toContainEqual(
      expect.objectContaining({
        actor: { displayName: 'Socialsekreterare Norr' },
        actorAgency: { name: 'Socialtjänsten Norr' },
        entityId: childId,
      }),
    );
  });

  it('answers NOT_FOUND, not an empty list, for a district outside your scope', async () => {
    const month = app.clock.now().toISOString().slice(0, 7);
    const SAMPLE = `query($d: ID!, $m: String!) { auditSample(districtId: $d, month: $m, size: 3) { id } }`;
    const outside = await app.as('chef.norr@samverka.test', SAMPLE, { d: sydDistrictId, m: month });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(outside.data?.auditSample ?? null).toBeNull();
    const inside = await app.as('chef.norr@samverka.test', SAMPLE, { d: norrDistrictId, m: month });
    expect(inside.errors).toBeUndefined();

    const socsek = await userId('socsek.norr@samverka.test');
    const logOutside = await app.as('chef.norr@samverka.test', ACCESS_LOG, { u: socsek, d: sydDistrictId });
    expect(logOutside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const logInside = await app.as('chef.norr@samverka.test', ACCESS_LOG, { u: socsek, d: norrDistrictId });
    expect(logInside.errors).toBeUndefined();
    expect(logInside.data.accessLog.length).toBeGreaterThan(0);
  });
});
