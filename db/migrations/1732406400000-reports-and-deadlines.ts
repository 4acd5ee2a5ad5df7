import { MigrationInterface, QueryRunner } from 'typeorm';

/** Concern reports, the deadlines engine (deadline + step), in-app notifications and the e-mail outbox. */
export class ReportsAndDeadlines1732406400000 implements MigrationInterface {
  name = 'ReportsAndDeadlines1732406400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "deadline" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "district_id" uuid NOT NULL, "responsible_user_id" uuid, "policy_version" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "met_at" TIMESTAMP WITH TIME ZONE, "breached_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "escalation_level" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9b68db28fc035ed8a84691bfbaf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "deadline_district_due_idx" ON "deadline"  ("district_id", "due_at") `);
    await queryRunner.query(`CREATE INDEX "deadline_subject_idx" ON "deadline"  ("subject_type", "subject_id") `);
    await queryRunner.query(
      `CREATE TABLE "deadline_step" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deadline_id" uuid NOT NULL, "step" text NOT NULL, "fire_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2b1aa80a0ae8f2edd8c910d96dc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "deadline_step_pending_idx" ON "deadline_step"  ("fire_at") WHERE fired_at IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "deadline_step_key" ON "deadline_step"  ("deadline_id", "step") `);
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "subject_type" text, "subject_id" uuid, "dedupe_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_dedupe_key" ON "notification"  ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "notification_user_idx" ON "notification"  ("user_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL, "recipient_user_id" uuid NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "dedupe_key" text NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "outbox_dedupe_key" ON "outbox"  ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "outbox_pending_idx" ON "outbox"  ("created_at") WHERE status = 'PENDING'`);
    await queryRunner.query(
      `CREATE TABLE "report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "reporter_kind" text NOT NULL, "channel" text NOT NULL, "reporter_agency_id" uuid, "registered_by_user_id" uuid NOT NULL, "reporter_contact" text, "police_reference" text, "child_id" uuid NOT NULL, "child_as_reported" text NOT NULL, "district_id" uuid NOT NULL, "policy_version" integer NOT NULL, "category" text NOT NULL, "description" text NOT NULL, "suspected_offence" text, "offence_can_lead_to_prison" boolean, "first_known_suspicion" boolean, "pre_investigation_running" boolean, "guardian_contact_on_hold" boolean NOT NULL DEFAULT false, "feedback_requested" boolean NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responsible_user_id" uuid, "protection_assessed_at" TIMESTAMP WITH TIME ZONE, "acute_danger" boolean, "protection_note" text, "preliminary_decision" text, "preliminary_decided_at" TIMESTAMP WITH TIME ZONE, "late_reason" text, "investigation_extension_reason" text, "feedback_value" text, "feedback_given_at" TIMESTAMP WITH TIME ZONE, "feedback_unasked" boolean, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_99e4d0bea58cba73c57f935a546" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "report_reference_key" ON "report"  ("reference") `);
    await queryRunner.query(`CREATE INDEX "report_police_reference_idx" ON "report"  ("reporter_agency_id", "police_reference") `);
    await queryRunner.query(`CREATE INDEX "report_child_idx" ON "report"  ("child_id") `);
    await queryRunner.query(`CREATE INDEX "report_reporter_agency_idx" ON "report"  ("reporter_agency_id", "received_at") `);
    await queryRunner.query(`CREATE INDEX "report_district_received_idx" ON "report"  ("district_id", "received_at") `);
    await queryRunner.query(
      `ALTER TABLE "deadline_step" ADD CONSTRAINT "deadline_step_deadline_fk" FOREIGN KEY ("deadline_id") REFERENCES "deadline"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "report_reporter_agency_fk" FOREIGN KEY ("reporter_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "report_child_fk" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "report_district_fk" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE SEQUENCE report_reference_seq`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['outbox', 'notification', 'deadline_step', 'deadline', 'report']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP SEQUENCE report_reference_seq`);
  }
}
