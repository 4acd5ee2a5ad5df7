import { luhnCheckDigit } from '../domain/children/personal-identity-number';
import { createTestApp, TestApp } from './helpers/test-app';

const POLICE_NORR = 'polis.norr@samverka.test';
const POLICE_SYD = 'polis.syd@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';
const CHEF = 'chef.norr@samverka.test';
const CHEF_SYD = 'chef.syd@samverka.test';

const SEARCH = `query($s: String!) { intakeSearch(search: $s) { id reference childAsReported } }`;
const STAFF = `query($d: ID!) { staff(districtId: $d) { id displayName } }`;
const ASSIGN = `mutation($i: AssignReportInput!) { assignReport(input: $i) { id responsible { id } } }`;
const NOTIFICATIONS = `{ myNotifications { kind title } }`;

let app: TestApp;
let keyCounter = 0;
const pnrOf = (birth: string, serial: string) => `${birth}${serial}${luhnCheckDigit(`${birth.slice(2)}${serial}`)}`;
const NORR_PNR = pnrOf('20140312', '871');
const SYD_PNR = pnrOf('20140312', '873');

async function report(email: string, child: Record<string, unknown>, policeReference = `K-SEARCH-${++keyCounter}/26`) {
  ++keyCounter;
  const result = await app.as(email, `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id reference } }`, {
    i: {
      policeReference,
      child,
      category: 'SUSPECTED_CRIME',
      description: 'Sökbar anmälan.',
      firstKnownSuspicion: false,
      preInvestigationRunning: false,
      guardianContactOnHold: false,
      feedbackRequested: false,
      idempotencyKey: `search-${keyCounter}-${Date.now()}`,
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data.reportConcern as { id: string; reference: string };
}

let norr: { id: string; reference: string };
let syd: { id: string; reference: string };
let named: { id: string; reference: string };
let knumber: { id: string; reference: string };
let sydKnumber: { id: string; reference: string };

beforeAll(async () => {
  app = await createTestApp();
  norr = await report(POLICE_NORR, { personalIdentityNumber: NORR_PNR });
  syd = await report(POLICE_SYD, { personalIdentityNumber: SYD_PNR });
  named = await report(POLICE_NORR, { givenName: 'Sökbarta', familyName: 'Namnsson' });
  knumber = await report(POLICE_NORR, { givenName: 'Kalle', familyName: 'Kanumsson' }, '5000-K123456-26');
  sydKnumber = await report(POLICE_SYD, { givenName: 'Kalle', familyName: 'Kanumsson' }, '5000-K123457-26');
});

afterAll(() => app.close());

describe('intakeSearch', () => {
  it("finds a report by its reference, in any letter case, only in the viewer's districts", async () => {
    const found = await app.as(SOCSEK, SEARCH, { s: norr.reference.toLowerCase() });
    expect(found.data.intakeSearch.map((r: { id: string }) => r.id)).toEqual([norr.id]);
    const other = await app.as(SOCSEK, SEARCH, { s: syd.reference });
    expect(other.errors).toBeUndefined();
    expect(other.data.intakeSearch).toEqual([]);
  });

  it("finds a report by the child's name", async () => {
    const found = await app.as(SOCSEK, SEARCH, { s: 'sökbarta namns' });
    expect(found.data.intakeSearch.map((r: { id: string }) => r.id)).toEqual([named.id]);
  });

  it('finds a report by personal identity number in either form and audits the lookup without the number', async () => {
    const short = `${NORR_PNR.slice(2, 8)}-${NORR_PNR.slice(8)}`;
    const found = await app.as(SOCSEK, SEARCH, { s: short });
    expect(found.data.intakeSearch.map((r: { id: string }) => r.id)).toEqual([norr.id]);
    const [child] = await app.sql(`SELECT id FROM child WHERE personal_identity_number = $1`, [NORR_PNR]);
    const socsekId = await app.idOf('app_user', 'email = $1', [SOCSEK]);
    const rows = await app.sql(
      `SELECT outcome, fields FROM audit_entry WHERE actor_user_id = $1 AND entity_type = 'Child' AND child_id = $2 AND 'personalIdentityNumber' = ANY(fields)`,
      [socsekId, child.id],
    );
    expect(rows).toEqual([expect.objectContaining({ outcome: 'ALLOWED' })]);
    const leaked = await app.sql(`SELECT count(*)::int AS n FROM audit_event WHERE row_to_json(audit_event)::text LIKE $1`, [
      `%${NORR_PNR.slice(2, 8)}%${NORR_PNR.slice(8)}%`,
    ]);
    expect(leaked[0].n).toBe(0);
  });

  it('answers a number in another district with nothing, and records the denied lookup where the child is', async () => {
    const found = await app.as(SOCSEK, SEARCH, { s: SYD_PNR });
    expect(found.errors).toBeUndefined();
    expect(found.data.intakeSearch).toEqual([]);
    const [child] = await app.sql(`SELECT id, district_id FROM child WHERE personal_identity_number = $1`, [SYD_PNR]);
    const socsekId = await app.idOf('app_user', 'email = $1', [SOCSEK]);
    const rows = await app.sql(
      `SELECT outcome, district_id FROM audit_entry WHERE actor_user_id = $1 AND entity_type = 'Child' AND child_id = $2`,
      [socsekId, child.id],
    );
    expect(rows).toEqual([{ outcome: 'DENIED', district_id: child.district_id }]);
  });

  it("finds a report by the police case number however the officer reads it out, only in the viewer's districts", async () => {
    for (const spoken of ['5000-K123456-26', 'k123456-26', '5000-K 123456', 'K123456']) {
      const found = await app.as(SOCSEK, SEARCH, { s: spoken });
      expect(found.errors).toBeUndefined();
      expect([spoken, found.data.intakeSearch.map((r: { id: string }) => r.id)]).toEqual([spoken, [knumber.id]]);
    }
    const other = await app.as(CHEF_SYD, SEARCH, { s: '5000-K123456-26' });
    expect(other.data.intakeSearch).toEqual([]);
    const own = await app.as(CHEF_SYD, SEARCH, { s: 'K123457' });
    expect(own.data.intakeSearch.map((r: { id: string }) => r.id)).toEqual([sydKnumber.id]);
  });

  it('"mine": only the reports the viewer is responsible for, alone or with a search, and in the intake queue', async () => {
    const socsekId = await app.idOf('app_user', 'email = $1', [SOCSEK]);
    const ASSIGN_TO = `mutation($i: AssignReportInput!) { assignReport(input: $i) { id } }`;
    expect((await app.as(CHEF, ASSIGN_TO, { i: { reportId: named.id, userId: socsekId } })).errors).toBeUndefined();
    const MINE = `query($s: String, $m: Boolean) { intakeSearch(search: $s, assignedToMe: $m) { id } }`;
    const mine = await app.as(SOCSEK, MINE, { m: true });
    expect(mine.data.intakeSearch.map((r: { id: string }) => r.id)).toContain(named.id);
    expect(mine.data.intakeSearch.map((r: { id: string }) => r.id)).not.toContain(knumber.id);
    const mineByName = await app.as(SOCSEK, MINE, { s: 'Kanumsson', m: true });
    expect(mineByName.data.intakeSearch).toEqual([]);
    const chefs = await app.as(CHEF, MINE, { s: 'Sökbarta', m: true });
    expect(chefs.data.intakeSearch).toEqual([]);
    const queue = await app.as(
      SOCSEK,
      `{ intakeQueue(first: 50, filter: { assignedToMe: true }) { edges { node { id responsible { id } } } } }`,
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data.intakeQueue.edges.length).toBeGreaterThan(0);
    expect(queue.data.intakeQueue.edges.every((e: any) => e.node.responsible.id === socsekId)).toBe(true);
    const nothing = await app.as(SOCSEK, MINE, { s: '  ' });
    expect(nothing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });

  it('refuses a broken number and is closed to reporters', async () => {
    const broken = await app.as(SOCSEK, SEARCH, { s: '201403128710' });
    expect(broken.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const police = await app.as(POLICE_NORR, SEARCH, { s: norr.reference });
    expect(police.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('staff and assigning', () => {
  it("lists the district's social workers and supervisors for a supervisor; another district is NOT_FOUND", async () => {
    const norrId = await app.idOf('district', 'code = $1', ['norr']);
    const listed = await app.as(CHEF, STAFF, { d: norrId });
    expect(listed.errors).toBeUndefined();
    const ids = listed.data.staff.map((s: { id: string }) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([await app.idOf('app_user', 'email = $1', [SOCSEK]), await app.idOf('app_user', 'email = $1', [CHEF])]),
    );
    expect(ids).not.toContain(await app.idOf('app_user', 'email = $1', [POLICE_NORR]));
    expect(ids).not.toContain(await app.idOf('app_user', 'email = $1', ['sspf.norr@samverka.test']));
    const elsewhere = await app.as(CHEF_SYD, STAFF, { d: norrId });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const worker = await app.as(SOCSEK, STAFF, { d: norrId });
    expect(worker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('notifies the assignee in the app, naming the reference and not the child', async () => {
    const before = (await app.as(SOCSEK, NOTIFICATIONS)).data.myNotifications.filter(
      (n: { kind: string }) => n.kind === 'REPORT_ASSIGNED',
    ).length;
    const assigned = await app.as(CHEF, ASSIGN, { i: { reportId: norr.id, userId: await app.idOf('app_user', 'email = $1', [SOCSEK]) } });
    expect(assigned.errors).toBeUndefined();
    const mine = (await app.as(SOCSEK, NOTIFICATIONS)).data.myNotifications.filter((n: { kind: string }) => n.kind === 'REPORT_ASSIGNED');
    expect(mine).toHaveLength(before + 1);
    expect(mine.some((n: { title: string }) => n.title.includes(norr.reference))).toBe(true);
    expect(JSON.stringify(mine)).not.toContain(NORR_PNR.slice(2, 8));
  });
});
