import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clocks start at receipt; the reporter's own time is kept beside it as
 * information only. Stored policy versions get the two new settings at their
 * defaults, which is what applied before they existed.
 */
export class ReceiptTime1733200000000 implements MigrationInterface {
  name = 'ReceiptTime1733200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" ADD "observed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE district_policy SET settings = '{"receiptBackdateDays": 14, "investigationExtensionMonths": 2}'::jsonb || settings`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE district_policy SET settings = settings - 'receiptBackdateDays' - 'investigationExtensionMonths'`);
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "observed_at"`);
  }
}
