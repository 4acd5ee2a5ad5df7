import { FakeClock } from '../domain/time/clock';
import { suspectedCrimeInput } from './helpers/reports';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 26: a register extract (GDPR art. 15) covers every module and is handed out only after the secrecy review. */
const T0 = '2026-11-23T08:00:00.000Z';
const POLICE = 'polis.norr@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';
const CHEF = 'chef.norr@samverka.test';
const CHEF_OTHER = 'chef.syd@samverka.test';

const EXPORT = `mutation($childId: ID!) { childDataExport(childId: $childId) { id ready parts { key title marks rowCount decision reason } } }`;
const DECIDE = `mutation($input: DecideExtractPartInput!) { decideExtractPart(input: $input) { id ready } }`;
const DOCUMENT = `query($id: ID!) { registerExtract(id: $id) { ready document } }`;

let app: TestApp;
let childId: string;

beforeEach(async () => {
  app = await createTestApp({ clock: new FakeClock(T0) });
  const [child] = await app.sql(
    `SELECT c.id, c.personal_identity_number AS pin FROM child c JOIN district d ON d.id = c.district_id
      WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL ORDER BY c.id LIMIT 1`,
  );
  childId = child.id;
  const created = await app.as(POLICE, `mutation($input: ReportConcernInput!) { reportConcern(input: $input) { id } }`, {
    input: suspectedCrimeInput({
      policeReference: 'K-777/26',
      child: { personalIdentityNumber: child.pin },
      description: 'Misstänkt för skadegörelse.',
      suspectedOffence: 'Skadegörelse',
      firstKnownSuspicion: false,
      preInvestigationRunning: true,
      idempotencyKey: 'extract-report-1',
    }),
  });
  expect(created.errors).toBeUndefined();
});

afterEach(() => app.close());

describe('a register extract', () => {
  it("holds every module's section, marks the secret parts, and cannot be downloaded before each is decided", async () => {
    const requested = await app.as(CHEF, EXPORT, { childId });
    expect(requested.errors).toBeUndefined();
    const extract = requested.data.childDataExport;
    const byKey = Object.fromEntries(extract.parts.map((p: any) => [p.key, p]));
    expect(byKey['children.child']).toMatchObject({ marks: [], decision: 'RELEASED', rowCount: 1 });
    expect(byKey['reports.content']).toMatchObject({ marks: [], decision: 'RELEASED', rowCount: 1 });
    expect(byKey['reports.reporter']).toMatchObject({ marks: ['REPORTER_IDENTITY'], decision: 'PENDING', reason: null });
    expect(byKey['reports.police']).toMatchObject({ marks: ['POLICE_PRE_INVESTIGATION'], decision: 'PENDING' });
    expect(byKey['deadlines.deadlines'].rowCount).toBeGreaterThan(0);
    expect(byKey['audit.events']).toMatchObject({ marks: ['OTHER_PERSONS'], decision: 'PENDING' });
    expect(extract.ready).toBe(false);

    const early = await app.as(CHEF, DOCUMENT, { id: extract.id });
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(early.data?.registerExtract?.document ?? null).toBeNull();

    const decide = (key: string, release: boolean, reason: string) =>
      app.as(CHEF, DECIDE, { input: { extractId: extract.id, key, release, reason } });
    expect((await decide('reports.reporter', false, 'OSL 26 kap. 5 §: anmälarens identitet.')).errors).toBeUndefined();
    expect((await decide('reports.police', true, 'Förundersökningen är avslutad.')).errors).toBeUndefined();
    const last = await decide('audit.events', false, 'Uppgifter om andra personer (personal).');
    expect(last.errors).toBeUndefined();
    expect(last.data.decideExtractPart.ready).toBe(true);
    const twice = await decide('audit.events', true, 'Ändrat mig.');
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');

    const done = await app.as(CHEF, DOCUMENT, { id: extract.id });
    expect(done.errors).toBeUndefined();
    const document = JSON.parse(done.data.registerExtract.document);
    const parts = Object.fromEntries(document.parts.map((p: any) => [p.key, p]));
    expect(parts['reports.reporter']).toEqual({
      key: 'reports.reporter',
      title: 'Anmälare',
      released: false,
      reason: 'OSL 26 kap. 5 §: anmälarens identitet.',
    });
    expect(parts['reports.police']).toMatchObject({ released: true, rows: [expect.objectContaining({ police_reference: 'K-777/26' })] });
    expect(parts['reports.content'].rows[0]).not.toHaveProperty('reporter_agency_id');
    expect(parts['reports.content'].rows[0]).not.toHaveProperty('police_reference');
    expect(parts['audit.events'].rows).toBeUndefined();

    const audit = await app.sql(
      `SELECT action, fields FROM audit_event WHERE entity_type = 'RegisterExtract' AND action <> 'READ' ORDER BY occurred_at, fields`,
    );
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE']);
    expect(audit.flatMap((a) => a.fields.filter((f: string) => f.startsWith('part:'))).sort()).toEqual([
      'part:audit.events',
      'part:reports.police',
      'part:reports.reporter',
    ]);
    const reads = await app.sql(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'RegisterExtract' AND action = 'READ' AND child_id = $1`,
      [childId],
    );
    expect(reads[0].n).toBeGreaterThan(0);
  });

  it('is asked for by a supervisor of the child’s district only', async () => {
    expect((await app.as(SOCSEK, EXPORT, { childId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as(CHEF_OTHER, EXPORT, { childId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
