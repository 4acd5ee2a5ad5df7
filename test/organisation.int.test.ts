/**
 * Setting up a municipality for real: districts, agencies and users through the
 * ADMIN API, the first administrator from the command line, and the binding of
 * the identity provider's subject at a registered user's first sign-in.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { exportJWK, generateKeyPair, JWTPayload, KeyLike, SignJWT } from 'jose';
import { startTestServer, TestServer } from '../scripts/fuzz/harness';
import { createTestApp, TestApp } from './helpers/test-app';

const ADMIN = 'admin@samverka.test';
const ISSUER = 'https://login.kommun.test';
let app: TestApp;
let jwks: http.Server;
let rsa: { privateKey: KeyLike; publicKey: KeyLike };
let oidc: TestServer;

const now = () => Math.floor(Date.now() / 1000);
const oidcToken = (claims: JWTPayload) =>
  new SignJWT({ iss: ISSUER, aud: 'samverka', exp: now() + 600, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(rsa.privateKey);
const VIEWER = '{ viewer { email roles agency { name } districts { code } } }';

beforeAll(async () => {
  app = await createTestApp();
  rsa = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = http.createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const jwksUrl = new URL(`http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`);
  oidc = await startTestServer(app.runtime, {
    config: (c) => ({ ...c, auth: { jwksUrl, issuer: ISSUER, audience: 'samverka', clockToleranceSeconds: 30 } }),
  });
});

afterAll(async () => {
  await oidc.close();
  await new Promise((resolve) => jwks.close(resolve));
  await app.close();
});

async function admin(query: string, variables: Record<string, unknown>) {
  const result = await app.as(ADMIN, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe('administration of districts, agencies and users', () => {
  it('sets up a district, an agency and a user who then works in it; roles change and disabling take effect at once', async () => {
    const { createDistrict } = await admin(
      `mutation($i: CreateDistrictInput!) { createDistrict(input: $i) { id code policy { version } } }`,
      { i: { code: 'vaster', name: 'Väster' } },
    );
    expect(createDistrict).toMatchObject({ code: 'vaster', policy: { version: 1 } });
    const { createAgency } = await admin(`mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id name kind } }`, {
      i: { name: 'Socialtjänsten Väster', kind: 'SOCIAL_SERVICES', isPublicAuthority: true, districtIds: [createDistrict.id] },
    });
    const { createUser } = await admin(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id email roles signedIn agency { name } } }`,
      { i: { agencyId: createAgency.id, email: 'Socsek.Vaster@Kommun.test', displayName: 'Sam Socionom', roles: ['SOCIAL_WORKER'] } },
    );
    expect(createUser).toMatchObject({
      email: 'socsek.vaster@kommun.test',
      roles: ['SOCIAL_WORKER'],
      signedIn: false,
      agency: { name: 'Socialtjänsten Väster' },
    });

    expect((await app.as('socsek.vaster@kommun.test', VIEWER)).data.viewer).toEqual({
      email: 'socsek.vaster@kommun.test',
      roles: ['SOCIAL_WORKER'],
      agency: { name: 'Socialtjänsten Väster' },
      districts: [{ code: 'vaster' }],
    });

    await admin(`mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { roles } }`, {
      i: { userId: createUser.id, roles: ['SOCIAL_SERVICES_SUPERVISOR'] },
    });
    expect((await app.as('socsek.vaster@kommun.test', VIEWER)).data.viewer.roles).toEqual(['SOCIAL_SERVICES_SUPERVISOR']);

    const norr = await app.idOf('district', `code = 'norr'`, []);
    await admin(`mutation($i: SetAgencyDistrictsInput!) { setAgencyDistricts(input: $i) { id } }`, {
      i: { agencyId: createAgency.id, districtIds: [createDistrict.id, norr] },
    });
    expect((await app.as('socsek.vaster@kommun.test', VIEWER)).data.viewer.districts.map((d: { code: string }) => d.code).sort()).toEqual([
      'norr',
      'vaster',
    ]);

    await admin(`mutation($id: ID!) { disableUser(userId: $id) { disabledAt } }`, { id: createUser.id });
    expect((await app.as('socsek.vaster@kommun.test', VIEWER)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await admin(`mutation($id: ID!) { enableUser(userId: $id) { disabledAt } }`, { id: createUser.id });
    expect((await app.as('socsek.vaster@kommun.test', VIEWER)).errors).toBeUndefined();

    const audited = await app.sql(`SELECT entity_type, action FROM audit_event WHERE entity_id = ANY($1) ORDER BY id`, [
      [createDistrict.id, createAgency.id, createUser.id],
    ]);
    expect(audited.map((a: { entity_type: string; action: string }) => `${a.entity_type}:${a.action}`)).toEqual([
      'District:CREATE',
      'Agency:CREATE',
      'UserAccount:CREATE',
      'UserAccount:UPDATE',
      'Agency:UPDATE',
      'UserAccount:UPDATE',
      'UserAccount:UPDATE',
    ]);
    const { users } = await admin(`{ users { email } }`, {});
    expect(users.map((u: { email: string }) => u.email)).toContain('socsek.vaster@kommun.test');
  });

  it('refuses everyone but administrators, an e-mail twice, districts of no municipality, and an administrator disabling themself', async () => {
    const agencyId = await app.idOf('agency', `name = 'Socialtjänsten Norr'`, []);
    const create = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;
    const input = { agencyId, email: 'socsek.norr@samverka.test', displayName: 'X', roles: ['SOCIAL_WORKER'] };
    expect((await app.as('chef.norr@samverka.test', create, { i: input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as(ADMIN, create, { i: input })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await app.as(ADMIN, create, { i: { ...input, email: 'not-an-address' } })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
    });
    const foreign = await app.as(ADMIN, `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`, {
      i: { name: 'X', kind: 'SCHOOL', isPublicAuthority: true, districtIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.districtIds' });
    const self = await app.idOf('app_user', 'email = $1', [ADMIN]);
    expect((await app.as(ADMIN, `mutation($id: ID!) { disableUser(userId: $id) { id } }`, { id: self })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('an administrator granting itself casework access', () => {
  const SET_ROLES = `mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { roles } }`;
  const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;
  const ACCESS_LOG = `query($u: ID!, $d: ID) { accessLog(userId: $u, districtId: $d, from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z") { action entityType entityId fields actorRoles actorAgency { kind } } }`;

  it('cannot give itself a casework role or move itself into social services, and reads no personal identity number', async () => {
    const self = await app.idOf('app_user', 'email = $1', [ADMIN]);
    const norrSocial = await app.idOf('agency', `name = 'Socialtjänsten Norr'`, []);
    for (const roles of [['ADMIN', 'SOCIAL_SERVICES_SUPERVISOR'], ['SOCIAL_SERVICES_SUPERVISOR'], ['ADMIN']]) {
      const attempt = await app.as(ADMIN, SET_ROLES, { i: { userId: self, roles, agencyId: norrSocial } });
      expect({ roles, error: attempt.errors?.[0].extensions }).toEqual({
        roles,
        error: expect.objectContaining({ code: 'FORBIDDEN', field: 'input.userId' }),
      });
    }
    expect((await app.as(ADMIN, VIEWER)).data.viewer).toMatchObject({
      roles: ['ADMIN'],
      agency: { name: expect.not.stringMatching(/Socialtjänsten/) },
    });
    const [child] = await app.sql(
      `SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
    );
    const read = await app.as(ADMIN, `query($id: ID!) { child(id: $id) { personalIdentityNumber } }`, { id: child.id });
    expect(read.data?.child?.personalIdentityNumber ?? null).toBeNull();
    expect(read.errors?.[0].extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
  });

  it('never holds ADMIN beside a casework role, whoever grants it', async () => {
    const central = await app.idOf('agency', `kind = 'MUNICIPALITY'`, []);
    const mixed = await app.as(ADMIN, CREATE_USER, {
      i: { agencyId: central, email: 'blandad@samverka.test', displayName: 'Blandad', roles: ['ADMIN', 'SOCIAL_WORKER'] },
    });
    expect(mixed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });
    const { createUser: second } = await admin(CREATE_USER, {
      i: { agencyId: central, email: 'admin2@samverka.test', displayName: 'Andra admin', roles: ['ADMIN'] },
    });
    const self = await app.idOf('app_user', 'email = $1', [ADMIN]);
    const accomplice = await app.as('admin2@samverka.test', SET_ROLES, {
      i: { userId: self, roles: ['ADMIN', 'SOCIAL_SERVICES_SUPERVISOR'] },
    });
    expect(accomplice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });
    const back = await app.as(ADMIN, SET_ROLES, { i: { userId: second.id, roles: ['ADMIN', 'POLICE_OFFICER'] } });
    expect(back.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });
  });

  it("audits a move into Socialtjänsten Norr in Norr, where Norr's supervisor reviews it, and not in Syd", async () => {
    const central = await app.idOf('agency', `kind = 'MUNICIPALITY'`, []);
    const norrSocial = await app.idOf('agency', `name = 'Socialtjänsten Norr'`, []);
    const [norr, syd] = [await app.idOf('district', `code = 'norr'`, []), await app.idOf('district', `code = 'syd'`, [])];
    const { createUser: moved } = await admin(CREATE_USER, {
      i: { agencyId: central, email: 'flyttad@samverka.test', displayName: 'Flyttad', roles: ['ANALYST'] },
    });
    await admin(SET_ROLES, { i: { userId: moved.id, roles: ['SOCIAL_SERVICES_SUPERVISOR'], agencyId: norrSocial } });

    expect(
      await app.sql(`SELECT district_id FROM audit_event WHERE entity_type = 'UserAccount' AND entity_id = $1 AND action = 'UPDATE'`, [
        moved.id,
      ]),
    ).toEqual([{ district_id: norr }]);
    const review = await app.as('chef.norr@samverka.test', ACCESS_LOG, { u: moved.id, d: norr });
    expect(review.errors).toBeUndefined();
    expect(review.data.accessLog).toContainEqual({
      action: 'UPDATE',
      entityType: 'UserAccount',
      entityId: null,
      fields: ['roles', 'agency'],
      actorRoles: ['ADMIN'],
      actorAgency: { kind: 'MUNICIPALITY' },
    });
    const elsewhere = await app.as('chef.norr@samverka.test', ACCESS_LOG, { u: moved.id, d: syd });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.as('chef.syd@samverka.test', ACCESS_LOG, { u: moved.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the first sign-in through the identity provider', () => {
  it('binds the subject to the account an administrator registered, by the verified e-mail, once', async () => {
    const agencyId = await app.idOf('agency', `name = 'Socialtjänsten Norr'`, []);
    await admin(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { agencyId, email: 'ny.socsek@kommun.test', displayName: 'Ny Socionom', roles: ['SOCIAL_WORKER'] },
    });
    const unverified = await oidc.execute(
      `Bearer ${await oidcToken({ sub: 'idp|ny', email: 'ny.socsek@kommun.test', email_verified: false })}`,
      VIEWER,
    );
    expect(unverified.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await app.sql(`SELECT subject FROM app_user WHERE email = 'ny.socsek@kommun.test'`)).toEqual([{ subject: null }]);

    const first = await oidc.execute(
      `Bearer ${await oidcToken({ sub: 'idp|ny', email: 'NY.socsek@kommun.test', email_verified: true })}`,
      VIEWER,
    );
    expect(first.body.data?.viewer).toMatchObject({ email: 'ny.socsek@kommun.test', roles: ['SOCIAL_WORKER'] });
    expect(await app.sql(`SELECT subject FROM app_user WHERE email = 'ny.socsek@kommun.test'`)).toEqual([{ subject: 'idp|ny' }]);
    // From now on the subject alone signs in; another subject claiming the same e-mail gets nothing.
    expect((await oidc.execute(`Bearer ${await oidcToken({ sub: 'idp|ny' })}`, VIEWER)).body.data?.viewer).toMatchObject({
      email: 'ny.socsek@kommun.test',
    });
    const impostor = await oidc.execute(
      `Bearer ${await oidcToken({ sub: 'idp|other', email: 'ny.socsek@kommun.test', email_verified: true })}`,
      VIEWER,
    );
    expect(impostor.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await oidc.execute(
      `Bearer ${await oidcToken({ sub: 'idp|stranger', email: 'stranger@kommun.test', email_verified: true })}`,
      VIEWER,
    );
    expect(unknown.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('npm run admin:create', () => {
  it('creates the first administrator, with the municipality when it is missing, and is idempotent', async () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.resolve(__dirname, '../dist/scripts/create-admin.js'), ...args], {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: app.db.url,
          AUTH_JWKS_URL: 'https://idp.example/jwks',
          AUTH_ISSUER: ISSUER,
          AUTH_AUDIENCE: 'samverka',
          MAIL_SENDER: 'log',
        },
        encoding: 'utf8',
      });
    const ambiguous = run('forsta@nykommun.test', 'Första Admin', '--municipality', 'Nykommun');
    expect(ambiguous.stderr).toBe('');
    expect(ambiguous.status).toBe(0);
    expect(ambiguous.stdout).toMatch(/Created forsta@nykommun.test an administrator of Nykommun/);
    const [row] = await app.sql(
      `SELECT u.roles, a.kind, m.name FROM app_user u JOIN agency a ON a.id = u.agency_id JOIN municipality m ON m.id = a.municipality_id WHERE u.email = 'forsta@nykommun.test'`,
    );
    expect(row).toEqual({ roles: ['ADMIN'], kind: 'MUNICIPALITY', name: 'Nykommun' });
    const again = run('forsta@nykommun.test', 'Första Admin', '--municipality', 'Nykommun');
    expect(again.stdout).toMatch(/Made forsta@nykommun.test an administrator/);
    expect(await app.sql(`SELECT count(*)::int AS n FROM municipality WHERE name = 'Nykommun'`)).toEqual([{ n: 1 }]);
    expect(run('x@nykommun.test', 'X').stderr).toMatch(/Several municipalities/);
    const caseworker = run('socsek.norr@samverka.test', 'Socialsekreterare', '--municipality', 'Nykommun');
    expect(caseworker.status).toBe(1);
    expect(caseworker.stderr).toMatch(/works with cases \(SOCIAL_WORKER\)/);
    expect(await app.sql(`SELECT roles FROM app_user WHERE email = 'socsek.norr@samverka.test'`)).toEqual([{ roles: ['SOCIAL_WORKER'] }]);
  });
});
