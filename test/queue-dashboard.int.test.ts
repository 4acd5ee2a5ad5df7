import { signDevToken } from '../api/auth/dev-token';
import { createTestApp, TestApp, TEST_SECRET } from './helpers/test-app';

let app: TestApp;
let base: string;

beforeAll(async () => {
  app = await createTestApp();
  base = `http://127.0.0.1:${await app.api.listen(0)}`;
});

afterAll(() => app.close());

const get = async (path: string, email?: string, init: RequestInit = {}) => {
  const headers: Record<string, string> = email ? { authorization: `Bearer ${await signDevToken(email, TEST_SECRET)}` } : {};
  return fetch(`${base}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) }, redirect: 'manual' });
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
      method: 'POST', body: new URLSearchParams({ token }), headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    expect(cookie).toMatch(/Max-Age=900/);
    const withCookie = await get('/admin/queues/api/queues', undefined, { headers: { cookie: cookie.split(';')[0] } });
    expect(withCookie.status).toBe(200);

    const notAdmin = await fetch(`${base}/admin/queues/session`, {
      method: 'POST', body: JSON.stringify({ token: await signDevToken('chef.norr@samverka.test', TEST_SECRET) }), headers: { 'content-type': 'application/json' },
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
});
