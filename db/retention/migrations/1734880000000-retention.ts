import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = '(SELECT samverka_system_scope())';
const IN_DISTRICTS = `${SYSTEM} OR district_id = ANY ((SELECT samverka_district_ids())::uuid[])`;

/** Issue 26: legal holds, the nightly retention run's log, the swept records, and the retention settings' defaults. */
export class Retention1734880000000 implements MigrationInterface {
  name = 'Retention1734880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "legal_hold" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "child_id" uuid NOT NULL, "case_id" uuid, "reason" text NOT NULL, "placed_by_user_id" uuid NOT NULL, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "lift_reason" text, "lifted_by_user_id" uuid, "lifted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "legal_hold_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "legal_hold_child_idx" ON "legal_hold" ("child_id") WHERE lifted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "legal_hold_case_idx" ON "legal_hold" ("case_id") WHERE lifted_at IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_district_fk" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_child_fk" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_case_fk" FOREIGN KEY ("case_id") REFERENCES "collaboration_case"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_placed_by_fk" FOREIGN KEY ("placed_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_lifted_by_fk" FOREIGN KEY ("lifted_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(`ALTER TABLE legal_hold ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE legal_hold FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY legal_hold_scope ON legal_hold USING (${IN_DISTRICTS}) WITH CHECK (${IN_DISTRICTS})`);

    await queryRunner.query(
      `CREATE TABLE "retention_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "run_date" date NOT NULL, "policy_version" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "counts" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "retention_run_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "retention_run_day_key" ON "retention_run" ("district_id", "run_date")`);
    await queryRunner.query(
      `ALTER TABLE "retention_run" ADD CONSTRAINT "retention_run_district_fk" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT`,
    );
    // No personal data, but district-scoped like the tables it counts: a viewer sees the runs of their districts only.
    await queryRunner.query(`ALTER TABLE retention_run ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE retention_run FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY retention_run_scope ON retention_run USING (${IN_DISTRICTS}) WITH CHECK (${IN_DISTRICTS})`);
    await queryRunner.query(
      `CREATE TABLE "retention_sweep" ("record_type" text NOT NULL, "record_id" uuid NOT NULL, "run_id" uuid NOT NULL, "swept_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "retention_sweep_pkey" PRIMARY KEY ("record_type", "record_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "retention_sweep_run_idx" ON "retention_sweep" ("run_id")`);
    await queryRunner.query(
      `ALTER TABLE "retention_sweep" ADD CONSTRAINT "retention_sweep_run_fk" FOREIGN KEY ("run_id") REFERENCES "retention_run"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `UPDATE district_policy SET settings = '{"retentionReportMonths": 60, "retentionInvestigationMonths": 60, "retentionResearchException": true}'::jsonb || settings`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE district_policy SET settings = settings - 'retentionReportMonths' - 'retentionInvestigationMonths' - 'retentionResearchException'`,
    );
    await queryRunner.query(`DROP TABLE "retention_sweep"`);
    await queryRunner.query(`DROP TABLE "retention_run"`);
    await queryRunner.query(`DROP TABLE "legal_hold"`);
  }
}
