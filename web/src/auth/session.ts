/**
 * The signed-in user's token is shared by the browser's tabs (localStorage, never a cookie): a report opened in a new
 * tab needs no second sign-in, and signing out in one tab signs out all. An expired token counts as none.
 */
const TOKEN_KEY = 'samverka.token';
/** The page asked for before the sign-in, per tab: the OIDC round trip comes back to the same tab. */
const RETURN_KEY = 'samverka.returnTo';

function expired(token: string): boolean {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' && payload.exp * 1000 <= Date.now();
  } catch {
    return false;
  }
}

export function getToken(): string | null {
  const token = localStorage.getItem(TOKEN_KEY);
  if (token && expired(token)) {
    localStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
}

export function setToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  localStorage.removeItem(TOKEN_KEY);
}

/** Calls back when another tab signs in or out. */
export function onTokenChange(listener: () => void): () => void {
  const handle = (event: StorageEvent) => {
    if (event.key === TOKEN_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', handle);
  return () => window.removeEventListener('storage', handle);
}

/** Remembers the page asked for (path and query) so the sign-in can land there. */
export function rememberReturnTo(path: string): void {
  if (path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/sign-in')) sessionStorage.setItem(RETURN_KEY, path);
}

/** The page to land on after signing in: the one asked for, once, else the home page. */
export function takeReturnTo(): string {
  const path = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return path && path.startsWith('/') && !path.startsWith('//') ? path : '/';
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
