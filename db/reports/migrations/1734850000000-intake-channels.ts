import { MigrationInterface, QueryRunner } from 'typeorm';

/** A report registered on a reporter's behalf keeps the reporter's name apart from how to reach them. */
export class IntakeChannels1734850000000 implements MigrationInterface {
  name = 'IntakeChannels1734850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" ADD "reporter_name" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "reporter_name"`);
  }
}
