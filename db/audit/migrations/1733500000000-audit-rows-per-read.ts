import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One audit row can record the same read of many objects: their ids and
 * children in two arrays, index by index. `audit_entry` shows one line per
 * object, as the log looked before.
 */
export class AuditRowsPerRead1733500000000 implements MigrationInterface {
  name = 'AuditRowsPerRead1733500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "entity_ids" text array, ADD "child_ids" uuid array`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_entities_check" CHECK (entity_ids IS NULL
      OR (entity_id IS NULL AND child_id IS NULL AND child_ids IS NOT NULL AND cardinality(entity_ids) = cardinality(child_ids)))`);
    await queryRunner.query(
      `CREATE INDEX "audit_event_child_ids_idx" ON "audit_event" USING gin ("child_ids") WHERE child_ids IS NOT NULL`,
    );
    await queryRunner.query(`CREATE VIEW "audit_entry" AS
      SELECT CASE WHEN a.entity_ids IS NULL THEN a.id::text ELSE a.id || '.' || e.n END AS entry_id, a.id AS event_id,
             a.occurred_at, a.request_id, a.actor_user_id, a.actor_agency_id, a.actor_roles, a.action, a.entity_type,
             e.entity_id, e.child_id, a.district_id, a.fields, a.legal_basis, a.consent_id, a.outcome
        FROM audit_event a
        CROSS JOIN LATERAL unnest(coalesce(a.entity_ids, ARRAY[a.entity_id]), coalesce(a.child_ids, ARRAY[a.child_id]))
          WITH ORDINALITY AS e(entity_id, child_id, n)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "audit_entry"`);
    await queryRunner.query(`DROP INDEX "audit_event_child_ids_idx"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_entities_check"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "child_ids", DROP COLUMN "entity_ids"`);
  }
}
