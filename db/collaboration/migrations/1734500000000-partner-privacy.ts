import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GDPR art. 10: each text of a case says whether it holds criminal-offence data (what the police write does, until a
 * public authority marks it otherwise). A team membership ends (withdrawal, removal) and is kept as history.
 */
export class PartnerPrivacy1734500000000 implements MigrationInterface {
  name = 'PartnerPrivacy1734500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['plan_goal', 'plan_action', 'plan_action_note']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "crime_information" boolean NOT NULL DEFAULT false`);
    }
    await queryRunner.query(`UPDATE plan_goal g SET crime_information = true FROM agency a WHERE a.id = g.agency_id AND a.kind = 'POLICE'`);
    await queryRunner.query(`UPDATE plan_action p SET crime_information = true FROM agency a, app_user u, agency ua
      WHERE a.id = p.responsible_agency_id AND u.id = p.created_by_user_id AND ua.id = u.agency_id
        AND (p.kind = 'POLICE_COOPERATION' OR a.kind = 'POLICE' OR ua.kind = 'POLICE')`);
    await queryRunner.query(`UPDATE plan_action_note n SET crime_information = true FROM plan_action p, app_user u, agency a
      WHERE p.id = n.action_id AND u.id = n.author_user_id AND a.id = u.agency_id AND (p.crime_information OR a.kind = 'POLICE')`);
    for (const table of ['plan_goal', 'plan_action', 'plan_action_note']) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "crime_information" DROP DEFAULT`);
    }
    await queryRunner.query(`ALTER TABLE "collaboration_team_member" ADD "ended_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "collaboration_team_member" ADD "ended_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "collaboration_team_member" ADD "end_reason" text`);
    await queryRunner.query(`DROP INDEX "collaboration_team_member_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "collaboration_team_member_key" ON "collaboration_team_member" ("case_id", "user_id") WHERE ended_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "collaboration_team_member" WHERE ended_at IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "collaboration_team_member_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "collaboration_team_member_key" ON "collaboration_team_member" ("case_id", "user_id")`);
    for (const column of ['end_reason', 'ended_by_user_id', 'ended_at'])
      await queryRunner.query(`ALTER TABLE "collaboration_team_member" DROP COLUMN "${column}"`);
    for (const table of ['plan_action_note', 'plan_action', 'plan_goal'])
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "crime_information"`);
  }
}
