import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 22: a booked talk that moves or is cancelled updates the invited's calendar entry (the same UID, a higher SEQUENCE). */
export class TalkCalendarUpdates1734820000000 implements MigrationInterface {
  name = 'TalkCalendarUpdates1734820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "talk" ADD "calendar_sequence" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "talk" DROP COLUMN "calendar_sequence"`);
  }
}
