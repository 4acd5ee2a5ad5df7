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

  it('turns a ?token sign-in into an HttpOnly cookie for the dashboard path only', async () => {
    const token = await signDevToken('admin@samverka.test', TEST_SECRET);
    const signIn = await get(`/admin/queues?token=${encodeURIComponent(token)}`);
    expect(signIn.status).toBe(302);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    const withCookie = await get('/admin/queues/api/queues', undefined, { headers: { cookie: cookie.split(';')[0] } });
    expect(withCookie.status).toBe(200);
  });
});
