/**
 * The web app signed in through an OIDC provider (oidc-client-ts), as in production: a stand-in provider on
 * 127.0.0.1 issues RS256 tokens that the API verifies against the provider's keys.
 */
import { BrowserContext, Page } from 'playwright-core';
import { systemClock } from '../../domain/time/clock';
import { buildWebIfNeeded } from '../../scripts/web-build';
import { startTestServer, TestServer } from '../../scripts/fuzz/harness';
import { createTestApp, TestApp } from '../helpers/test-app';
import { chromiumAvailable, expectAccessible, launchBrowser, TestBrowser } from './browser';
import { startStandInProvider, STANDIN_AUDIENCE, STANDIN_CLIENT_ID, StandInProvider } from './oidc-provider';

const SCHOOL = 'larare.norr@samverka.test';
const NAV = 'nav[aria-label="Huvudmeny"]';
const ENDED = 'Din inloggning har gått ut. Logga in igen – det du skrivit finns kvar.';

(chromiumAvailable() ? describe : describe.skip)('web sign-in through an OIDC provider', () => {
  let app: TestApp;
  let provider: StandInProvider;
  let server: TestServer;
  let browser: TestBrowser;
  let userKey: string;
  let childPin: string;

  beforeAll(async () => {
    buildWebIfNeeded(() => undefined);
    provider = await startStandInProvider();
    app = await createTestApp({ clock: systemClock, poolSize: 12 });
    await app.sql(`UPDATE app_user SET subject = 'standin|' || email WHERE email = $1`, [SCHOOL]);
    server = await startTestServer(app.runtime, {
      config: (c) => ({
        ...c,
        auth: {
          jwksUrl: new URL(`${provider.issuer}/jwks.json`),
          issuer: provider.issuer,
          audience: STANDIN_AUDIENCE,
          clockToleranceSeconds: 0,
          webClientId: STANDIN_CLIENT_ID,
          webScope: 'openid',
        },
      }),
    });
    browser = await launchBrowser();
    userKey = `oidc.user:${provider.issuer}:${STANDIN_CLIENT_ID}`;
    const [child] = await app.sql(`SELECT c.personal_identity_number AS pin FROM child c JOIN district d ON d.id = c.district_id
      WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL ORDER BY c.personal_identity_number LIMIT 1`);
    childPin = child.pin;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise<void>((resolve) => (server ? server.api.httpServer.close(() => resolve()) : resolve()));
    await app?.close();
    await provider?.close();
  });

  beforeEach(() => {
    provider.tokenLifetimeSeconds = 3600;
    provider.refuseSilent = false;
    provider.giveRefreshTokens = false;
  });

  // Runs in the page (the tests compile without the DOM's types): the access token of the user the tabs share.
  const storedToken = (key: string) => `JSON.parse(localStorage.getItem(${JSON.stringify(key)}) ?? 'null')?.access_token ?? null`;
  const accessToken = (page: Page): Promise<string | null> => page.evaluate(storedToken(userKey));

  /** A fresh browser through the provider's login page, landing on the page asked for. */
  async function signIn(path = '/'): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}${path}`);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByLabel('E-post').fill(SCHOOL);
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.locator(NAV).waitFor();
    return { context, page };
  }

  it('lets only the silent-renewal page be framed, and only by Samverka; the pages may frame and call the provider', async () => {
    const csp = async (path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
      return { csp: response.headers.get('content-security-policy') ?? '', frame: response.headers.get('x-frame-options') };
    };
    const page = await csp('/concerns/new');
    expect(page.csp).toContain("frame-ancestors 'none'");
    expect(page.csp).toContain(`frame-src 'self' ${provider.issuer}`);
    expect(page.csp).toContain(`connect-src 'self' ${provider.issuer}`);
    expect(page.frame).toBe('DENY');
    expect(await csp('/sign-in/silent')).toEqual({ csp: expect.stringContaining("frame-ancestors 'self'"), frame: 'SAMEORIGIN' });
  });

  it('signs in at the provider; a second tab shares the sign-in; signing out reaches the end-session endpoint and every tab', async () => {
    const { context, page: first } = await browser.newPage();
    first.setDefaultTimeout(60_000);
    await first.goto(`${server.url}/reports/mine`);
    await first.getByRole('button', { name: 'Logga in' }).waitFor();
    await expectAccessible(first, 'oidc-01-sign-in');

    const authorize = provider.next('/authorize');
    await first.getByRole('button', { name: 'Logga in' }).click();
    const asked = await authorize;
    expect(asked.params.get('code_challenge_method')).toBe('S256');
    expect(asked.params.get('redirect_uri')).toBe(`${server.url}/sign-in/callback`);
    expect(asked.params.get('audience')).toBe(STANDIN_AUDIENCE);
    await first.getByLabel('E-post').fill(SCHOOL);
    await first.getByRole('button', { name: 'Fortsätt' }).click();
    await first.getByRole('heading', { name: 'Mina anmälningar' }).waitFor();
    expect(new URL(first.url()).pathname).toBe('/reports/mine');

    const second = await context.newPage();
    await second.goto(`${server.url}/concerns/new`);
    await second.getByRole('heading', { name: 'Anmäl oro för ett barn' }).waitFor();

    const endSession = provider.next('/logout');
    await first.getByRole('button', { name: 'Logga ut' }).click();
    const ended = await endSession;
    expect(ended.params.get('post_logout_redirect_uri')).toBe(`${server.url}/sign-in`);
    expect(ended.params.get('id_token_hint')).toBeTruthy();
    await first.getByRole('button', { name: 'Logga in' }).waitFor();
    await second.getByRole('button', { name: 'Logga in' }).waitFor();
    expect(await accessToken(first)).toBeNull();
    await context.close();
  });

  it('renews the token before it expires, without a page, and the API takes the renewed one', async () => {
    // Tokens that live a few seconds: the app renews each in the hidden frame well before it expires.
    provider.tokenLifetimeSeconds = 4;
    const first = provider.issued.length;
    const silent = provider.next('/authorize', (call) => call.params.get('prompt') === 'none');
    const { context, page } = await signIn('/reports/mine');
    const renewal = await silent;
    expect(renewal.params.get('redirect_uri')).toBe(`${server.url}/sign-in/silent`);
    await page.waitForFunction(
      ([key, old]) => {
        const stored = (globalThis as any).localStorage.getItem(key);
        return stored !== null && JSON.parse(stored).access_token !== old;
      },
      [userKey, provider.issued[first]] as const,
    );
    const renewed = await accessToken(page);
    expect(provider.issued.indexOf(renewed!)).toBeGreaterThan(first);
    const viewer = await server.post({ query: '{ viewer { displayName } }' }, { authorization: `Bearer ${renewed}` });
    expect(JSON.parse(viewer.text).data.viewer.displayName).toBe('Lärare Norr');
    await page.locator(NAV).waitFor();
    await context.close();
  });

  it('renews with the refresh token when the provider gives one: no frame, no page', async () => {
    provider.tokenLifetimeSeconds = 4;
    provider.giveRefreshTokens = true;
    const first = provider.issued.length;
    const silentFrames = provider.calls.filter((c) => c.params.get('prompt') === 'none').length;
    const refresh = provider.next('/token', (call) => call.params.get('grant_type') === 'refresh_token');
    const { context, page } = await signIn('/reports/mine');
    expect((await refresh).params.get('client_id')).toBe(STANDIN_CLIENT_ID);
    await page.waitForFunction(
      ([key, old]) => {
        const stored = (globalThis as any).localStorage.getItem(key);
        return stored !== null && JSON.parse(stored).access_token !== old;
      },
      [userKey, provider.issued[first]] as const,
    );
    expect(provider.calls.filter((c) => c.params.get('prompt') === 'none')).toHaveLength(silentFrames);
    await context.close();
  });

  it('a session that ends with a half-filled form: the page says so and keeps the text; signing in again in another tab continues it', async () => {
    // Long enough for a loaded machine to show the form before the token expires; renewal is tried after a second.
    provider.tokenLifetimeSeconds = 10;
    provider.refuseSilent = true;
    const { context, page } = await signIn('/concerns/new');
    await page.getByRole('heading', { name: 'Anmäl oro för ett barn' }).waitFor();
    const text = 'Hög frånvaro sedan oktober, verkar orolig.';
    await page.getByLabel('Beskrivning').fill(text);

    // The renewal is refused; when the token expires the page says so, and the form stays.
    await page.getByRole('alert').filter({ hasText: ENDED }).waitFor();
    await expectAccessible(page, 'oidc-02-session-ended');
    expect(await page.getByLabel('Beskrivning').inputValue()).toBe(text);

    provider.tokenLifetimeSeconds = 3600;
    provider.refuseSilent = false;
    const opened = context.waitForEvent('page');
    await page.getByRole('link', { name: /Logga in igen/ }).click();
    const again = await opened;
    await again.getByRole('button', { name: 'Logga in' }).click();
    // The provider still knows the user: no login page, straight back with a code.
    await page.getByRole('alert').filter({ hasText: ENDED }).waitFor({ state: 'detached' });
    expect(await page.getByLabel('Beskrivning').inputValue()).toBe(text);
    expect(new URL(page.url()).pathname).toBe('/concerns/new');
    await context.close();
  });

  it('the API refuses the token while the form is sent: the page says so, and after signing in again the same form goes out', async () => {
    const { context, page } = await signIn('/concerns/new');
    await page.getByLabel('Personnummer').fill(childPin);
    await page.getByLabel('Kategori').selectOption('SCHOOL_ABSENCE');
    await page.getByLabel('Beskrivning').fill('Slutar lektioner tidigt varje dag.');
    await page.getByRole('radio', { name: 'Nej' }).check();
    // The provider's user no longer maps to the school teacher (as when an administrator moves the account).
    await app.sql(`UPDATE app_user SET subject = 'standin|moved' WHERE email = $1`, [SCHOOL]);
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.getByRole('alert').filter({ hasText: ENDED }).waitFor();
    expect(await page.getByLabel('Beskrivning').inputValue()).toBe('Slutar lektioner tidigt varje dag.');

    await app.sql(`UPDATE app_user SET subject = 'standin|' || email WHERE email = $1`, [SCHOOL]);
    const opened = context.waitForEvent('page');
    await page.getByRole('link', { name: /Logga in igen/ }).click();
    await (await opened).getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('alert').filter({ hasText: ENDED }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.getByText(/Anmälan OA-\d{4}-\d+ är skickad/).waitFor();
    await context.close();
  });
});
