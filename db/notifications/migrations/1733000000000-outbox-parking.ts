import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A parked e-mail records when it was parked and how many times it has been
 * given a fresh round of attempts; each round has its own job id, so a retry
 * is never a no-op behind the failed job of the round before.
 */
export class OutboxParking1733000000000 implements MigrationInterface {
  name = 'OutboxParking1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "parked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "retry_round" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`UPDATE outbox SET parked_at = created_at WHERE status = 'PARKED'`);
    await queryRunner.query(`CREATE INDEX "outbox_parked_idx" ON "outbox"  ("parked_at") WHERE status = 'PARKED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_parked_idx"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "retry_round"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "parked_at"`);
  }
}
