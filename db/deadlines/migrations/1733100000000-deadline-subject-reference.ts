import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deadline carries its subject's display reference, so firing a step names
 * the subject without joining the subject's table (reports, talks, cases…).
 */
export class DeadlineSubjectReference1733100000000 implements MigrationInterface {
  name = 'DeadlineSubjectReference1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deadline" ADD "subject_reference" text`);
    await queryRunner.query(
      `UPDATE deadline d SET subject_reference = r.reference FROM report r WHERE d.subject_type = 'REPORT' AND r.id = d.subject_id`,
    );
    await queryRunner.query(`UPDATE deadline SET subject_reference = subject_id::text WHERE subject_reference IS NULL`);
    await queryRunner.query(`ALTER TABLE "deadline" ALTER COLUMN "subject_reference" SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deadline" DROP COLUMN "subject_reference"`);
  }
}
