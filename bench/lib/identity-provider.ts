import http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Client } from 'pg';

const ISSUER = 'https://login.bench.samverka.invalid';
const AUDIENCE = 'samverka-api';
const KID = 'bench-1';

export interface BenchIdentityProvider {
  /** The API's production settings for this provider. */
  readonly env: { readonly AUTH_JWKS_URL: string; readonly AUTH_ISSUER: string; readonly AUTH_AUDIENCE: string };
  /** An RS256 token for the user, as an OIDC provider would issue it. */
  token(email: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A stand-in OIDC provider on 127.0.0.1, so the bench's API runs as production
 * does: RS256 tokens checked against a JWKS, issuer and audience required.
 * The bench's users get a subject in the scale database (`bench|<email>`).
 */
export async function startIdentityProvider(databaseUrl: string, emails: readonly string[]): Promise<BenchIdentityProvider> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE app_user SET subject = 'bench|' || lower(email) WHERE lower(email) = ANY($1) AND subject IS DISTINCT FROM 'bench|' || lower(email)`,
      [emails.map((e) => e.toLowerCase())],
    );
  } finally {
    await client.end();
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const body = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] });
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    env: { AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE },
    token: (email) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
        .setSubject(`bench|${email.toLowerCase()}`)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
