import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = '(SELECT samverka_system_scope())';
const IN_DISTRICTS = `${SYSTEM} OR district_id = ANY ((SELECT samverka_district_ids())::uuid[])`;

/**
 * Issue 25: the counts of a district's closed months, one row per district, month and indicator, stored once the
 * month can no longer change (docs/indicators.md). Counts only, no personal data; district-scoped like the tables counted.
 */
export class IndicatorMonth1734880300000 implements MigrationInterface {
  name = 'IndicatorMonth1734880300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "indicator_month" ("district_id" uuid NOT NULL, "month" integer NOT NULL, "indicator" text NOT NULL, "numerator" integer NOT NULL, "denominator" integer, "pending" integer NOT NULL, "children" integer NOT NULL, "hours" double precision[], "stored_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "indicator_month_pkey" PRIMARY KEY ("district_id", "month", "indicator"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_month" ADD CONSTRAINT "indicator_month_district_fk" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(`ALTER TABLE indicator_month ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE indicator_month FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY indicator_month_scope ON indicator_month USING (${IN_DISTRICTS}) WITH CHECK (${IN_DISTRICTS})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "indicator_month"`);
  }
}
