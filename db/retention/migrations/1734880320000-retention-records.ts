import { MigrationInterface, QueryRunner } from 'typeorm';
import { SYSTEM_SCOPE_SCHEMA } from '../../migrations/1734410000000-system-scope-role';

const NEW_SETTINGS = {
  retentionTalkMonths: 60,
  retentionCollaborationMonths: 60,
  retentionMessageMonths: 12,
  retentionAuditMonths: 60,
  retentionSessionMonths: 1,
};

/**
 * Issue 26: the access log is append-only for every role, but its events too reach their retention. Only this
 * function deletes them: it runs as the owner, only for a connection in system scope whose own role may take it (the
 * retention run), and the trigger lets a DELETE through only while the function has said so in its transaction.
 */
export class RetentionRecords1734880320000 implements MigrationInterface {
  name = 'RetentionRecords1734880320000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('samverka.audit_retention', true) = 'on' THEN RETURN OLD; END IF;
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE FUNCTION samverka_retention_delete_audit(ids bigint[]) RETURNS integer LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = public, pg_catalog, pg_temp AS $$
      DECLARE gone integer;
      BEGIN
        IF current_setting('samverka.scope', true) IS DISTINCT FROM 'system'
           OR NOT has_schema_privilege(session_user, '${SYSTEM_SCOPE_SCHEMA}', 'USAGE') THEN
          RAISE EXCEPTION 'only the retention run deletes audit events' USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM set_config('samverka.audit_retention', 'on', true);
        DELETE FROM audit_event WHERE id = ANY(ids);
        GET DIAGNOSTICS gone = ROW_COUNT;
        PERFORM set_config('samverka.audit_retention', 'off', true);
        RETURN gone;
      END $$`);
    await queryRunner.query(`CREATE POLICY audit_event_retention ON audit_event FOR DELETE
      USING (current_setting('samverka.audit_retention', true) = 'on' AND (SELECT samverka_system_scope()))`);
    await queryRunner.query(`UPDATE district_policy SET settings = $1::jsonb || settings`, [JSON.stringify(NEW_SETTINGS)]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE district_policy SET settings = settings - $1::text[]`, [Object.keys(NEW_SETTINGS)]);
    await queryRunner.query(`DROP POLICY audit_event_retention ON audit_event`);
    await queryRunner.query(`DROP FUNCTION samverka_retention_delete_audit(bigint[])`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
  }
}
