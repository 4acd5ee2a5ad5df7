import { MigrationInterface, QueryRunner } from 'typeorm';

/** A key reused with another input is refused instead of silently answering with the first result. */
export class IdempotencyRequestHash1733200100000 implements MigrationInterface {
  name = 'IdempotencyRequestHash1733200100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" ADD "request_hash" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP COLUMN "request_hash"`);
  }
}
