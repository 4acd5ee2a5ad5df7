import { LocalRoles } from '../../db/roles';
/** Where the city-scale dataset lives: a database of its own, next to the one DATABASE_URL names. */
export const DEFAULT_SCALE_DATABASE = 'samverka_scale';
export const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Written on the database by seed:scale; only a database carrying it may be dropped and rebuilt. */
export const SCALE_DATABASE_MARK = 'samverka-scale-dataset';

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkDatabaseName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Database name "${name}" must be lower-case letters, digits and _`);
  return name;
}

/** The maintenance database on DATABASE_URL's server, or the local PostgreSQL. */
export function adminUrl(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.DATABASE_URL?.trim() || LOCAL_POSTGRES;
  const url = new URL(base);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseUrlFor(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = new URL(adminUrl(env));
  url.pathname = `/${checkDatabaseName(name)}`;
  return url.toString();
}

/** The database DATABASE_URL itself names, which seed:scale never drops. */
export function configuredDatabase(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.DATABASE_URL?.trim();
  return raw ? decodeURIComponent(new URL(raw).pathname.replace(/^\//, '')) || null : null;
}

/** Hides a password, for printing. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The roles the bench's API connects as: not the owner, not a superuser, so row-level security holds as in production. */
export const BENCH_ROLES: LocalRoles = { app: 'samverka_bench_app', system: 'samverka_bench_system' };
