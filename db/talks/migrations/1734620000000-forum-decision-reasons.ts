import { MigrationInterface, QueryRunner } from 'typeorm';

/** A forum's "no" is a decision about a child: it carries its reason; the district's meetings are listed by day. */
export class ForumDecisionReasons1734620000000 implements MigrationInterface {
  name = 'ForumDecisionReasons1734620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "forum_item" ADD "no_reason" text`);
    await queryRunner.query(`ALTER TABLE "forum_item" ADD "no_reason_text" text`);
    await queryRunner.query(`CREATE INDEX "forum_item_report_idx" ON "forum_item" ("report_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "forum_item_report_idx"`);
    await queryRunner.query(`ALTER TABLE "forum_item" DROP COLUMN "no_reason_text"`);
    await queryRunner.query(`ALTER TABLE "forum_item" DROP COLUMN "no_reason"`);
  }
}
