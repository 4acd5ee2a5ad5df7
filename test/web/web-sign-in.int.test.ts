import http from 'node:http';
import express from 'express';
import { DataSource } from 'typeorm';
import { webAuthConfig, webSignIn } from '../../api/auth/web-sign-in';
import { AuthConfig } from '../../platform/config';

const production = (auth: Partial<AuthConfig>) => ({
  nodeEnv: 'production' as const,
  auth: { jwksUrl: new URL('https://login.example.se/jwks'), clockToleranceSeconds: 30, ...auth },
});

describe('web sign-in configuration', () => {
  it.each([
    [
      'development with the dev secret',
      { nodeEnv: 'development' as const, auth: { devSecret: 'x'.repeat(32), clockToleranceSeconds: 30 } },
      { mode: 'development' },
    ],
    [
      'production with an OIDC client',
      production({ issuer: 'https://login.example.se', webClientId: 'samverka-web', audience: 'samverka-api' }),
      { mode: 'oidc', issuer: 'https://login.example.se', clientId: 'samverka-web', scope: 'openid', audience: 'samverka-api' },
    ],
    ['production without a web client', production({ issuer: 'https://login.example.se' }), { mode: 'none' }],
  ])('%s', (_name, config, expected) => {
    expect(webAuthConfig(config)).toEqual(expected);
  });

  it('refuses the demo-user list and dev tokens in production', async () => {
    const app = express();
    // Production never touches the database here: the dev routes are not mounted at all.
    app.use(
      '/auth',
      webSignIn(null as unknown as DataSource, production({ issuer: 'https://login.example.se', webClientId: 'samverka-web' })),
    );
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as { port: number };
    try {
      expect((await fetch(`http://127.0.0.1:${port}/auth/dev-users`)).status).toBe(404);
      const token = await fetch(`http://127.0.0.1:${port}/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@samverka.test' }),
      });
      expect(token.status).toBe(404);
      expect(await (await fetch(`http://127.0.0.1:${port}/auth/config`)).json()).toMatchObject({ mode: 'oidc', clientId: 'samverka-web' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
