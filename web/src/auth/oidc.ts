/**
 * The production sign-in through oidc-client-ts: authorization code with PKCE, the user kept in localStorage so the
 * browser's tabs share it, renewed before it expires (refresh token when the provider gives one, else a hidden frame at
 * SILENT_PATH), and signed out at the provider when its discovery names an end-session endpoint.
 */
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

export const CALLBACK_PATH = '/sign-in/callback';
export const SILENT_PATH = '/sign-in/silent';
export const SIGNED_OUT_PATH = '/sign-in';

export interface OidcClient {
  issuer: string;
  clientId: string;
  scope: string;
  audience: string | null;
}

/** `renew` false in the silent-renew frame itself, which only hands its answer to the page. */
export function createUserManager(client: OidcClient, renew: boolean): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: client.issuer,
    client_id: client.clientId,
    scope: client.scope,
    response_type: 'code',
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    silent_redirect_uri: `${origin}${SILENT_PATH}`,
    post_logout_redirect_uri: `${origin}${SIGNED_OUT_PATH}`,
    extraQueryParams: client.audience ? { audience: client.audience } : {},
    userStore: new WebStorageStateStore({ store: window.localStorage }),
    automaticSilentRenew: renew,
    // The API checks the access token only; the profile the app shows comes from the API's viewer.
    loadUserInfo: false,
  });
}

/** At the provider when it offers an end-session endpoint, else here: either way the tabs' shared user is removed. */
export async function signOutAtProvider(manager: UserManager): Promise<void> {
  if (await manager.metadataService.getEndSessionEndpoint().catch(() => undefined)) {
    await manager.signoutRedirect();
    return;
  }
  await manager.removeUser();
}
