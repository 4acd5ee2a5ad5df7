import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const KID = 'web-test-1';
const COOKIE = 'standin_idp';
export const STANDIN_AUDIENCE = 'samverka-api';
export const STANDIN_CLIENT_ID = 'samverka-web';

export interface ProviderCall {
  readonly path: string;
  readonly params: URLSearchParams;
}

/**
 * A stand-in OIDC provider on 127.0.0.1 for the web app's browser tests: discovery, an authorize endpoint with a
 * one-button login page and a session cookie (so `prompt=none` in the renewal frame answers without a page), a
 * token endpoint that checks PKCE, RS256 tokens the API verifies against its JWKS, and an end-session endpoint.
 * Users are named `standin|<email>` (set the users' `subject` to that).
 */
export interface StandInProvider {
  readonly issuer: string;
  /** Seconds an access token lives (`expires_in` and the token's `exp`). */
  tokenLifetimeSeconds: number;
  /** Renewal without a page (`prompt=none`) answers `login_required`, as when the provider's session has ended. */
  refuseSilent: boolean;
  /** Hands out (rotating) refresh tokens with the tokens, as providers do for `offline_access`. */
  giveRefreshTokens: boolean;
  readonly calls: ProviderCall[];
  /** Every access token issued, in order. */
  readonly issued: string[];
  /** Resolves with the next call to a path (`/token`, `/authorize`, `/logout`) that matches. */
  next(path: string, matches?: (call: ProviderCall) => boolean): Promise<ProviderCall>;
  close(): Promise<void>;
}

interface Grant {
  email: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | null;
}

export async function startStandInProvider(): Promise<StandInProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] });
  const grants = new Map<string, Grant>();
  const refreshTokens = new Map<string, { email: string; clientId: string }>();
  const sessions = new Map<string, string>();
  const events = new EventEmitter();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider: StandInProvider = {
    issuer,
    tokenLifetimeSeconds: 3600,
    refuseSilent: false,
    giveRefreshTokens: false,
    calls: [],
    issued: [],
    next: (path, matches = () => true) =>
      new Promise((resolve) => {
        const listener = (call: ProviderCall) => {
          if (call.path !== path || !matches(call)) return;
          events.off('call', listener);
          resolve(call);
        };
        events.on('call', listener);
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const sign = (claims: Record<string, unknown>, subject: string, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${provider.tokenLifetimeSeconds}s`)
      .sign(privateKey);

  const redirect = (res: http.ServerResponse, target: string, params: Record<string, string>, cookie?: string) => {
    const url = new URL(target);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    res.writeHead(302, { location: url.toString(), ...(cookie ? { 'set-cookie': cookie } : {}) }).end();
  };

  const grant = (res: http.ServerResponse, params: URLSearchParams, email: string, cookie?: string) => {
    const code = randomUUID();
    grants.set(code, {
      email,
      clientId: params.get('client_id') ?? '',
      redirectUri: params.get('redirect_uri') ?? '',
      challenge: params.get('code_challenge') ?? '',
      nonce: params.get('nonce'),
    });
    redirect(res, params.get('redirect_uri')!, { code, state: params.get('state') ?? '' }, cookie);
  };

  const session = (req: http.IncomingMessage) => {
    const id = /(?:^|;\s*)standin_idp=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    return id ? sessions.get(id) : undefined;
  };

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const readForm = async (req: http.IncomingMessage) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    return new URLSearchParams(body);
  };

  /** A code once, for the client and redirect URI it was issued to, with the PKCE verifier of its challenge. */
  const exchanged = (params: URLSearchParams): Grant | undefined => {
    const found = grants.get(params.get('code') ?? '');
    grants.delete(params.get('code') ?? '');
    const verifier = params.get('code_verifier') ?? '';
    const valid =
      params.get('grant_type') === 'authorization_code' &&
      found?.redirectUri === params.get('redirect_uri') &&
      found?.clientId === params.get('client_id') &&
      createHash('sha256').update(verifier).digest('base64url') === found?.challenge;
    return valid ? found : undefined;
  };

  /** A refresh token once (rotation), for its client; the answer carries no new ID token. */
  const refreshed = (params: URLSearchParams): { email: string; clientId: string } | undefined => {
    const found = refreshTokens.get(params.get('refresh_token') ?? '');
    refreshTokens.delete(params.get('refresh_token') ?? '');
    return found?.clientId === params.get('client_id') ? found : undefined;
  };

  server.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const params = req.method === 'POST' ? await readForm(req) : url.searchParams;
    const call = { path: url.pathname, params };
    provider.calls.push(call);
    events.emit('call', call);
    switch (url.pathname) {
      case '/.well-known/openid-configuration':
        return json(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks.json`,
          end_session_endpoint: `${issuer}/logout`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      case '/jwks.json':
        return json(res, 200, JSON.parse(jwks));
      case '/authorize': {
        const email = session(req);
        if (params.get('prompt') === 'none') {
          if (!email || provider.refuseSilent) {
            return redirect(res, params.get('redirect_uri')!, { error: 'login_required', state: params.get('state') ?? '' });
          }
          return grant(res, params, email);
        }
        if (email) return grant(res, params, email);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(`<!doctype html><html lang="sv"><head><title>Stand-in provider</title></head><body><main>
          <h1>Kommunens inloggning</h1>
          <form method="post" action="/login">
            ${[...params].map(([k, v]) => `<input type="hidden" name="${k}" value="${v.replace(/"/g, '&quot;')}">`).join('')}
            <label>E-post <input name="login_email" type="email"></label>
            <button type="submit">Fortsätt</button>
          </form></main></body></html>`);
      }
      case '/login': {
        const id = randomUUID();
        sessions.set(id, params.get('login_email')!.toLowerCase());
        return grant(res, params, sessions.get(id)!, `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`);
      }
      case '/token': {
        if (req.method === 'OPTIONS') {
          res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' }).end();
          return;
        }
        const found = params.get('grant_type') === 'refresh_token' ? refreshed(params) : exchanged(params);
        if (!found) return json(res, 400, { error: 'invalid_grant' });
        const subject = `standin|${found.email}`;
        const accessToken = await sign({ scope: 'openid' }, subject, STANDIN_AUDIENCE);
        provider.issued.push(accessToken);
        let refreshToken: string | undefined;
        if (provider.giveRefreshTokens) {
          refreshToken = randomUUID();
          refreshTokens.set(refreshToken, { email: found.email, clientId: found.clientId });
        }
        return json(res, 200, {
          token_type: 'Bearer',
          expires_in: provider.tokenLifetimeSeconds,
          access_token: accessToken,
          ...(refreshToken ? { refresh_token: refreshToken } : {}),
          ...('nonce' in found ? { id_token: await sign(found.nonce ? { nonce: found.nonce } : {}, subject, found.clientId) } : {}),
        });
      }
      case '/logout': {
        const id = /(?:^|;\s*)standin_idp=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
        if (id) sessions.delete(id);
        return redirect(res, params.get('post_logout_redirect_uri')!, {}, `${COOKIE}=; Path=/; Max-Age=0`);
      }
      default:
        res.writeHead(404).end();
    }
  });
  return provider;
}
