import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Late decisions and extensions take a reason from a closed list; an
 * investigation can be closed; each extension is its own row. Free-text late
 * reasons stored before become "other exceptional reason" with their text.
 */
export class InvestigationRules1733200200000 implements MigrationInterface {
  name = 'InvestigationRules1733200200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" ADD "late_reason_text" text`);
    await queryRunner.query(`ALTER TABLE "report" ADD "ongoing_investigation_reference" text`);
    await queryRunner.query(`ALTER TABLE "report" ADD "investigation_closed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "report" ADD "investigation_outcome" text`);
    await queryRunner.query(
      `UPDATE report SET late_reason_text = late_reason, late_reason = 'OTHER_EXCEPTIONAL' WHERE late_reason IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "investigation_extension" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "reason" text NOT NULL, "reason_text" text, "previous_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "new_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by_user_id" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3617ac032d0a0bec1a4a5fadb77" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "investigation_extension_report_idx" ON "investigation_extension" ("report_id", "decided_at") `);
    await queryRunner.query(
      `ALTER TABLE "investigation_extension" ADD CONSTRAINT "investigation_extension_report_fk" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "investigation_extension" ADD CONSTRAINT "investigation_extension_decided_by_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "investigation_extension"`);
    await queryRunner.query(`UPDATE report SET late_reason = coalesce(late_reason_text, late_reason) WHERE late_reason IS NOT NULL`);
    for (const column of ['investigation_outcome', 'investigation_closed_at', 'ongoing_investigation_reference', 'late_reason_text']) {
      await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "${column}"`);
    }
  }
}
