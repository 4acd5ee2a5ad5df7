import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** The production entry points, started the way an operator who forgot NODE_ENV would. */
function start(entry: string, env: Record<string, string>) {
  const { NODE_ENV: _unset, ...inherited } = process.env;
  return spawnSync(process.execPath, [path.join(ROOT, entry)], { env: { ...inherited, ...env }, encoding: 'utf8', timeout: 90_000 });
}

describe('production entry points fail closed', () => {
  it.each(['dist/app/api.main.js', 'dist/app/worker.main.js'])(
    '%s without NODE_ENV is production: it refuses the development sign-in',
    (entry) => {
      const result = start(entry, { DATABASE_URL: 'postgres://127.0.0.1:1/none', AUTH_DEV_SECRET: 'x'.repeat(40) });
      expect(result.status).toBe(78);
      expect(result.stderr).toMatch(/AUTH_JWKS_URL is required in production/);
    },
    120_000,
  );

  it.each([
    ['dist/app/api.main.js', 'test'],
    ['dist/app/api.main.js', 'development'],
    ['dist/scripts/start.js', 'development'],
  ])(
    '%s with NODE_ENV=%s and a real DATABASE_URL refuses the development sign-in in one line',
    (entry, mode) => {
      const result = start(entry, {
        NODE_ENV: mode,
        DATABASE_URL: 'postgres://samverka_app@127.0.0.1:1/samverka',
        AUTH_DEV_SECRET: 'x'.repeat(40),
      });
      expect(result.status).toBe(78);
      // On a Node older than the supported one, npm start adds its advisory line about the Node version.
      const lines = result.stderr
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('Note: Samverka is built and tested on Node'));
      expect(lines).toEqual([
        expect.stringMatching(/^Configuration error: AUTH_JWKS_URL is required: the development sign-in's secret is public/),
      ]);
    },
    120_000,
  );

  it('refuses to start production without a real mail sender, naming the way out', () => {
    const result = start('dist/app/worker.main.js', {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://127.0.0.1:1/none',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      AUTH_ISSUER: 'https://idp.example/',
      AUTH_AUDIENCE: 'samverka',
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/SMTP_URL is required in production.*MAIL_SENDER=log/);
  }, 120_000);
});
