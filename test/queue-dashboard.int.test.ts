import { signDevToken } from '../api/auth/dev-token';
import { FakeClock } from '../domain/time/clock';
import { createTestApp, TestApp, TEST_SECRET } from './helpers/test-app';

let app: TestApp;
let base: string;
const clock = new FakeClock('2026-11-23T08:00:00Z');

beforeAll(async () => {
  app = await createTestApp({ clock });
  base = `http://127.0.0.1:${await app.api.listen(0)}`;
});

afterAll(() => app.close());

const get = async (path: string, email?: string, init: RequestInit = {}) => {
  const headers: Record<string, string> = email ? { authorization: `Bearer ${await signDevToken(email, TEST_SECRET)}` } : {};
  return fetch(`${base}${path}`, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
    redirect: 'manual',
  });
};

describe('the queue dashboard at /admin/queues', () => {
  it('shows the queues and their counts to an admin', async () => {
    const response = await get('/admin/queues/api/queues', 'admin@samverka.test');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['deadline-steps', 'maintenance', 'outbox']);
  });

  it('refuses everyone else: 403 for other roles, 401 without a valid token', async () => {
    expect((await get('/admin/queues/api/queues', 'chef.norr@samverka.test')).status).toBe(403);
    expect((await get('/admin/queues/api/queues')).status).toBe(401);
    expect((await get('/admin/queues/api/queues', undefined, { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
  });

  it('signs a browser in from a POST with a short-lived HttpOnly cookie for the dashboard path only', async () => {
    const token = await signDevToken('admin@samverka.test', TEST_SECRET);
    const page = await get('/admin/queues', undefined, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('action="/admin/queues/session"');

    const signIn = await fetch(`${base}/admin/queues/session`, {
      method: 'POST',
      body: new URLSearchParams({ token }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    expect(cookie).toMatch(/Max-Age=900/);
    const sessionId = decodeURIComponent(cookie.split(';')[0].split('=')[1]);
    expect(sessionId).not.toContain(token);
    expect(token).not.toContain(sessionId);
    expect(sessionId).not.toMatch(/^eyJ|\./);
    expect(await app.sql(`SELECT count(*)::int AS n FROM queue_dashboard_session WHERE id_hash = $1`, [sessionId])).toEqual([{ n: 0 }]);
    const withCookie = await get('/admin/queues/api/queues', undefined, { headers: { cookie: cookie.split(';')[0] } });
    expect(withCookie.status).toBe(200);

    const notAdmin = await fetch(`${base}/admin/queues/session`, {
      method: 'POST',
      body: JSON.stringify({ token: await signDevToken('chef.norr@samverka.test', TEST_SECRET) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a token in the URL, where proxies would log it', async () => {
    const token = await signDevToken('admin@samverka.test', TEST_SECRET);
    const response = await get(`/admin/queues?token=${encodeURIComponent(token)}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  describe('a session held by the cookie', () => {
    const signIn = async (email: string) => {
      const response = await fetch(`${base}/admin/queues/session`, {
        method: 'POST',
        body: new URLSearchParams({ token: await signDevToken(email, TEST_SECRET) }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
      return (response.headers.get('set-cookie') ?? '').split(';')[0];
    };
    const withCookie = async (cookie: string) => (await get('/admin/queues/api/queues', undefined, { headers: { cookie } })).status;
    const admin = async (query: string, variables: Record<string, unknown>) =>
      expect((await app.as('admin@samverka.test', query, variables)).errors).toBeUndefined();

    it('ends after 15 minutes, whatever the browser keeps', async () => {
      const cookie = await signIn('admin@samverka.test');
      clock.advance(15 * 60_000 - 1_000);
      expect(await withCookie(cookie)).toBe(200);
      clock.advance(2_000);
      expect(await withCookie(cookie)).toBe(401);
    });

    it('is revoked at sign-out: the copied cookie no longer opens the dashboard', async () => {
      const cookie = await signIn('admin@samverka.test');
      const out = await fetch(`${base}/admin/queues/sign-out`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
      expect(out.status).toBe(303);
      expect(out.headers.get('set-cookie')).toMatch(/samverka_queue_session=;.*Expires=Thu, 01 Jan 1970/);
      expect(await withCookie(cookie)).toBe(401);
    });

    it('is refused once its administrator is disabled or loses ADMIN', async () => {
      const central = await app.idOf('agency', `kind = 'MUNICIPALITY'`, []);
      const created = await app.as('admin@samverka.test', `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
        i: { agencyId: central, email: 'drift@samverka.test', displayName: 'Drift', roles: ['ADMIN'] },
      });
      const id = created.data.createUser.id;
      const disabledLater = await signIn('drift@samverka.test');
      expect(await withCookie(disabledLater)).toBe(200);
      await admin(`mutation($id: ID!) { disableUser(userId: $id) { id } }`, { id });
      expect(await withCookie(disabledLater)).toBe(401);

      await admin(`mutation($id: ID!) { enableUser(userId: $id) { id } }`, { id });
      const demotedLater = await signIn('drift@samverka.test');
      await admin(`mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { id } }`, { i: { userId: id, roles: ['ANALYST'] } });
      expect(await withCookie(demotedLater)).toBe(401);
    });
  });
});
