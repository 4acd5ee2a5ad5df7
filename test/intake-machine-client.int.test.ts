/**
 * Issue 23, item 3: reports from another agency's case system. A stand-in identity provider (JWKS) issues the client
 * credentials token; the client is registered by an administrator, bound to one agency, audited as itself.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWTPayload, KeyLike, SignJWT } from 'jose';
import { startTestServer, TestServer } from '../scripts/fuzz/harness';
import { createTestApp, TestApp } from './helpers/test-app';

const ISSUER = 'https://login.samverka.test';
const CLIENT_SUBJECT = 'polisen-rar-system';
const ADMIN = 'admin@samverka.test';

const REGISTER_CLIENT = `mutation($input: RegisterIntakeClientInput!) { registerIntakeClient(input: $input) { id roles displayName } }`;
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { reference receivedAt replayed } }`;

let app: TestApp;
let idp: http.Server;
let keys: { privateKey: KeyLike; publicKey: KeyLike };
let server: TestServer;
let policeAgencyId: string;
let schoolAgencyId: string;
let clientId: string;

const token = (claims: JWTPayload = {}) =>
  new SignJWT({
    sub: CLIENT_SUBJECT,
    client_id: CLIENT_SUBJECT,
    iss: ISSUER,
    aud: 'samverka-api',
    exp: Math.floor(Date.now() / 1000) + 300,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
    .sign(keys.privateKey);
const asClient = async (query: string, variables?: Record<string, unknown>, claims?: JWTPayload) =>
  (await server.execute(`Bearer ${await token(claims)}`, query, variables)).body as { data?: any; errors?: any[] };

let refCounter = 0;
const submission = (overrides: Record<string, unknown> = {}) => ({
  senderReference: `RAR-2026-${++refCounter}`,
  agencyId: policeAgencyId,
  child: { givenName: 'Sigge', familyName: 'Systemsson', birthDate: '2014-03-02' },
  category: 'SUSPECTED_CRIME',
  description: 'Överförd från polisens ärendesystem.',
  feedbackRequested: true,
  police: { policeReference: 'K-4711-26', firstKnownSuspicion: true, preInvestigationRunning: true, guardianContactOnHold: false },
  ...overrides,
});

beforeAll(async () => {
  app = await createTestApp();
  keys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  idp = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  const jwksUrl = new URL(`http://127.0.0.1:${(idp.address() as AddressInfo).port}/jwks.json`);
  server = await startTestServer(app.runtime, {
    config: (c) => ({ ...c, auth: { jwksUrl, issuer: ISSUER, audience: 'samverka-api', clockToleranceSeconds: 30 } }),
  });
  policeAgencyId = await app.idOf('agency', `kind = $1 ORDER BY name LIMIT 1`, ['POLICE']);
  schoolAgencyId = await app.idOf('agency', `kind = $1 ORDER BY name LIMIT 1`, ['SCHOOL']);
});

afterAll(async () => {
  await server.close();
  await new Promise((resolve) => idp.close(resolve));
  await app.close();
});

describe('a machine client sending reports', () => {
  it('an unregistered client is UNAUTHENTICATED', async () => {
    const result = await asClient(SUBMIT, { input: submission() });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await app.sql(`SELECT count(*)::int AS n FROM report WHERE channel = 'SYSTEM'`))[0].n).toBe(0);
  });

  it('an administrator registers the client, audited; a person cannot be given its role', async () => {
    const denied = await app.as('socsek.norr@samverka.test', REGISTER_CLIENT, {
      input: { agencyId: policeAgencyId, subject: CLIENT_SUBJECT, displayName: 'Polisens RAR' },
    });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const result = await app.as(ADMIN, REGISTER_CLIENT, {
      input: { agencyId: policeAgencyId, subject: CLIENT_SUBJECT, displayName: 'Polisens RAR' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.registerIntakeClient).toMatchObject({ roles: ['INTAKE_CLIENT'], displayName: 'Polisens RAR' });
    clientId = result.data.registerIntakeClient.id;
    const audit = await app.sql(`SELECT action FROM audit_event WHERE entity_type = 'UserAccount' AND entity_id = $1`, [clientId]);
    expect(audit.map((a) => a.action)).toContain('CREATE');
    const again = await app.as(ADMIN, REGISTER_CLIENT, {
      input: { agencyId: policeAgencyId, subject: CLIENT_SUBJECT, displayName: 'Dubblett' },
    });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const person = await app.as(ADMIN, `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { agencyId: policeAgencyId, email: 'robot@samverka.test', displayName: 'Robot', roles: ['INTAKE_CLIENT'] },
    });
    expect(person.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });
  });

  it('the registered client submits a report with channel SYSTEM on the clocks of any report, audited as itself', async () => {
    const input = submission();
    const result = await asClient(SUBMIT, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data.submitReport).toMatchObject({ reference: expect.stringMatching(/^OA-\d{4}-\d{6}$/), replayed: false });
    const [report] = await app.sql(
      `SELECT id, channel, reporter_kind, reporter_agency_id, registered_by_user_id, police_reference, sender_reference FROM report WHERE reference = $1`,
      [result.data.submitReport.reference],
    );
    expect(report).toMatchObject({
      channel: 'SYSTEM',
      reporter_kind: 'POLICE',
      reporter_agency_id: policeAgencyId,
      registered_by_user_id: clientId,
      police_reference: 'K-4711-26',
      sender_reference: input.senderReference,
    });
    const clocks = await app.sql(`SELECT kind FROM deadline WHERE subject_id = $1 ORDER BY kind`, [report.id]);
    expect(clocks.map((c) => c.kind)).toEqual(['FEEDBACK', 'PRELIMINARY_ASSESSMENT', 'PROTECTION_ASSESSMENT']);
    const audit = await app.sql(
      `SELECT a.action, u.display_name FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id WHERE a.entity_type = 'Report' AND a.entity_id = $1`,
      [report.id],
    );
    expect(audit).toEqual([{ action: 'CREATE', display_name: 'Polisens RAR' }]);

    // Social services see it in their queue like any report.
    const queue = await app.as('socsek.norr@samverka.test', `{ intakeQueue(first: 50) { edges { node { reference channel } } } }`);
    expect(queue.data.intakeQueue.edges.map((e: any) => e.node)).toContainEqual({
      reference: result.data.submitReport.reference,
      channel: 'SYSTEM',
    });
  });

  it('a retry returns the same report; the same reference with other content is a CONFLICT naming the field', async () => {
    const input = submission();
    const first = (await asClient(SUBMIT, { input })).data.submitReport;
    const retry = await asClient(SUBMIT, { input });
    expect(retry.errors).toBeUndefined();
    expect(retry.data.submitReport).toEqual({ ...first, replayed: true });
    const changed = await asClient(SUBMIT, { input: { ...input, description: 'Ändrad text.' } });
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.description' });
    const count = await app.sql(`SELECT count(*)::int AS n FROM report WHERE sender_reference = $1`, [input.senderReference]);
    expect(count[0].n).toBe(1);
  });

  it('refuses another agency and field errors, nothing written', async () => {
    const before = (await app.sql(`SELECT count(*)::int AS n FROM report`))[0].n;
    const other = await asClient(SUBMIT, { input: submission({ agencyId: schoolAgencyId }) });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.agencyId' });
    const noPolice = await asClient(SUBMIT, { input: submission({ police: null }) });
    expect(noPolice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.police' });
    const noK = await asClient(SUBMIT, {
      input: submission({ police: { firstKnownSuspicion: true, preInvestigationRunning: false, guardianContactOnHold: false } }),
    });
    expect(noK.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.police.policeReference' });
    const noCategory = await asClient(SUBMIT, { input: submission({ category: null }) });
    expect(noCategory.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.category' });
    const badPnr = await asClient(SUBMIT, { input: submission({ child: { personalIdentityNumber: '20140302-0000' } }) });
    expect(badPnr.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await app.sql(`SELECT count(*)::int AS n FROM report`))[0].n).toBe(before);
  });

  it('the client can read nothing, not even what it sent', async () => {
    const [{ id: reportId, child_id: childId }] = await app.sql(
      `SELECT id, child_id FROM report WHERE registered_by_user_id = $1 LIMIT 1`,
      [clientId],
    );
    for (const [query, variables] of [
      [`query($id: ID!) { report(id: $id) { id description } }`, { id: reportId }],
      [`query($id: ID!) { child(id: $id) { id } }`, { id: childId }],
      [`{ myReports(first: 5) { edges { node { id } } } }`, {}],
      [`{ intakeQueue(first: 5) { edges { node { id } } } }`, {}],
      [`{ viewer { id } }`, {}],
      [`{ districts { id } }`, {}],
    ] as const) {
      const result = await asClient(query, variables);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('a revoked client is refused at once', async () => {
    await app.as(ADMIN, `mutation($id: ID!) { disableUser(userId: $id) { id } }`, { id: clientId });
    const result = await asClient(SUBMIT, { input: submission() });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
