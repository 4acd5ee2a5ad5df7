import { REDIS_PREFIX } from './queues/queue-names';
/**
 * All configuration, read and validated once at start. A bad value stops the
 * process with one line naming the variable.
 */
export type NodeEnv = 'development' | 'test' | 'production';

export interface AuthConfig {
  /** Production: verify tokens against an OIDC provider's JWKS. */
  readonly jwksUrl?: URL;
  readonly issuer?: string;
  readonly audience?: string;
  /** Development: HS256 secret used by `npm run token` and the API. */
  readonly devSecret?: string;
  readonly clockToleranceSeconds: number;
  /** The web app's OIDC client (authorization code with PKCE): its public client id and scopes. */
  readonly webClientId?: string;
  readonly webScope?: string;
}

export interface Config {
  readonly nodeEnv: NodeEnv;
  /** Unset means: start the embedded PostgreSQL (development only). */
  readonly databaseUrl?: string;
  /** The system role (workers, viewer lookup, existence checks); unset means DATABASE_URL's role, which then must be allowed system scope (the owner, in development). */
  readonly databaseSystemUrl?: string;
  /** Unset means: run queues on BullMQ's PostgreSQL backend. */
  readonly redisUrl?: string;
  /** The hash-tagged prefix of every queue key in Redis; installations (or test runs) sharing one Redis each take their own. */
  readonly redisQueuePrefix: string;
  readonly port: number;
  readonly logLevel: string;
  readonly auth: AuthConfig;
  /** Browser origins allowed to call the API; empty means no cross-origin browser access. */
  readonly corsOrigins: readonly string[];
  readonly http: HttpConfig;
  readonly rateLimit: RateLimitConfig;
  readonly graphql: GraphQLLimitsConfig;
  /** Milliseconds between reconciler runs. */
  readonly reconcileEveryMs: number;
  /** Deadline steps due within this horizon get a queue job; later ones wait for the reconciler. */
  readonly scheduleHorizonMs: number;
  /** Shifts the clock of every process, for chaos and demo runs. */
  readonly clockOffsetMs: number;
  /** Outbound e-mail: `smtp` sends through `smtpUrl`; `log` writes a redacted line per e-mail and sends nothing. */
  readonly mailSender: MailSenderKind;
  /** smtp:// or smtps:// URL, credentials in the URL. */
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  /** Where users open the web app (`PUBLIC_URL`): e-mails link to their page there. Development: localhost. */
  readonly publicUrl?: string;
}

export type MailSenderKind = 'smtp' | 'log';

export interface LoadConfigOptions {
  /**
   * The mode when NODE_ENV is unset. Production unless the entry point is a
   * development tool (`npm start`, `npm run token`): a forgotten NODE_ENV must
   * never open the development sign-in.
   */
  readonly defaultNodeEnv?: NodeEnv;
  /**
   * The database the development sign-in may run on, said by the code that
   * made it and never by the environment, because its secret is public:
   * `embedded` is the PostgreSQL `npm start` starts when DATABASE_URL is unset,
   * `disposable` a database the caller created for this run (the test suite's
   * clones, fuzz, bench). Without it, signing in needs AUTH_JWKS_URL.
   */
  readonly developmentDatabase?: DevelopmentDatabase;
  /** The process verifies no token (workers, migrations): it starts without any sign-in. */
  readonly withoutSignIn?: boolean;
}

export type DevelopmentDatabase = 'embedded' | 'disposable';

export interface HttpConfig {
  readonly bodyLimitBytes: number;
  /** Reverse proxies in front of the API whose X-Forwarded-For is trusted, for the per-IP limit. */
  readonly trustProxyHops: number;
}

/** Fixed windows; counted in Redis when REDIS_URL is set, else in this process. */
export interface RateLimitConfig {
  readonly windowMs: number;
  readonly perUser: number;
  readonly perIp: number;
}

/** `authenticated`: introspection only with a valid token (production). */
export type IntrospectionMode = 'on' | 'authenticated' | 'off';

export interface GraphQLLimitsConfig {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly introspection: IntrospectionMode;
  /** "Did you mean …" hints in error messages; they map the schema for an attacker. */
  readonly fieldSuggestions: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

const DEV_SECRET = 'samverka-development-secret-do-not-use-in-production';

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `must be ${allowed.join(', ')}, got "${raw}"`);
}

function origins(env: Env, name: string): string[] {
  const list = (text(env, name) ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(name, `must list origins like https://app.example.se (scheme, host, optional port, no path), got "${origin}"`);
    }
  }
  return list;
}

function nodeEnv(env: Env, fallback: NodeEnv): NodeEnv {
  const raw = text(env, 'NODE_ENV') ?? fallback;
  if (raw === 'development' || raw === 'test' || raw === 'production') return raw;
  throw new ConfigError('NODE_ENV', `must be development, test or production, got "${raw}"`);
}

/** Whether the development sign-in may open: never in production, and only on a database made to be thrown away. */
function developmentSignIn(mode: NodeEnv, databaseUrl: string | undefined, options: LoadConfigOptions): boolean {
  if (mode === 'production') return false;
  return options.developmentDatabase === 'disposable' || (options.developmentDatabase === 'embedded' && databaseUrl === undefined);
}

function auth(env: Env, mode: NodeEnv, devSignIn: boolean, withoutSignIn: boolean): AuthConfig {
  const jwks = url(env, 'AUTH_JWKS_URL', ['https:', 'http:']);
  const devSecret = text(env, 'AUTH_DEV_SECRET');
  const clockToleranceSeconds = integer(env, 'AUTH_CLOCK_TOLERANCE_SECONDS', 30, 0, 300);
  if (mode === 'production') {
    if (!jwks) throw new ConfigError('AUTH_JWKS_URL', 'is required in production');
    if (!httpsOrLoopback(new URL(jwks)))
      throw new ConfigError(
        'AUTH_JWKS_URL',
        'must use https: in production (plain http: only to a loopback address), or anyone on the path can swap the signing keys',
      );
    if (!text(env, 'AUTH_ISSUER'))
      throw new ConfigError('AUTH_ISSUER', 'is required in production: the issuer your OIDC provider puts in `iss`');
    if (!text(env, 'AUTH_AUDIENCE'))
      throw new ConfigError('AUTH_AUDIENCE', 'is required in production: the audience your tokens carry in `aud`');
    if (devSecret) throw new ConfigError('AUTH_DEV_SECRET', 'must not be set in production');
  }
  if (!jwks && !devSignIn && !withoutSignIn && mode !== 'production') {
    throw new ConfigError(
      'AUTH_JWKS_URL',
      `is required: the development sign-in's secret is public, so it runs only on the embedded database npm start starts (DATABASE_URL unset) or a test suite's own database, whatever NODE_ENV says`,
    );
  }
  if (devSecret !== undefined && devSecret.length < 32) {
    throw new ConfigError('AUTH_DEV_SECRET', 'must be at least 32 characters');
  }
  return {
    jwksUrl: jwks ? new URL(jwks) : undefined,
    issuer: text(env, 'AUTH_ISSUER'),
    audience: text(env, 'AUTH_AUDIENCE'),
    devSecret: jwks || !devSignIn ? undefined : (devSecret ?? DEV_SECRET),
    clockToleranceSeconds,
    webClientId: text(env, 'AUTH_WEB_CLIENT_ID'),
    webScope: text(env, 'AUTH_WEB_SCOPE'),
  };
}

function httpsOrLoopback(target: URL): boolean {
  if (target.protocol === 'https:') return true;
  return target.hostname === 'localhost' || target.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(target.hostname);
}

function mailSender(env: Env, mode: NodeEnv, smtpUrl: string | undefined): MailSenderKind {
  const chosen = oneOf<MailSenderKind | 'auto'>(env, 'MAIL_SENDER', ['smtp', 'log'], 'auto');
  if (chosen === 'smtp' && !smtpUrl) throw new ConfigError('SMTP_URL', 'is required when MAIL_SENDER=smtp');
  if (chosen !== 'auto') return chosen;
  if (smtpUrl) {
    if (mode === 'production' && !text(env, 'MAIL_FROM'))
      throw new ConfigError(
        'MAIL_FROM',
        'is required in production with SMTP: the sender your mail server accepts, like "Samverka <samverka@kommun.se>"',
      );
    return 'smtp';
  }
  if (mode === 'production') {
    throw new ConfigError(
      'SMTP_URL',
      'is required in production, or reminders are marked delivered while nobody gets them; set MAIL_SENDER=log to only log e-mails on purpose',
    );
  }
  return 'log';
}

export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): Config {
  const mode = nodeEnv(env, options.defaultNodeEnv ?? 'production');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (mode === 'production' && !databaseUrl) throw new ConfigError('DATABASE_URL', 'is required in production');
  return {
    nodeEnv: mode,
    databaseUrl,
    databaseSystemUrl: url(env, 'DATABASE_SYSTEM_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisQueuePrefix: queuePrefix(env),
    port: integer(env, 'PORT', 4000, 0, 65535),
    logLevel: text(env, 'LOG_LEVEL') ?? (mode === 'test' ? 'silent' : 'info'),
    auth: auth(env, mode, developmentSignIn(mode, databaseUrl, options), options.withoutSignIn === true),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    http: {
      bodyLimitBytes: integer(env, 'HTTP_BODY_LIMIT_BYTES', 1_048_576, 1_024, 50 * 1_048_576),
      trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    },
    rateLimit: {
      windowMs: integer(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1_000, 3_600_000),
      perUser: integer(env, 'RATE_LIMIT_PER_USER', 600, 1, 1_000_000),
      perIp: integer(env, 'RATE_LIMIT_PER_IP', 1_200, 1, 1_000_000),
    },
    // A page of 100 children with every field two levels deep costs about 27,000 and is 7 deep;
    // the introspection query is 163 tokens. The defaults leave room for those and refuse bombs.
    graphql: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 15, 0, 1_000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 50_000, 100, 10_000_000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 1_000, 100, 100_000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 20, 0, 1_000),
      introspection: oneOf(env, 'GRAPHQL_INTROSPECTION', ['on', 'authenticated', 'off'], mode === 'production' ? 'authenticated' : 'on'),
      fieldSuggestions: mode !== 'production',
    },
    reconcileEveryMs: integer(env, 'RECONCILE_EVERY_MS', 5 * 60_000, 1_000, 24 * 3_600_000),
    scheduleHorizonMs: integer(env, 'SCHEDULE_HORIZON_MS', 6 * 3_600_000, 60_000, 30 * 24 * 3_600_000),
    clockOffsetMs: integer(env, 'CLOCK_OFFSET_MS', 0, -10 * 365 * 86_400_000, 10 * 365 * 86_400_000),
    mailSender: mailSender(env, mode, url(env, 'SMTP_URL', ['smtp:', 'smtps:'])),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: text(env, 'MAIL_FROM') ?? 'Samverka <noreply@samverka.invalid>',
    publicUrl:
      url(env, 'PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, '') ??
      (mode === 'production' ? undefined : `http://localhost:${integer(env, 'PORT', 4000, 0, 65535)}`),
  };
}

/** Loads config or exits with one clear line; for process entry points. */
export function loadConfigOrExit(env: Env = process.env, options: LoadConfigOptions = {}): Config {
  try {
    return loadConfig(env, options);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

function queuePrefix(env: Env): string {
  const value = text(env, 'REDIS_QUEUE_PREFIX') ?? REDIS_PREFIX;
  // One hash tag keeps a queue's keys in one slot on Redis Cluster.
  if (!/^\{[A-Za-z0-9_-]{1,40}\}$/.test(value)) throw new ConfigError('REDIS_QUEUE_PREFIX', 'must be a hash tag such as {samverka}');
  return value;
}
