import { MigrationInterface, QueryRunner } from 'typeorm';

/** USAGE on this empty schema is what lets a role take system scope (db/roles.ts grants it to the system role only). */
export const SYSTEM_SCOPE_SCHEMA = 'samverka_system';

/**
 * System scope is no longer the setting alone: `samverka.scope = system` counts
 * only for a role allowed it (the system role, the owner), so the API's role
 * that sets it sees nothing more. Every policy calls samverka_system_scope(),
 * so every table, present and future, follows. The search_path is fixed: the
 * application role may create in the queue schema and must not shadow
 * current_setting or `=` there.
 */
export class SystemScopeRole1734410000000 implements MigrationInterface {
  name = 'SystemScopeRole1734410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${SYSTEM_SCOPE_SCHEMA}`);
    await queryRunner.query(`REVOKE ALL ON SCHEMA ${SYSTEM_SCOPE_SCHEMA} FROM PUBLIC`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION samverka_system_scope() RETURNS boolean LANGUAGE sql STABLE
      SET search_path = pg_catalog, pg_temp
      AS $$ SELECT CASE WHEN current_setting('samverka.scope', true) = 'system'
        THEN has_schema_privilege(current_user, '${SYSTEM_SCOPE_SCHEMA}', 'USAGE') ELSE false END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION samverka_system_scope() RETURNS boolean LANGUAGE sql STABLE
      AS $$ SELECT coalesce(current_setting('samverka.scope', true) = 'system', false) $$`);
    await queryRunner.query(`DROP SCHEMA ${SYSTEM_SCOPE_SCHEMA}`);
  }
}
