import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live indicator months look up each report's feedback deadline; through deadline_subject_idx every lookup read
 * the report's three other deadlines too (issue 25: a quarter of the talk/feedback months' database time).
 */
export class DeadlineReportFeedbackIndex1734880360000 implements MigrationInterface {
  name = 'DeadlineReportFeedbackIndex1734880360000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "deadline_report_feedback_idx" ON "deadline" ("subject_id") WHERE subject_type = 'REPORT' AND kind = 'FEEDBACK'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "deadline_report_feedback_idx"`);
  }
}
