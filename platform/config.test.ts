import { ConfigError, loadConfig, LoadConfigOptions } from './config';

const PRODUCTION = {
  DATABASE_URL: 'postgres://app@db/samverka',
  AUTH_JWKS_URL: 'https://idp.example/jwks',
  AUTH_ISSUER: 'https://idp.example/',
  AUTH_AUDIENCE: 'samverka',
  SMTP_URL: 'smtp://mail.example:587',
  MAIL_FROM: 'Samverka <samverka@kommun.example>',
};

function problem(env: Record<string, string | undefined>, options?: LoadConfigOptions): string | null {
  try {
    loadConfig(env, options);
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error.variable;
    throw error;
  }
}

describe('fail closed', () => {
  it.each([
    ['NODE_ENV unset is production: no database URL', { AUTH_DEV_SECRET: 'x'.repeat(40) }, undefined, 'DATABASE_URL'],
    [
      'NODE_ENV unset is production: the development secret is refused',
      { ...PRODUCTION, AUTH_DEV_SECRET: 'x'.repeat(40) },
      undefined,
      'AUTH_DEV_SECRET',
    ],
    ['NODE_ENV unset is production: a JWKS is required', { DATABASE_URL: PRODUCTION.DATABASE_URL }, undefined, 'AUTH_JWKS_URL'],
    ['production requires the issuer', { ...PRODUCTION, AUTH_ISSUER: undefined }, undefined, 'AUTH_ISSUER'],
    ['production requires the audience', { ...PRODUCTION, AUTH_AUDIENCE: '' }, undefined, 'AUTH_AUDIENCE'],
    ['production requires a real mail sender', { ...PRODUCTION, SMTP_URL: undefined }, undefined, 'SMTP_URL'],
    ['MAIL_SENDER=smtp needs SMTP_URL', { ...PRODUCTION, SMTP_URL: undefined, MAIL_SENDER: 'smtp' }, undefined, 'SMTP_URL'],
    ['production with SMTP requires the sender address', { ...PRODUCTION, MAIL_FROM: undefined }, undefined, 'MAIL_FROM'],
    ['production with everything starts', PRODUCTION, undefined, null],
    [
      'production refuses signing keys fetched over plain http',
      { ...PRODUCTION, AUTH_JWKS_URL: 'http://idp.example/jwks' },
      undefined,
      'AUTH_JWKS_URL',
    ],
    [
      'production refuses plain http to a host merely named like loopback',
      { ...PRODUCTION, AUTH_JWKS_URL: 'http://127.0.0.1.idp.example/jwks' },
      undefined,
      'AUTH_JWKS_URL',
    ],
    [
      'production accepts plain http to a sidecar on 127.0.0.1',
      { ...PRODUCTION, AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' },
      undefined,
      null,
    ],
    ['production accepts plain http to localhost', { ...PRODUCTION, AUTH_JWKS_URL: 'http://localhost:8080/jwks' }, undefined, null],
    ['production accepts plain http to ::1', { ...PRODUCTION, AUTH_JWKS_URL: 'http://[::1]:8080/jwks' }, undefined, null],
    ['production may log e-mails when told so', { ...PRODUCTION, SMTP_URL: undefined, MAIL_SENDER: 'log' }, undefined, null],
    [
      'npm start asks for development explicitly, on its embedded database',
      {},
      { defaultNodeEnv: 'development' as const, developmentDatabase: 'embedded' as const },
      null,
    ],
    [
      'development on a real database signs in only through an identity provider',
      { NODE_ENV: 'development', DATABASE_URL: PRODUCTION.DATABASE_URL },
      undefined,
      'AUTH_JWKS_URL',
    ],
    [
      'NODE_ENV=test on a real database signs in only through an identity provider',
      { NODE_ENV: 'test', DATABASE_URL: PRODUCTION.DATABASE_URL },
      undefined,
      'AUTH_JWKS_URL',
    ],
    [
      'npm start given a DATABASE_URL is not on its embedded database',
      { NODE_ENV: 'development', DATABASE_URL: PRODUCTION.DATABASE_URL },
      { developmentDatabase: 'embedded' as const },
      'AUTH_JWKS_URL',
    ],
    [
      'a test suite on its own database',
      { NODE_ENV: 'test', DATABASE_URL: PRODUCTION.DATABASE_URL },
      { developmentDatabase: 'disposable' as const },
      null,
    ],
    ['a worker verifies no token', { NODE_ENV: 'development', DATABASE_URL: PRODUCTION.DATABASE_URL }, { withoutSignIn: true }, null],
    [
      'development with an identity provider',
      { NODE_ENV: 'development', DATABASE_URL: PRODUCTION.DATABASE_URL, AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks' },
      undefined,
      null,
    ],
  ])('%s', (_label, env, options, expected) => {
    expect(problem(env as Record<string, string | undefined>, options)).toBe(expected);
  });

  it('uses the development secret only in development', () => {
    expect(loadConfig({}, { defaultNodeEnv: 'development', developmentDatabase: 'embedded' }).auth.devSecret).toEqual(expect.any(String));
    expect(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: PRODUCTION.DATABASE_URL }, { developmentDatabase: 'disposable' }).auth.devSecret,
    ).toEqual(expect.any(String));
    const dev = { NODE_ENV: 'development', DATABASE_URL: PRODUCTION.DATABASE_URL, AUTH_DEV_SECRET: 'x'.repeat(40) };
    expect(loadConfig(dev, { withoutSignIn: true }).auth.devSecret).toBeUndefined();
    expect(
      loadConfig({ ...dev, AUTH_JWKS_URL: 'https://idp.example/jwks' }, { developmentDatabase: 'disposable' }).auth.devSecret,
    ).toBeUndefined();
    expect(loadConfig(PRODUCTION).auth.devSecret).toBeUndefined();
    expect(loadConfig(PRODUCTION).nodeEnv).toBe('production');
    expect(problem({ NODE_ENV: 'production' }, { defaultNodeEnv: 'development' })).toBe('DATABASE_URL');
  });
});
