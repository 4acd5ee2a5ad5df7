import { DataSource } from 'typeorm';
import { POSTGRES_QUEUE_SCHEMA } from '../platform/queues/queue-names';

/** A role name as PostgreSQL spells it unquoted; anything else is refused rather than quoted. */
export function checkRoleName(role: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`"${role}" is not a plain role name (lower-case letters, digits, _)`);
  return role;
}

/**
 * The database as a second wall. Migrations run as the owner of the schema;
 * the API and the workers connect as `role`, which may read and write the
 * application's rows and nothing more: no DDL, so it cannot drop or disable
 * the append-only trigger, and on `audit_event` only INSERT and SELECT. Run
 * after every migration (idempotent), so new tables get their grants.
 * The queue backend's schema (BullMQ on PostgreSQL) is the application's own
 * working storage: the role may create in it (BullMQ adds a sequence per queue).
 */
export async function grantApplicationRole(dataSource: DataSource, role: string): Promise<void> {
  const app = checkRoleName(role);
  const statements = [
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `REVOKE UPDATE, DELETE ON audit_event FROM ${app}`,
    `REVOKE ALL ON schema_migration FROM ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${app}`,
    `CREATE SCHEMA IF NOT EXISTS ${POSTGRES_QUEUE_SCHEMA}`,
    `GRANT USAGE, CREATE ON SCHEMA ${POSTGRES_QUEUE_SCHEMA} TO ${app}`,
    `GRANT ALL ON ALL TABLES IN SCHEMA ${POSTGRES_QUEUE_SCHEMA} TO ${app}`,
    `GRANT ALL ON ALL SEQUENCES IN SCHEMA ${POSTGRES_QUEUE_SCHEMA} TO ${app}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${POSTGRES_QUEUE_SCHEMA} TO ${app}`,
  ];
  await dataSource.transaction(async (manager) => {
    for (const statement of statements) await manager.query(statement);
  });
}
