import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency records whether its staff have the duty to report (SoL 14:1): the right to feedback follows it.
 * Public authorities have it; private associations, by default, do not.
 */
export class DutyToReport1734000000000 implements MigrationInterface {
  name = 'DutyToReport1734000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" ADD "duty_to_report" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`UPDATE agency SET duty_to_report = false WHERE NOT is_public_authority`);
    await queryRunner.query(`ALTER TABLE "agency" ALTER COLUMN "duty_to_report" DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "duty_to_report"`);
  }
}
