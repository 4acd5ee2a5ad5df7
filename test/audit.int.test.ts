import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
let norrChildIds: string[];
let sydChildId: string;

beforeAll(async () => {
  app = await createTestApp();
  norrChildIds = (
    await app.sql(`SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 3`)
  ).map((r) => r.id);
  [{ id: sydChildId }] = await app.sql(`SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'syd' LIMIT 1`);
});

afterAll(() => app.close());

const CHILD = `query($id: ID!) { child(id: $id) { id givenName personalIdentityNumber guardians { name } } }`;

describe('the audit log', () => {
  it('has a row for every child read a request made, and none for a request that read no child', async () => {
    const made: { requestId: string; childIds: string[]; outcome: 'ALLOWED' | 'DENIED' | null }[] = [];
    for (const id of norrChildIds) {
      const result = await app.as('socsek.norr@samverka.test', CHILD, { id });
      made.push({ requestId: result.requestId!, childIds: [id], outcome: 'ALLOWED' });
    }
    const list = await app.as('chef.norr@samverka.test', `{ children(first: 3) { edges { node { id familyName } } } }`);
    made.push({ requestId: list.requestId!, childIds: list.data.children.edges.map((e: any) => e.node.id), outcome: 'ALLOWED' });
    const outside = await app.as('socsek.norr@samverka.test', CHILD, { id: sydChildId });
    made.push({ requestId: outside.requestId!, childIds: [], outcome: 'DENIED' });
    const nothing = await app.as('socsek.norr@samverka.test', `{ viewer { email } }`);
    made.push({ requestId: nothing.requestId!, childIds: [], outcome: null });

    for (const request of made) {
      const rows = await app.sql(`SELECT entity_type, entity_id, child_id, outcome, legal_basis FROM audit_entry WHERE request_id = $1`, [
        request.requestId,
      ]);
      const childReads = rows
        .filter((r) => r.entity_type === 'Child' && r.outcome === 'ALLOWED')
        .map((r) => r.child_id)
        .sort();
      expect(childReads).toEqual([...request.childIds].sort());
      if (request.outcome === 'ALLOWED') expect(rows.every((r) => r.legal_basis === 'SAME_AGENCY')).toBe(true);
      // A denied lookup names the child and district it touched, so that district's supervisors see the attempt.
      if (request.outcome === 'DENIED')
        expect(rows).toEqual([{ entity_type: 'Child', entity_id: sydChildId, child_id: sydChildId, outcome: 'DENIED', legal_basis: null }]);
      if (request.outcome === null) expect(rows).toEqual([]);
    }
  });

  it('lets a supervisor see who looked at a child, and what one user read', async () => {
    const childId = norrChildIds[0];
    await app.as('socsek.norr@samverka.test', CHILD, { id: childId });
    const socsekId = await app.idOf('app_user', 'email = $1', ['socsek.norr@samverka.test']);
    const trail = await app.as(
      'chef.norr@samverka.test',
      `query($id: ID!) { auditTrail(childId: $id, from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z") { actor { displayName } action entityType fields legalBasis outcome } }`,
      { id: childId },
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data.auditTrail).toContainEqual({
      actor: { displayName: 'Socialsekreterare Norr' },
      action: 'READ',
      entityType: 'Child',
      fields: ['givenName', 'guardians', 'id', 'personalIdentityNumber'],
      legalBasis: 'SAME_AGENCY',
      outcome: 'ALLOWED',
    });
    const log = await app.as(
      'chef.norr@samverka.test',
      `query($id: ID!) { accessLog(userId: $id, from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z") { childId entityType } }`,
      { id: socsekId },
    );
    expect(log.data.accessLog.map((r: any) => r.childId)).toContain(childId);

    const otherDistrict = await app.as(
      'chef.syd@samverka.test',
      `query($id: ID!) { auditTrail(childId: $id, from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z") { id } }`,
      { id: childId },
    );
    expect(otherDistrict.data.auditTrail).toEqual([]);
    const worker = await app.as(
      'socsek.norr@samverka.test',
      `query($id: ID!) { auditTrail(childId: $id, from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z") { id } }`,
      { id: childId },
    );
    expect(worker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('draws a reproducible random sample of a month of reads for the monthly log check', async () => {
    for (const id of norrChildIds) await app.as('socsek.norr@samverka.test', CHILD, { id });
    const districtId = await app.idOf('district', `code = 'norr'`, []);
    const month = app.clock.now().toISOString().slice(0, 7);
    const sample = (seed: string) =>
      app.as(
        'chef.norr@samverka.test',
        `query($d: ID!, $m: String!, $s: String) { auditSample(districtId: $d, month: $m, size: 3, seed: $s) { id action } }`,
        { d: districtId, m: month, s: seed },
      );
    const first = await sample('review-1');
    const again = await sample('review-1');
    expect(first.data.auditSample).toHaveLength(3);
    expect(first.data.auditSample.every((r: any) => r.action === 'READ')).toBe(true);
    expect(again.data.auditSample).toEqual(first.data.auditSample);
    const bad = await app.as('chef.norr@samverka.test', `query($d: ID!) { auditSample(districtId: $d, month: "2026-13") { id } }`, {
      d: districtId,
    });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });
});
