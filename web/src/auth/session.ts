/** The signed-in user's token lives in this tab only (sessionStorage), never in a cookie. */
const TOKEN_KEY = 'samverka.token';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

export type WebAuthConfig =
  { mode: 'development' } | { mode: 'oidc'; issuer: string; clientId: string; scope: string; audience: string | null } | { mode: 'none' };

export async function fetchAuthConfig(): Promise<WebAuthConfig> {
  const response = await fetch('/auth/config');
  if (!response.ok) throw new Error(`auth config: ${response.status}`);
  return response.json();
}

export interface DemoUser {
  email: string;
  displayName: string;
  roles: string[];
  agency: string;
}

export async function fetchDemoUsers(): Promise<DemoUser[]> {
  const response = await fetch('/auth/dev-users');
  if (!response.ok) throw new Error(`demo users: ${response.status}`);
  return response.json();
}

export async function signInAsDemoUser(email: string): Promise<void> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw new Error(`dev token: ${response.status}`);
  setToken((await response.json()).token);
}
