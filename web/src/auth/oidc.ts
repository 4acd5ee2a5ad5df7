/**
 * OIDC authorization code flow with PKCE (RFC 7636) for a public client: the
 * verifier and state stay in this tab's sessionStorage until the callback.
 */
import { setToken } from './session';

const PENDING_KEY = 'samverka.oidc';
export const CALLBACK_PATH = '/sign-in/callback';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}
interface OidcClient {
  issuer: string;
  clientId: string;
  scope: string;
  audience: string | null;
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery: ${response.status}`);
  return response.json();
}

function redirectUri(): string {
  return `${window.location.origin}${CALLBACK_PATH}`;
}

export async function startSignIn(client: OidcClient): Promise<void> {
  const discovery = await discover(client.issuer);
  const verifier = randomString();
  const state = randomString();
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(
    PENDING_KEY,
    JSON.stringify({ verifier, state, tokenEndpoint: discovery.token_endpoint, clientId: client.clientId }),
  );
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: redirectUri(),
    scope: client.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(client.audience ? { audience: client.audience } : {}),
  }).toString();
  window.location.assign(url.toString());
}

/** Exchanges the code at the token endpoint; the API verifies the access token against the issuer's keys. */
export async function completeSignIn(search: URLSearchParams): Promise<void> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as {
    verifier: string;
    state: string;
    tokenEndpoint: string;
    clientId: string;
  } | null;
  sessionStorage.removeItem(PENDING_KEY);
  const code = search.get('code');
  if (!pending || !code || search.get('state') !== pending.state) throw new Error('OIDC callback: state mismatch');
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`OIDC token: ${response.status}`);
  const tokens = (await response.json()) as { access_token?: string };
  if (!tokens.access_token) throw new Error('OIDC token: no access token');
  setToken(tokens.access_token);
}
