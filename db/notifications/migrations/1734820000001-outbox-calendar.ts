import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 22: an e-mail can carry a calendar entry (a talk's booking, move or cancellation). */
export class OutboxCalendar1734820000001 implements MigrationInterface {
  name = 'OutboxCalendar1734820000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "calendar" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "calendar"`);
  }
}
