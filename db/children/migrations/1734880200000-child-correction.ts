import { MigrationInterface, QueryRunner } from 'typeorm';

const IN_DISTRICTS = `(SELECT samverka_system_scope()) OR district_id = ANY ((SELECT samverka_district_ids())::uuid[])`;

/** Issue 26: corrections of a child's identity keep the old value (GDPR art. 16). */
export class ChildCorrection1734880200000 implements MigrationInterface {
  name = 'ChildCorrection1734880200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "child_correction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "district_id" uuid NOT NULL, "field" text NOT NULL, "old_value" text, "new_value" text, "reason" text, "corrected_by_user_id" uuid NOT NULL, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "child_correction_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "child_correction_child_idx" ON "child_correction" ("child_id", "corrected_at")`);
    for (const [name, column, parent] of [
      ['child_correction_child_fk', 'child_id', 'child'],
      ['child_correction_district_fk', 'district_id', 'district'],
      ['child_correction_corrected_by_fk', 'corrected_by_user_id', 'app_user'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "child_correction" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${parent}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }
    await queryRunner.query(`ALTER TABLE child_correction ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE child_correction FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY child_correction_scope ON child_correction USING (${IN_DISTRICTS}) WITH CHECK (${IN_DISTRICTS})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "child_correction"`);
  }
}
