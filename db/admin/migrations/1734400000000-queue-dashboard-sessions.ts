import { MigrationInterface, QueryRunner } from 'typeorm';

/** The queue dashboard's server-side sessions: its cookie held the bearer token itself. */
export class QueueDashboardSessions1734400000000 implements MigrationInterface {
  name = 'QueueDashboardSessions1734400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "queue_dashboard_session" ("id_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fb8ce7e71c3223eb72d3a489b21" PRIMARY KEY ("id_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_56738f2840cd50429003df9de2" ON "queue_dashboard_session" ("user_id")`);
    await queryRunner.query(
      `ALTER TABLE "queue_dashboard_session" ADD CONSTRAINT "FK_56738f2840cd50429003df9de27" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "queue_dashboard_session"`);
  }
}
