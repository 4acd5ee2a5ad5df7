import { ConfigError, loadConfig, LoadConfigOptions } from './config';

const PRODUCTION = {
  DATABASE_URL: 'postgres://app@db/samverka', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example/',
  AUTH_AUDIENCE: 'samverka', SMTP_URL: 'smtp://mail.example:587', MAIL_FROM: 'Samverka <samverka@kommun.example>',
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
    ['NODE_ENV unset is production: the development secret is refused', { ...PRODUCTION, AUTH_DEV_SECRET: 'x'.repeat(40) }, undefined, 'AUTH_DEV_SECRET'],
    ['NODE_ENV unset is production: a JWKS is required', { DATABASE_URL: PRODUCTION.DATABASE_URL }, undefined, 'AUTH_JWKS_URL'],
    ['production requires the issuer', { ...PRODUCTION, AUTH_ISSUER: undefined }, undefined, 'AUTH_ISSUER'],
    ['production requires the audience', { ...PRODUCTION, AUTH_AUDIENCE: '' }, undefined, 'AUTH_AUDIENCE'],
    ['production requires a real mail sender', { ...PRODUCTION, SMTP_URL: undefined }, undefined, 'SMTP_URL'],
    ['MAIL_SENDER=smtp needs SMTP_URL', { ...PRODUCTION, SMTP_URL: undefined, MAIL_SENDER: 'smtp' }, undefined, 'SMTP_URL'],
    ['production with SMTP requires the sender address', { ...PRODUCTION, MAIL_FROM: undefined }, undefined, 'MAIL_FROM'],
    ['production with everything starts', PRODUCTION, undefined, null],
    ['production may log e-mails when told so', { ...PRODUCTION, SMTP_URL: undefined, MAIL_SENDER: 'log' }, undefined, null],
    ['a development tool asks for development explicitly', {}, { defaultNodeEnv: 'development' as const }, null],
  ])('%s', (_label, env, options, expected) => {
    expect(problem(env as Record<string, string | undefined>, options)).toBe(expected);
  });

  it('uses the development secret only in development', () => {
    expect(loadConfig({}, { defaultNodeEnv: 'development' }).auth.devSecret).toEqual(expect.any(String));
    expect(loadConfig(PRODUCTION).auth.devSecret).toBeUndefined();
    expect(loadConfig(PRODUCTION).nodeEnv).toBe('production');
    expect(problem({ NODE_ENV: 'production' }, { defaultNodeEnv: 'development' })).toBe('DATABASE_URL');
  });
});
