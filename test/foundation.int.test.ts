import { SignJWT } from 'jose';
import { testServices } from './services';
import { createTestApp, TestApp, TEST_SECRET } from './helpers/test-app';

const VIEWER = `{ viewer { email roles agency { name kind } districts { code policy { version talkDeadlineMode talkDeadlineHours } } } }`;
const CHILD = `query($id: ID!) { child(id: $id) { id personalIdentityNumber givenName familyName age district { code } guardians { name relation } } }`;

let app: TestApp;
let norrChildId: string;
let sydChildId: string;

beforeAll(async () => {
  app = await createTestApp();
  const pick = (code: string) =>
    app.sql(`SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = $1 ORDER BY c.family_name, c.id LIMIT 1`, [
      code,
    ]);
  [{ id: norrChildId }] = await pick('norr');
  [{ id: sydChildId }] = await pick('syd');
});

afterAll(() => app.close());

describe('viewer', () => {
  it('answers who I am from the database: agency, roles, districts and their policy', async () => {
    const result = await app.as('socsek.norr@samverka.test', VIEWER);
    expect(result.errors).toBeUndefined();
    expect(result.data.viewer).toEqual({
      email: 'socsek.norr@samverka.test',
      roles: ['SOCIAL_WORKER'],
      agency: { name: 'Socialtjänsten Norr', kind: 'SOCIAL_SERVICES' },
      districts: [{ code: 'norr', policy: { version: 1, talkDeadlineMode: 'HELD_WITHIN_HOURS', talkDeadlineHours: 48 } }],
    });
  });

  it('shows Syd on the DS 2024:30 summons-within-24-hours mode', async () => {
    const result = await app.as('socsek.syd@samverka.test', VIEWER);
    expect(result.data.viewer.districts[0].policy).toEqual({ version: 1, talkDeadlineMode: 'SUMMONS_WITHIN_HOURS', talkDeadlineHours: 24 });
  });
});

describe('authentication', () => {
  const sign = (claims: { sub?: string; exp?: number | string }, secret = TEST_SECRET, alg = 'HS256') => {
    let jwt = new SignJWT({}).setProtectedHeader({ alg });
    if (claims.sub) jwt = jwt.setSubject(claims.sub);
    if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
    return jwt.sign(new TextEncoder().encode(secret));
  };
  const unsignedNone = (sub: string) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.`;

  it.each([
    ['no token', async () => undefined],
    ['a malformed header', async () => 'Token abc'],
    ['garbage', async () => 'Bearer not.a.jwt'],
    [
      'a wrong signature',
      async () => `Bearer ${await sign({ sub: 'socsek.norr@samverka.test', exp: '1h' }, 'another-secret-that-is-long-enough-123')}`,
    ],
    [
      'an expired token',
      async () => `Bearer ${await sign({ sub: 'socsek.norr@samverka.test', exp: Math.floor(Date.now() / 1000) - 3600 })}`,
    ],
    ['a token without exp', async () => `Bearer ${await sign({ sub: 'socsek.norr@samverka.test' })}`],
    ['alg none', async () => `Bearer ${unsignedNone('socsek.norr@samverka.test')}`],
    ['an unknown user', async () => `Bearer ${await sign({ sub: 'nobody@samverka.test', exp: '1h' })}`],
  ])('refuses %s with UNAUTHENTICATED', async (_case, header) => {
    const result = await app.withAuthorization(await header(), VIEWER);
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a disabled user at once, with a token that worked a moment ago', async () => {
    const before = await app.as('fritid.syd@samverka.test', VIEWER);
    expect(before.errors).toBeUndefined();
    await app.sql(`UPDATE app_user SET disabled_at = now() WHERE email = 'fritid.syd@samverka.test'`);
    const after = await app.as('fritid.syd@samverka.test', VIEWER);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('takes roles from the database, not the token, so a revoked role takes effect at once', async () => {
    await app.sql(`UPDATE app_user SET roles = '{SCHOOL_STAFF}' WHERE email = 'chef.syd@samverka.test'`);
    const result = await app.as('chef.syd@samverka.test', `{ children(first: 1) { edges { node { id } } } }`);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('children and the district scope', () => {
  it('lets a social worker read a child in their own district, and audits the read', async () => {
    const result = await app.as('socsek.norr@samverka.test', CHILD, { id: norrChildId });
    expect(result.errors).toBeUndefined();
    expect(result.data.child).toMatchObject({ id: norrChildId, district: { code: 'norr' } });
    expect(result.data.child.personalIdentityNumber).toMatch(/^\d{12}$/);
    expect(result.data.child.guardians).toHaveLength(2);

    const audit = await app.sql(
      `SELECT a.action, a.entity_type, a.outcome, a.legal_basis, a.fields, u.email FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE a.child_id = $1 AND a.entity_type = 'Child'`,
      [norrChildId],
    );
    expect(audit).toEqual([
      {
        action: 'READ',
        entity_type: 'Child',
        outcome: 'ALLOWED',
        legal_basis: 'SAME_AGENCY',
        email: 'socsek.norr@samverka.test',
        fields: ['age', 'district', 'familyName', 'givenName', 'guardians', 'id', 'personalIdentityNumber'],
      },
    ]);
  });

  it('answers NOT_FOUND for a child in another district, exactly as for an id that does not exist', async () => {
    const other = await app.as('socsek.norr@samverka.test', CHILD, { id: sydChildId });
    const missing = await app.as('socsek.norr@samverka.test', CHILD, { id: '00000000-0000-4000-8000-000000000000' });
    expect(other.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['NOT_FOUND', 'The child was not found.']]);
    expect(missing.errors?.map((e) => [e.extensions?.code, e.message])).toEqual(other.errors?.map((e) => [e.extensions?.code, e.message]));
  });

  it('never lists children of another district', async () => {
    const result = await app.as('socsek.norr@samverka.test', `{ children(first: 100) { edges { node { district { code } } } } }`);
    const codes = new Set(result.data.children.edges.map((e: any) => e.node.district.code));
    expect(result.data.children.edges.length).toBeGreaterThan(0);
    expect([...codes]).toEqual(['norr']);
  });

  it.each([
    'admin@samverka.test',
    'analytiker@samverka.test',
    'polis.norr@samverka.test',
    'larare.norr@samverka.test',
    'forening.norr@samverka.test',
  ])('refuses %s any child', async (email) => {
    const result = await app.as(email, CHILD, { id: norrChildId });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('pages through children with a cursor, without repeats', async () => {
    const page = (after?: string) =>
      app.as(
        'socsek.norr@samverka.test',
        `query($after: String) { children(first: 4, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
    const ids: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const { data } = await page(after);
      ids.push(...data.children.edges.map((e: any) => e.node.id));
      if (!data.children.pageInfo.hasNextPage) break;
      after = data.children.pageInfo.endCursor;
    }
    const [{ count }] = await app.sql(
      `SELECT count(*)::int AS count FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr'`,
    );
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
  });

  it('creates a child from a 10-digit number, normalised to 12 digits, and audits the write', async () => {
    const districtId = await app.idOf('district', `code = 'norr'`, []);
    const result = await app.as(
      'socsek.norr@samverka.test',
      `mutation($input: CreateChildInput!) { createChild(input: $input) { id personalIdentityNumber birthDate } }`,
      { input: { personalIdentityNumber: '120315-1236', givenName: 'Test', familyName: 'Testsson', districtId } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.createChild).toMatchObject({ personalIdentityNumber: '201203151236', birthDate: '2012-03-15' });
    const writes = await app.sql(`SELECT action FROM audit_event WHERE child_id = $1 AND action = 'CREATE'`, [result.data.createChild.id]);
    expect(writes).toEqual([{ action: 'CREATE' }]);

    const again = await app.as('socsek.norr@samverka.test', `mutation($input: CreateChildInput!) { createChild(input: $input) { id } }`, {
      input: { personalIdentityNumber: '201203151236', givenName: 'Test', familyName: 'Testsson', districtId },
    });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('answers a personal identity number registered in another district without saying where, and audits the lookup there', async () => {
    const [syd] = await app.sql(
      `SELECT c.id, c.personal_identity_number AS pnr, c.district_id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'syd' LIMIT 1`,
    );
    const districtId = await app.idOf('district', `code = 'norr'`, []);
    const result = await app.as('socsek.norr@samverka.test', `mutation($input: CreateChildInput!) { createChild(input: $input) { id } }`, {
      input: { personalIdentityNumber: syd.pnr, givenName: 'Någon', familyName: 'Annan', districtId },
    });
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(JSON.stringify(result.errors)).not.toMatch(/Syd|another district/i);
    expect(
      await app.sql(`SELECT entity_type, child_id, district_id, outcome FROM audit_event WHERE request_id = $1`, [result.requestId]),
    ).toEqual([{ entity_type: 'Child', child_id: syd.id, district_id: syd.district_id, outcome: 'DENIED' }]);
  });

  it('refuses an invalid personal identity number with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const districtId = await app.idOf('district', `code = 'norr'`, []);
    const [{ count: before }] = await app.sql(`SELECT count(*)::int AS count FROM child`);
    const result = await app.as('socsek.norr@samverka.test', `mutation($input: CreateChildInput!) { createChild(input: $input) { id } }`, {
      input: { personalIdentityNumber: '20120315-1237', givenName: 'Test', familyName: 'Fel', districtId },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.personalIdentityNumber' });
    const [{ count: after }] = await app.sql(`SELECT count(*)::int AS count FROM child`);
    expect(after).toBe(before);
  });

  it('adds a guardian to a child in the district', async () => {
    const result = await app.as(
      'chef.norr@samverka.test',
      `mutation($input: AddGuardianInput!) { addGuardian(input: $input) { guardians { name relation } } }`,
      { input: { childId: norrChildId, name: 'Sam Särskild', relation: 'särskilt förordnad vårdnadshavare' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.addGuardian.guardians).toContainEqual({ name: 'Sam Särskild', relation: 'särskilt förordnad vårdnadshavare' });
  });
});

describe('district policy', () => {
  it('lets an admin change a policy as a new version and refuses everyone else', async () => {
    const districtId = await app.idOf('district', `code = 'norr'`, []);
    const mutation = `mutation($input: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $input) { policy { version talkDeadlineMode talkDeadlineDays } } }`;
    const denied = await app.as('chef.norr@samverka.test', mutation, { input: { districtId, talkDeadlineMode: 'FORUM_DECIDES' } });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const bad = await app.as('admin@samverka.test', mutation, { input: { districtId, talkDeadlineMode: 'HELD_WITHIN_DAYS' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.talkDeadlineDays' });

    const ok = await app.as('admin@samverka.test', mutation, {
      input: { districtId, talkDeadlineMode: 'HELD_WITHIN_DAYS', talkDeadlineDays: 7 },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateDistrictPolicy.policy).toEqual({ version: 2, talkDeadlineMode: 'HELD_WITHIN_DAYS', talkDeadlineDays: 7 });
    const versions = await app.sql(`SELECT version FROM district_policy WHERE district_id = $1 ORDER BY version`, [districtId]);
    expect(versions.map((v: any) => v.version)).toEqual([1, 2]);
  });
});

describe('audit log', () => {
  it('cannot be changed or deleted, not even by the owner', async () => {
    for (const statement of [`UPDATE audit_event SET outcome = 'DENIED'`, `DELETE FROM audit_event`, `TRUNCATE audit_event`]) {
      await expect(app.db.asOwner(statement)).rejects.toThrow(/append-only/);
    }
  });

  it('is INSERT and SELECT only for the roles the app and its system work connect as, which cannot touch the schema either', async () => {
    const { appRole, systemRole } = testServices();
    if (!appRole || !systemRole) return;
    const appQuery = (sql: string) => app.dataSource.query(sql);
    expect(await appQuery(`SELECT current_user AS role`)).toEqual([{ role: appRole }]);
    expect(await app.sql(`SELECT current_user AS role`)).toEqual([{ role: systemRole }]);
    await appQuery(
      `INSERT INTO audit_event (occurred_at, request_id, actor_roles, action, entity_type, fields, outcome) VALUES (now(), 'role-test', '{}', 'READ', 'Child', '{}', 'ALLOWED')`,
    );
    expect(await app.sql(`SELECT count(*)::int AS n FROM audit_event WHERE request_id = 'role-test'`)).toEqual([{ n: 1 }]);
    for (const run of [appQuery, app.sql]) {
      for (const statement of [
        `UPDATE audit_event SET outcome = 'DENIED'`,
        `DELETE FROM audit_event`,
        `TRUNCATE audit_event`,
        `ALTER TABLE audit_event DISABLE TRIGGER ALL`,
        `DROP TABLE audit_event`,
        `CREATE TABLE sneaky (id int)`,
        `SELECT * FROM schema_migration`,
      ]) {
        await expect(run(statement)).rejects.toThrow(/permission denied|must be owner/);
      }
    }
  });
});
