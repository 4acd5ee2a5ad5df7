import { MigrationInterface, QueryRunner } from 'typeorm';

/** Serious talks: the talk, its participants, disclosures and police clearances, each report's talk assessment, the weekly forum. */
export class Talks1733300000000 implements MigrationInterface {
  name = 'Talks1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "forum_meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "meets_on" date NOT NULL, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a1c8fbd590e4608d5a9c26a8e53" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "forum_meeting_day_key" ON "forum_meeting"  ("district_id", "meets_on") `);
    await queryRunner.query(
      `CREATE TABLE "talk" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "kind" text NOT NULL, "state" text NOT NULL, "origin" text NOT NULL, "child_id" uuid NOT NULL, "district_id" uuid NOT NULL, "report_id" uuid, "policy_version" integer NOT NULL, "holder_kind" text NOT NULL, "holder_agency_id" uuid NOT NULL, "responsible_user_id" uuid, "learned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "young_adult" boolean NOT NULL DEFAULT false, "pre_investigation_running" boolean NOT NULL DEFAULT false, "guardian_contact_on_hold" boolean NOT NULL DEFAULT false, "with_uniformed_police" boolean, "summoned_at" TIMESTAMP WITH TIME ZONE, "summons_includes_guardians" boolean, "scheduled_at" TIMESTAMP WITH TIME ZONE, "location" text, "held_at" TIMESTAMP WITH TIME ZONE, "held_late" boolean, "delay_reason" text, "delay_reason_text" text, "closed_reason" text, "closed_at" TIMESTAMP WITH TIME ZONE, "child_voice" text, "outcomes" text array, "outcome_note" text, "outcome_recorded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_645e0089c9f92048125eef3d8eb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "talk_reference_key" ON "talk"  ("reference") `);
    await queryRunner.query(`CREATE INDEX "talk_report_idx" ON "talk"  ("report_id") `);
    await queryRunner.query(`CREATE INDEX "talk_child_idx" ON "talk"  ("child_id") `);
    await queryRunner.query(`CREATE INDEX "talk_district_state_idx" ON "talk"  ("district_id", "state") `);
    await queryRunner.query(
      `CREATE TABLE "forum_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "report_id" uuid NOT NULL, "hold_talk" boolean, "with_uniformed_police" boolean, "holder_kind" text, "target_date" date, "talk_id" uuid, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cb21a0389f1784d343dbf63959f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "forum_item_key" ON "forum_item"  ("meeting_id", "report_id") `);
    await queryRunner.query(
      `CREATE TABLE "talk_assessment" ("report_id" uuid NOT NULL, "district_id" uuid NOT NULL, "policy_version" integer NOT NULL, "eligible" boolean NOT NULL, "reasons" text array NOT NULL, "young_adult" boolean NOT NULL DEFAULT false, "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "talk_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_dcbe7fbdd8f9779159665c91382" PRIMARY KEY ("report_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "talk_assessment_awaiting_idx" ON "talk_assessment"  ("district_id", "assessed_at") WHERE eligible AND talk_id IS NULL AND decided_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "talk_clearance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "talk_id" uuid NOT NULL, "kind" text NOT NULL, "recorded_by_user_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" text, CONSTRAINT "PK_9a493e5ffcc6cc1595cf8060bb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "talk_clearance_key" ON "talk_clearance"  ("talk_id", "kind") `);
    await queryRunner.query(
      `CREATE TABLE "talk_disclosure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "talk_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "explained_by_user_id" uuid NOT NULL, "recorded_by_user_id" uuid NOT NULL, "explained_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7589c31a5b2ac76d4933718de2e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "talk_disclosure_key" ON "talk_disclosure"  ("talk_id", "agency_id") `);
    await queryRunner.query(
      `CREATE TABLE "talk_participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "talk_id" uuid NOT NULL, "role" text NOT NULL, "user_id" uuid, "guardian_id" uuid, "agency_id" uuid, "name" text, "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attended" boolean, "uniformed" boolean, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5637a16073fc97daa9ddba0c7c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "talk_participant_invited_user_idx" ON "talk_participant"  ("user_id") WHERE user_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "talk_participant_guardian_key" ON "talk_participant"  ("talk_id", "guardian_id") WHERE guardian_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "talk_participant_user_key" ON "talk_participant"  ("talk_id", "user_id") WHERE user_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "talk_participant_talk_idx" ON "talk_participant"  ("talk_id") `);
    await queryRunner.query(
      `ALTER TABLE "forum_meeting" ADD CONSTRAINT "forum_meeting_district_fk" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk" ADD CONSTRAINT "talk_child_fk" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk" ADD CONSTRAINT "talk_district_fk" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk" ADD CONSTRAINT "talk_report_fk" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk" ADD CONSTRAINT "talk_holder_agency_fk" FOREIGN KEY ("holder_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_item" ADD CONSTRAINT "forum_item_meeting_fk" FOREIGN KEY ("meeting_id") REFERENCES "forum_meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_item" ADD CONSTRAINT "forum_item_report_fk" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_item" ADD CONSTRAINT "forum_item_talk_fk" FOREIGN KEY ("talk_id") REFERENCES "talk"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk_assessment" ADD CONSTRAINT "talk_assessment_report_fk" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk_clearance" ADD CONSTRAINT "talk_clearance_talk_fk" FOREIGN KEY ("talk_id") REFERENCES "talk"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk_clearance" ADD CONSTRAINT "talk_clearance_user_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk_disclosure" ADD CONSTRAINT "talk_disclosure_talk_fk" FOREIGN KEY ("talk_id") REFERENCES "talk"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk_disclosure" ADD CONSTRAINT "talk_disclosure_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk_disclosure" ADD CONSTRAINT "talk_disclosure_user_fk" FOREIGN KEY ("explained_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk_participant" ADD CONSTRAINT "talk_participant_talk_fk" FOREIGN KEY ("talk_id") REFERENCES "talk"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk_participant" ADD CONSTRAINT "talk_participant_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk_participant" ADD CONSTRAINT "talk_participant_guardian_fk" FOREIGN KEY ("guardian_id") REFERENCES "guardian"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talk_participant" ADD CONSTRAINT "talk_participant_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE SEQUENCE talk_reference_seq`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'forum_item',
      'forum_meeting',
      'talk_assessment',
      'talk_clearance',
      'talk_disclosure',
      'talk_participant',
      'talk',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP SEQUENCE talk_reference_seq`);
  }
}
