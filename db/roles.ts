import { DataSource } from 'typeorm';
import { POSTGRES_QUEUE_SCHEMA } from '../platform/queues/queue-names';
import { SYSTEM_SCOPE_SCHEMA } from './migrations/1734410000000-system-scope-role';

/** A role name as PostgreSQL spells it unquoted; anything else is refused rather than quoted. */
export function checkRoleName(role: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`"${role}" is not a plain role name (lower-case letters, digits, _)`);
  return role;
}

/**
 * The database as a second wall. Migrations run as the owner of the schema;
 * the API's requests connect as the application role, which may read and
 * write the application's rows and nothing more: no DDL, so it cannot drop or
 * disable the append-only trigger, on `audit_event` only INSERT and SELECT,
 * and no system scope. Run after every migration (idempotent), so new tables
 * get their grants. The queue backend's schema (BullMQ on PostgreSQL) is the
 * application's own working storage: the role may create in it (BullMQ adds a
 * sequence per queue).
 */
function rowAccess(role: string, systemScope: 'GRANT' | 'REVOKE'): string[] {
  const name = checkRoleName(role);
  return [
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${name}`,
    `GRANT USAGE ON SCHEMA public TO ${name}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`,
    `REVOKE UPDATE, DELETE ON audit_event FROM ${name}`,
    `REVOKE ALL ON schema_migration FROM ${name}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${name}`,
    `CREATE SCHEMA IF NOT EXISTS ${POSTGRES_QUEUE_SCHEMA}`,
    `GRANT USAGE, CREATE ON SCHEMA ${POSTGRES_QUEUE_SCHEMA} TO ${name}`,
    `GRANT ALL ON ALL TABLES IN SCHEMA ${POSTGRES_QUEUE_SCHEMA} TO ${name}`,
    `GRANT ALL ON ALL SEQUENCES IN SCHEMA ${POSTGRES_QUEUE_SCHEMA} TO ${name}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${POSTGRES_QUEUE_SCHEMA} TO ${name}`,
    systemScope === 'GRANT'
      ? `GRANT USAGE ON SCHEMA ${SYSTEM_SCOPE_SCHEMA} TO ${name}`
      : `REVOKE ALL ON SCHEMA ${SYSTEM_SCOPE_SCHEMA} FROM ${name}`,
  ];
}

/** In one transaction: a running process never sees the grants half made. */
async function runAll(dataSource: DataSource, statements: readonly string[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    for (const statement of statements) await manager.query(statement);
  });
}

/** Refuses an application role that may take system scope anyway (a member of a role that may, the owner, a superuser). */
export async function grantApplicationRole(dataSource: DataSource, role: string): Promise<void> {
  await runAll(dataSource, rowAccess(role, 'REVOKE'));
  const [{ may }] = await dataSource.query(`SELECT has_schema_privilege($1, '${SYSTEM_SCOPE_SCHEMA}', 'USAGE') AS may`, [role]);
  if (may)
    throw new Error(
      `the application role ${role} may take system scope (is it the owner, a superuser, or a member of the system role?): give the API a role of its own`,
    );
}

/**
 * The system role: the application role's row access, and system scope
 * (samverka.scope = system sees every district). Workers, the viewer lookup,
 * the audited existence checks and seeds connect as it (DATABASE_SYSTEM_URL),
 * always through asSystem; the API's role never holds it.
 */
export async function grantSystemRole(dataSource: DataSource, role: string): Promise<void> {
  await runAll(dataSource, rowAccess(role, 'GRANT'));
}

/** A local login role whose password is its name (development and tests: trust or local password auth). Roles are cluster-wide and concurrent runs race to create them. */
async function ensureLocalLoginRole(dataSource: DataSource, role: string): Promise<void> {
  const name = checkRoleName(role);
  await dataSource.query(`DO $$ BEGIN CREATE ROLE ${name} LOGIN PASSWORD '${name}';
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
}

/** The same server and database, signed in as another role (the local roles' password is their name). */
export function urlAsRole(url: string, role: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = role;
  return parsed.toString();
}

export interface LocalRoles {
  readonly app: string;
  readonly system: string;
}

/** `npm start` on its embedded database: the API connects as the application role and system work as the system role, as in production. */
export const DEVELOPMENT_ROLES: LocalRoles = { app: 'samverka_dev_app', system: 'samverka_dev_system' };

/**
 * Development and tests: creates the two roles on a local server where the
 * owner (`owner`, connected as `ownerUrl`) may, grants them after the
 * migrations, and gives the URLs the API and the system work connect with.
 */
export async function prepareLocalRoles(
  owner: DataSource,
  ownerUrl: string,
  roles: LocalRoles,
): Promise<{ appUrl: string; systemUrl: string }> {
  await ensureLocalLoginRole(owner, roles.app);
  await ensureLocalLoginRole(owner, roles.system);
  await grantApplicationRole(owner, roles.app);
  await grantSystemRole(owner, roles.system);
  return { appUrl: urlAsRole(ownerUrl, roles.app), systemUrl: urlAsRole(ownerUrl, roles.system) };
}
