import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Steps of met or cancelled deadlines are closed, so the pending-steps index
 * holds only what may still fire; at city scale most deadlines are met early.
 */
export class ClosePendingSteps1732492800000 implements MigrationInterface {
  name = 'ClosePendingSteps1732492800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deadline_step" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE deadline_step s SET closed_at = coalesce(d.met_at, d.cancelled_at)
         FROM deadline d WHERE d.id = s.deadline_id AND s.fired_at IS NULL AND (d.met_at IS NOT NULL OR d.cancelled_at IS NOT NULL)`,
    );
    await queryRunner.query(`DROP INDEX "public"."deadline_step_pending_idx"`);
    await queryRunner.query(
      `CREATE INDEX "deadline_step_pending_idx" ON "deadline_step" ("fire_at") WHERE fired_at IS NULL AND closed_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."deadline_step_pending_idx"`);
    await queryRunner.query(`CREATE INDEX "deadline_step_pending_idx" ON "deadline_step" ("fire_at") WHERE fired_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "deadline_step" DROP COLUMN "closed_at"`);
  }
}
