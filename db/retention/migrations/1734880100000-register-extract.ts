import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = '(SELECT samverka_system_scope())';
const IN_DISTRICTS = `${SYSTEM} OR district_id = ANY ((SELECT samverka_district_ids())::uuid[])`;

/** Issue 26: register extracts (GDPR art. 15) and their parts, each reviewed before release. */
export class RegisterExtract1734880100000 implements MigrationInterface {
  name = 'RegisterExtract1734880100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "register_extract" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "district_id" uuid NOT NULL, "requested_by_user_id" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "register_extract_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "register_extract_child_idx" ON "register_extract" ("child_id", "requested_at")`);
    await queryRunner.query(
      `CREATE TABLE "register_extract_part" ("extract_id" uuid NOT NULL, "key" text NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "marks" text array NOT NULL, "rows" jsonb NOT NULL, "decision" text NOT NULL, "reason" text, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "register_extract_part_pkey" PRIMARY KEY ("extract_id", "key"))`,
    );
    const fks: [string, string, string, string, string][] = [
      ['register_extract', 'register_extract_child_fk', 'child_id', 'child', 'RESTRICT'],
      ['register_extract', 'register_extract_district_fk', 'district_id', 'district', 'RESTRICT'],
      ['register_extract', 'register_extract_requested_by_fk', 'requested_by_user_id', 'app_user', 'RESTRICT'],
      ['register_extract_part', 'register_extract_part_extract_fk', 'extract_id', 'register_extract', 'CASCADE'],
      ['register_extract_part', 'register_extract_part_decided_by_fk', 'decided_by_user_id', 'app_user', 'RESTRICT'],
    ];
    for (const [table, name, column, parent, onDelete] of fks) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${parent}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
    await queryRunner.query(`ALTER TABLE register_extract ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE register_extract FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY register_extract_scope ON register_extract USING (${IN_DISTRICTS}) WITH CHECK (${IN_DISTRICTS})`,
    );
    const parent = `${SYSTEM} OR EXISTS (SELECT 1 FROM register_extract p WHERE p.id = register_extract_part.extract_id)`;
    await queryRunner.query(`ALTER TABLE register_extract_part ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE register_extract_part FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY register_extract_part_scope ON register_extract_part USING (${parent}) WITH CHECK (${parent})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "register_extract_part"`);
    await queryRunner.query(`DROP TABLE "register_extract"`);
  }
}
