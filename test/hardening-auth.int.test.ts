/**
 * JWT handling beyond test/foundation.int.test.ts: the algorithm allowlist in
 * both modes (development HS256, production OIDC via JWKS), algorithm
 * confusion, the clock skew, and disabled users on the production path.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, JWTPayload, KeyLike, SignJWT } from 'jose';
import { createTokenVerifier } from '../api/auth/token-verifier';
import { signDevToken } from '../api/auth/dev-token';
import { AuthConfig, loadConfig } from '../platform/config';
import { startTestServer, TestServer } from '../scripts/fuzz/harness';
import { createTestApp, TestApp, TEST_SECRET } from './helpers/test-app';

const SUBJECT = 'oidc|socsek-norr';
const EMAIL = 'socsek.norr@samverka.test';
const now = () => Math.floor(Date.now() / 1000);

let app: TestApp;
let jwks: http.Server;
let jwksUrl: URL;
let rsa: { privateKey: KeyLike; publicKey: KeyLike };
let otherRsa: { privateKey: KeyLike; publicKey: KeyLike };
let oidcServer: TestServer;

const oidcConfig = (): AuthConfig => ({
  jwksUrl,
  issuer: 'https://login.samverka.test',
  audience: 'samverka-api',
  clockToleranceSeconds: 30,
});

function sign(key: KeyLike | Uint8Array, alg: string, claims: JWTPayload, header: Record<string, unknown> = {}) {
  return new SignJWT(claims).setProtectedHeader({ alg, kid: 'k1', ...header }).sign(key);
}

const oidcClaims = (extra: JWTPayload = {}): JWTPayload => ({
  sub: SUBJECT,
  iss: 'https://login.samverka.test',
  aud: 'samverka-api',
  exp: now() + 600,
  ...extra,
});
const unsigned = (alg: string, claims: JWTPayload) =>
  `${Buffer.from(JSON.stringify({ alg, typ: 'JWT', kid: 'k1' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

beforeAll(async () => {
  app = await createTestApp();
  rsa = await generateKeyPair('RS256');
  otherRsa = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = new URL(`http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`);
  await app.sql(`UPDATE app_user SET subject = $1 WHERE email = $2`, [SUBJECT, EMAIL]);
  oidcServer = await startTestServer(app.runtime, { config: (c) => ({ ...c, auth: oidcConfig() }) });
});

afterAll(async () => {
  await oidcServer.close();
  await new Promise((resolve) => jwks.close(resolve));
  await app.close();
});

describe('development tokens (HS256 only)', () => {
  const verify = () => createTokenVerifier({ devSecret: TEST_SECRET, clockToleranceSeconds: 30 });
  const secret = new TextEncoder().encode(TEST_SECRET);

  it('accepts HS256 with the secret', async () => {
    await expect(verify()(await sign(secret, 'HS256', { sub: EMAIL, exp: now() + 60 }))).resolves.toEqual({
      subject: EMAIL,
      kind: 'development',
    });
  });

  it.each(['HS384', 'HS512'])('refuses %s, even signed with the right secret', async (alg) => {
    await expect(verify()(await sign(secret, alg, { sub: EMAIL, exp: now() + 60 }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each(['none', 'None', 'NONE', 'nOnE'])('refuses alg %s', async (alg) => {
    await expect(verify()(unsigned(alg, { sub: EMAIL, exp: now() + 60 }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses an RS256 token where HS256 is expected', async () => {
    await expect(verify()(await sign(rsa.privateKey, 'RS256', { sub: EMAIL, exp: now() + 60 }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('allows a small clock skew and no more', async () => {
    await expect(verify()(await sign(secret, 'HS256', { sub: EMAIL, exp: now() - 10 }))).resolves.toMatchObject({ subject: EMAIL });
    await expect(verify()(await sign(secret, 'HS256', { sub: EMAIL, exp: now() - 60 }))).rejects.toMatchObject({
      message: 'Your session has expired. Sign in again.',
    });
    await expect(verify()(await sign(secret, 'HS256', { sub: EMAIL, exp: now() + 600, nbf: now() + 10 }))).resolves.toMatchObject({
      subject: EMAIL,
    });
    await expect(verify()(await sign(secret, 'HS256', { sub: EMAIL, exp: now() + 600, nbf: now() + 120 }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('requires exp and sub', async () => {
    await expect(verify()(await sign(secret, 'HS256', { sub: EMAIL }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verify()(await sign(secret, 'HS256', { exp: now() + 60 }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('production tokens (OIDC, JWKS)', () => {
  it('accepts RS256 from the provider with the right issuer and audience', async () => {
    await expect(createTokenVerifier(oidcConfig())(await sign(rsa.privateKey, 'RS256', oidcClaims()))).resolves.toEqual({
      subject: SUBJECT,
      kind: 'oidc',
    });
  });

  it('refuses algorithm confusion: HS256 signed with the public key', async () => {
    const publicPem = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    await expect(createTokenVerifier(oidcConfig())(await sign(publicPem, 'HS256', oidcClaims()))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it.each([
    ['alg none', async () => unsigned('none', oidcClaims())],
    ['another key under the same kid', async () => sign(otherRsa.privateKey, 'RS256', oidcClaims())],
    ['RS384, not on the list', async () => sign(rsa.privateKey, 'RS384', oidcClaims())],
    ['another issuer', async () => sign(rsa.privateKey, 'RS256', oidcClaims({ iss: 'https://evil.example' }))],
    ['another audience', async () => sign(rsa.privateKey, 'RS256', oidcClaims({ aud: 'another-api' }))],
    ['no exp', async () => sign(rsa.privateKey, 'RS256', oidcClaims({ exp: undefined }))],
    ['expired past the skew', async () => sign(rsa.privateKey, 'RS256', oidcClaims({ exp: now() - 120 }))],
  ])('refuses %s', async (_case, token) => {
    await expect(createTokenVerifier(oidcConfig())(await token())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('signs the user in by subject, and refuses a disabled user at once with a token that worked a moment ago', async () => {
    const authorization = `Bearer ${await sign(rsa.privateKey, 'RS256', oidcClaims())}`;
    const viewer = '{ viewer { email } }';
    expect((await oidcServer.execute(authorization, viewer)).body).toEqual({ data: { viewer: { email: EMAIL } } });
    const overHttp = await oidcServer.post({ query: viewer }, { authorization });
    expect(JSON.parse(overHttp.text)).toEqual({ data: { viewer: { email: EMAIL } } });
    // A development token is no good on a production server.
    const devToken = `Bearer ${await sign(new TextEncoder().encode(TEST_SECRET), 'HS256', { sub: EMAIL, exp: now() + 60 })}`;
    expect((await oidcServer.execute(devToken, viewer)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    await app.sql(`UPDATE app_user SET disabled_at = now() WHERE subject = $1`, [SUBJECT]);
    const after = await oidcServer.execute(authorization, viewer);
    expect(after.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(after.body.data).toBeNull();
    await app.sql(`UPDATE app_user SET disabled_at = NULL WHERE subject = $1`, [SUBJECT]);
  });
});

describe('a test or development API pointed at a real database', () => {
  /** The development secret is in the repository: anyone can sign with it. */
  const PUBLIC_SECRET = 'samverka-development-secret-do-not-use-in-production';
  const real = { DATABASE_URL: 'postgres://samverka_app@db.kommun.example/samverka', AUTH_DEV_SECRET: 'x'.repeat(40) };

  it.each(['test', 'development'])('NODE_ENV=%s without the entry point naming a throwaway database: no development sign-in', (mode) => {
    expect(() => loadConfig({ ...real, NODE_ENV: mode })).toThrow(/AUTH_JWKS_URL is required: the development sign-in's secret is public/);
    expect(() => loadConfig({ ...real, NODE_ENV: mode }, { developmentDatabase: 'embedded' })).toThrow(/AUTH_JWKS_URL/);
  });

  it('serves no /auth/dev-token and takes no token signed with the public secret, when started with an identity provider', async () => {
    const config = loadConfig({
      ...real,
      NODE_ENV: 'test',
      AUTH_JWKS_URL: jwksUrl.href,
      AUTH_ISSUER: 'https://login.samverka.test',
      AUTH_AUDIENCE: 'samverka-api',
    });
    expect(config.auth.devSecret).toBeUndefined();
    const server = await startTestServer(app.runtime, {
      config: () => ({ ...app.runtime.config, auth: config.auth, nodeEnv: config.nodeEnv }),
    });
    try {
      const minted = await server.http('/auth/dev-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL }),
      });
      expect(minted.status).toBe(404);
      expect((await server.http('/auth/dev-users')).status).toBe(404);
      for (const secret of [PUBLIC_SECRET, real.AUTH_DEV_SECRET]) {
        const forged = await signDevToken(EMAIL, secret);
        const answer = await server.post({ query: '{ viewer { email } }' }, { authorization: `Bearer ${forged}` });
        expect(JSON.parse(answer.text).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
    } finally {
      await server.close();
    }
  });
});
