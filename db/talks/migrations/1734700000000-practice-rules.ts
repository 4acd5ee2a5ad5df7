import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: one talk per child at a time (a report's assessment keeps what "first time" was judged on), one open collaboration case per child and model, and consent by age in two district settings
 * (the youth consents from 15, alone from 18) instead of the one age below which the guardians consented too.
 */
export class PracticeRules1734700000000 implements MigrationInterface {
  name = 'PracticeRules1734700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "talk_assessment" ADD "known_before" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`DELETE FROM talk_participant p USING talk_participant q
      WHERE p.role = 'CHILD' AND q.role = 'CHILD' AND p.talk_id = q.talk_id AND (p.invited_at, p.id) > (q.invited_at, q.id)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "talk_participant_child_key" ON "talk_participant" ("talk_id") WHERE role = 'CHILD'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "collaboration_case_one_open_idx" ON "collaboration_case" ("child_id", "model") WHERE state <> 'CLOSED'`,
    );
    await queryRunner.query(
      `UPDATE district_policy SET settings = (settings - 'consentGuardianAge') || '{"consentYouthAge": 15, "consentAdultAge": 18}'::jsonb`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE district_policy SET settings = (settings - 'consentYouthAge' - 'consentAdultAge') || '{"consentGuardianAge": 15}'::jsonb`,
    );
    await queryRunner.query(`DROP INDEX "collaboration_case_one_open_idx"`);
    await queryRunner.query(`DROP INDEX "talk_participant_child_key"`);
    await queryRunner.query(`ALTER TABLE "talk_assessment" DROP COLUMN "known_before"`);
  }
}
