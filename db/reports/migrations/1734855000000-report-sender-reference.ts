import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report sent by another agency's case system carries that system's own reference: one report per (client, reference),
 * so a retry finds the first; `sender_fields` holds a hash per field, so a changed retry names what changed.
 */
export class ReportSenderReference1734855000000 implements MigrationInterface {
  name = 'ReportSenderReference1734855000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" ADD "sender_reference" text`);
    await queryRunner.query(`ALTER TABLE "report" ADD "sender_fields" jsonb`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "report_sender_reference_key" ON "report" ("registered_by_user_id", "sender_reference") WHERE "sender_reference" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "report_sender_reference_key"`);
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "sender_fields"`);
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "sender_reference"`);
  }
}
