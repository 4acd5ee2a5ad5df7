import type { User, UserManager } from 'oidc-client-ts';
import { createUserManager, signOutAtProvider } from './oidc';

/**
 * The signed-in user's token is shared by the browser's tabs (localStorage, never a cookie): a report opened in a new
 * tab needs no second sign-in, and signing out in one tab signs out all. In development the token is the API's dev
 * token; with OIDC it is the access token of oidc-client-ts's user, which that library renews before it expires.
 */
const TOKEN_KEY = 'samverka.token';
/** The page asked for before the sign-in, per tab: the OIDC round trip comes back to the same tab. */
const RETURN_KEY = 'samverka.returnTo';
/** This tab was opened to sign in again for another tab, whose half-filled form waits: it closes when done. */
const AGAIN_KEY = 'samverka.signInAgain';

let manager: UserManager | null = null;
let oidcUser: User | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

function payload(token: string): { exp?: number; sub?: string } {
  try {
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return {};
  }
}

function expired(token: string): boolean {
  const exp = payload(token).exp;
  return typeof exp === 'number' && exp * 1000 <= Date.now();
}

/** The token to send now, or null when there is none or it has expired. */
export function getToken(): string | null {
  const token = manager ? (oidcUser?.access_token ?? null) : localStorage.getItem(TOKEN_KEY);
  return token && !expired(token) ? token : null;
}

/** Who the token names: the app keeps its pages (and a half-filled form) while the same user signs in again. */
export function tokenSubject(token: string | null): string | null {
  return token ? (payload(token).sub ?? null) : null;
}

/** A sign-in is kept, perhaps expired: false only after signing out (in any tab) or before the first sign-in. */
export function hasSession(): boolean {
  return manager ? oidcUser !== null : localStorage.getItem(TOKEN_KEY) !== null;
}

export function setToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
  changed();
}

export async function signOut(): Promise<void> {
  if (manager) await signOutAtProvider(manager);
  else localStorage.removeItem(TOKEN_KEY);
  changed();
}

/** Calls back when this or another tab signs in, renews or signs out, and when the OIDC token expires. */
export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let following = false;

function followOtherTabs(): void {
  if (following) return;
  following = true;
  window.addEventListener('storage', (event) => {
    if (event.key === TOKEN_KEY || event.key === null) changed();
    if (manager && (event.key === null || event.key?.startsWith('oidc.user:'))) {
      // getUser(true) re-arms the renewal timer for the other tab's token.
      void manager.getUser(true).then((user) => {
        oidcUser = user;
        changed();
      });
    }
  });
}

let config: Promise<WebAuthConfig> | null = null;

/** Before the app renders: which sign-in the server offers and, with OIDC, the user kept in this browser. */
export async function startAuth(options: { renew: boolean } = { renew: true }): Promise<WebAuthConfig> {
  followOtherTabs();
  const auth = await fetchAuthConfig();
  if (auth.mode === 'oidc' && !manager) {
    manager = createUserManager(auth, options.renew);
    manager.events.addUserLoaded((user) => {
      oidcUser = user;
      changed();
    });
    manager.events.addUserUnloaded(() => {
      oidcUser = null;
      changed();
    });
    manager.events.addAccessTokenExpired(changed);
    oidcUser = await manager.getUser(true);
  }
  return auth;
}

function oidc(): UserManager {
  if (!manager) throw new Error('OIDC sign-in is not configured');
  return manager;
}

export const startSignIn = () => oidc().signinRedirect();
export const completeSignIn = () => oidc().signinRedirectCallback();
export const completeSilentRenew = () => oidc().signinSilentCallback();

/** Opens the sign-in in another tab, so this tab keeps what the user has written; false when the browser refused. */
export function openSignInAgain(): boolean {
  return window.open('/sign-in?again=1', 'samverka-sign-in') !== null;
}

export function markSignInAgain(): void {
  sessionStorage.setItem(AGAIN_KEY, '1');
}

/** After a sign-in: back to the tab that asked for it (this one closes), else to the page asked for. */
export function finishSignIn(navigateTo: (path: string) => void): void {
  if (sessionStorage.getItem(AGAIN_KEY)) {
    sessionStorage.removeItem(AGAIN_KEY);
    window.close();
  }
  navigateTo(takeReturnTo());
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

export function fetchAuthConfig(): Promise<WebAuthConfig> {
  config ??= fetchConfig();
  return config;
}

async function fetchConfig(): Promise<WebAuthConfig> {
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
