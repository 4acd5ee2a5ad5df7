import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every talk read looks up the reports attached to the talk (TALK_REPORTS_SQL) by talk_assessment.talk_id; without
 * this index each talk row scanned the whole table (issue 27: talksDue at 40 ms on the scale seed).
 */
export class TalkAssessmentTalkIndex1734880340000 implements MigrationInterface {
  name = 'TalkAssessmentTalkIndex1734880340000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "talk_assessment_talk_idx" ON "talk_assessment" ("talk_id") WHERE talk_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "talk_assessment_talk_idx"`);
  }
}
