import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One child, one record: a name key for possible matches, merged records kept as
 * tombstones, and on each report whether the child's identity is confirmed, a
 * name mismatch, and whether it arrived into an open case. The backfill of
 * `name_key` mirrors `childNameKey` (domain/children/child-identity.rules.ts)
 * for the letters Swedish names use; new rows take the key from that function.
 */
export class ChildIdentity1733900000000 implements MigrationInterface {
  name = 'ChildIdentity1733900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "child" ADD "name_key" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "child" ADD "merged_into_id" uuid`);
    await queryRunner.query(`ALTER TABLE "child" ADD "merged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "report" ADD "identity_confirmed" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "report" ADD "identity_mismatch_record_name" text`);
    await queryRunner.query(`ALTER TABLE "report" ADD "arrived_into_open_case" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE INDEX "child_name_key_idx" ON "child"  ("district_id", "name_key") `);
    await queryRunner.query(
      `ALTER TABLE "child" ADD CONSTRAINT "child_merged_into_fk" FOREIGN KEY ("merged_into_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`UPDATE child SET name_key = trim(regexp_replace(
      lower(translate(given_name || ' ' || family_name, 'ÅÄÖÉÈËÜÁÀÍÓÚÑÇåäöéèëüáàíóúñç', 'AAOEEEUAAIOUNCaaoeeeuaaiounc')), '[^[:alnum:]]+', ' ', 'g'))`);
    await queryRunner.query(`UPDATE district_policy SET settings = '{"reportAgeLimit": 21}'::jsonb || settings`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE district_policy SET settings = settings - 'reportAgeLimit'`);
    await queryRunner.query(`ALTER TABLE "child" DROP CONSTRAINT "child_merged_into_fk"`);
    await queryRunner.query(`DROP INDEX "child_name_key_idx"`);
    for (const column of ['arrived_into_open_case', 'identity_mismatch_record_name', 'identity_confirmed']) {
      await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "${column}"`);
    }
    for (const column of ['merged_at', 'merged_into_id', 'name_key']) {
      await queryRunner.query(`ALTER TABLE "child" DROP COLUMN "${column}"`);
    }
  }
}
