import { MigrationInterface, QueryRunner } from 'typeorm';

/** A scheduled case meeting can be moved (the same calendar UID, a higher SEQUENCE) or cancelled with a reason. */
export class MeetingChanges1734880380000 implements MigrationInterface {
  name = 'MeetingChanges1734880380000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collaboration_meeting" ADD "calendar_sequence" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "collaboration_meeting" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "collaboration_meeting" ADD "cancel_reason" text`);
    await queryRunner.query(`ALTER TABLE "collaboration_meeting" ADD "cancelled_by_user_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['cancelled_by_user_id', 'cancel_reason', 'cancelled_at', 'calendar_sequence']) {
      await queryRunner.query(`ALTER TABLE "collaboration_meeting" DROP COLUMN "${column}"`);
    }
  }
}
