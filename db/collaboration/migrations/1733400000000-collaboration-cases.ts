import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SSPF/SSFF collaboration cases: the case and its state history, consents with
 * their scope, the team, goals, plan actions with notes, and meetings. Policy
 * versions saved earlier get the new collaboration settings at their defaults.
 */
export class CollaborationCases1733400000000 implements MigrationInterface {
  name = 'CollaborationCases1733400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "collaboration_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "child_id" uuid NOT NULL, "district_id" uuid NOT NULL, "policy_version" integer NOT NULL, "model" text NOT NULL, "model_override_reason" text, "source" text NOT NULL, "source_subject_id" uuid, "concern" text NOT NULL, "state" text NOT NULL, "coordinator_user_id" uuid NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL, "youth_goals" text array NOT NULL DEFAULT '{}', "closed_at" TIMESTAMP WITH TIME ZONE, "closing_reason" text, "closing_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1bbf28bc4d1b331cb03b3d2a12d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "collaboration_case_reference_key" ON "collaboration_case"  ("reference") `);
    await queryRunner.query(`CREATE INDEX "collaboration_case_coordinator_idx" ON "collaboration_case"  ("coordinator_user_id", "state") `);
    await queryRunner.query(`CREATE INDEX "collaboration_case_child_idx" ON "collaboration_case"  ("child_id") `);
    await queryRunner.query(`CREATE INDEX "collaboration_case_district_state_idx" ON "collaboration_case"  ("district_id", "state") `);
    await queryRunner.query(
      `CREATE TABLE "plan_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "responsible_agency_id" uuid NOT NULL, "responsible_user_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "cancel_reason" text, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7fe1efec53657bd0385369ad6e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "plan_action_responsible_idx" ON "plan_action"  ("responsible_user_id", "status") `);
    await queryRunner.query(`CREATE INDEX "plan_action_case_idx" ON "plan_action"  ("case_id", "due_at") `);
    await queryRunner.query(
      `CREATE TABLE "plan_action_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "text" text NOT NULL, "written_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9f3afd1fea8cd2a282985083171" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "plan_action_note_action_idx" ON "plan_action_note"  ("action_id", "written_at") `);
    await queryRunner.query(
      `CREATE TABLE "collaboration_case_state" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "state" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_user_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_df4f0b710f2fbc595fea8b2554b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "collaboration_case_state_case_idx" ON "collaboration_case_state"  ("case_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "collaboration_meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE, "attendee_user_ids" uuid array NOT NULL, "decisions" text, "plan_changes" text, "created_by_user_id" uuid NOT NULL, CONSTRAINT "PK_1e277d7416999a301155ecccaec" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "collaboration_meeting_case_idx" ON "collaboration_meeting"  ("case_id", "scheduled_at") `);
    await queryRunner.query(
      `CREATE TABLE "plan_goal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "text" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_a16a9956edffd8fe39929149145" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "plan_goal_case_idx" ON "plan_goal"  ("case_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "collaboration_team_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "user_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "role" text, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, "added_by_user_id" uuid NOT NULL, CONSTRAINT "PK_23024fa561d0ae0f7eca2896b72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "collaboration_team_member_user_idx" ON "collaboration_team_member"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "collaboration_team_member_key" ON "collaboration_team_member"  ("case_id", "user_id") `);
    await queryRunner.query(
      `CREATE TABLE "consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "given_by_youth" boolean NOT NULL, "guardian_ids" uuid array NOT NULL, "complete" boolean NOT NULL, "form" text NOT NULL, "oral_note" text, "document_reference" text, "given_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "agency_ids" uuid array NOT NULL, "categories" text array NOT NULL, "recorded_by_user_id" uuid NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by_user_id" uuid, "withdrawal_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9115e8d6b082d4fc46d56134d29" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "consent_case_idx" ON "consent"  ("case_id") `);
    await queryRunner.query(
      `ALTER TABLE "collaboration_case" ADD CONSTRAINT "collaboration_case_child_fk" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collaboration_case" ADD CONSTRAINT "collaboration_case_district_fk" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collaboration_case" ADD CONSTRAINT "collaboration_case_coordinator_fk" FOREIGN KEY ("coordinator_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_case_fk" FOREIGN KEY ("case_id") REFERENCES "collaboration_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_agency_fk" FOREIGN KEY ("responsible_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_responsible_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_action_note" ADD CONSTRAINT "plan_action_note_action_fk" FOREIGN KEY ("action_id") REFERENCES "plan_action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collaboration_case_state" ADD CONSTRAINT "collaboration_case_state_case_fk" FOREIGN KEY ("case_id") REFERENCES "collaboration_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collaboration_meeting" ADD CONSTRAINT "collaboration_meeting_case_fk" FOREIGN KEY ("case_id") REFERENCES "collaboration_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_case_fk" FOREIGN KEY ("case_id") REFERENCES "collaboration_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collaboration_team_member" ADD CONSTRAINT "collaboration_team_member_case_fk" FOREIGN KEY ("case_id") REFERENCES "collaboration_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collaboration_team_member" ADD CONSTRAINT "collaboration_team_member_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collaboration_team_member" ADD CONSTRAINT "collaboration_team_member_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "consent_case_fk" FOREIGN KEY ("case_id") REFERENCES "collaboration_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE SEQUENCE collaboration_case_reference_seq`);
    await queryRunner.query(`UPDATE district_policy SET settings =
      '{"consentGuardianAge": 15, "staleCaseDays": 30, "consentExpiryWarningDays": 14, "followUpReminderDays": 2}'::jsonb || settings`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'plan_action_note',
      'plan_action',
      'plan_goal',
      'collaboration_meeting',
      'collaboration_team_member',
      'consent',
      'collaboration_case_state',
      'collaboration_case',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP SEQUENCE collaboration_case_reference_seq`);
    await queryRunner.query(
      `UPDATE district_policy SET settings = settings - 'consentGuardianAge' - 'staleCaseDays' - 'consentExpiryWarningDays' - 'followUpReminderDays'`,
    );
  }
}
