import { MigrationInterface, QueryRunner } from 'typeorm';

/** talksDue and its weekly load: a district's open talks, its talks held in a week, and the talk clocks due in a week. */
export class TalksDueIndexes1734300000000 implements MigrationInterface {
  name = 'TalksDueIndexes1734300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "talk_open_district_idx" ON "talk" ("district_id") WHERE state NOT IN ('HELD', 'DECLINED', 'CANCELLED')`,
    );
    await queryRunner.query(`CREATE INDEX "talk_district_held_idx" ON "talk" ("district_id", "held_at") WHERE held_at IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "deadline_talk_due_idx" ON "deadline" ("due_at", "subject_id") WHERE subject_type IN ('TALK', 'SUMMONS') AND cancelled_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "deadline_talk_due_idx"`);
    await queryRunner.query(`DROP INDEX "talk_district_held_idx"`);
    await queryRunner.query(`DROP INDEX "talk_open_district_idx"`);
  }
}
