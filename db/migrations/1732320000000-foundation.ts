import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisation, children, guardians, the append-only audit log and idempotency keys. */
export class Foundation1732320000000 implements MigrationInterface {
  name = 'Foundation1732320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "request_id" text NOT NULL, "actor_user_id" uuid, "actor_agency_id" uuid, "actor_roles" text array NOT NULL, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "child_id" uuid, "district_id" uuid, "fields" text array NOT NULL, "legal_basis" text, "consent_id" uuid, "outcome" text NOT NULL, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_event_district_idx" ON "audit_event"  ("district_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "audit_event_actor_idx" ON "audit_event"  ("actor_user_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "audit_event_child_idx" ON "audit_event"  ("child_id", "occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "municipality" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_281ad341f20df7c41b83a182e2a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agency" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "is_public_authority" boolean NOT NULL, "district_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "district" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "policy_version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee5cb6fd5223164bb87ea693f1e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "district_code_key" ON "district"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "child" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "personal_identity_number" character(12), "is_coordination_number" boolean NOT NULL DEFAULT false, "birth_date" date, "given_name" text NOT NULL, "family_name" text NOT NULL, "district_id" uuid NOT NULL, "school_agency_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4609b9b323ca37c6bc435ec4b6b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "child_personal_identity_number_key" ON "child"  ("personal_identity_number") `);
    await queryRunner.query(`CREATE INDEX "child_district_idx" ON "child"  ("district_id", "family_name") `);
    await queryRunner.query(
      `CREATE TABLE "guardian" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "name" text NOT NULL, "contact" text, "relation" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5eb51ec9378bc6b07702717160e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "guardian_child_idx" ON "guardian"  ("child_id") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("user_id" uuid NOT NULL, "key" text NOT NULL, "operation" text NOT NULL, "result_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de390066dce788f80744a8f6626" PRIMARY KEY ("user_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "district_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "version" integer NOT NULL, "settings" jsonb NOT NULL, "changed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_68c55abb067e9b5e67fa2f4b8bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "district_policy_version_key" ON "district_policy"  ("district_id", "version") `);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "email" text NOT NULL, "subject" text, "display_name" text NOT NULL, "roles" text array NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"  ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_subject_key" ON "app_user"  ("subject") `);
    await queryRunner.query(
      `ALTER TABLE "agency" ADD CONSTRAINT "agency_municipality_fk" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "district" ADD CONSTRAINT "district_municipality_fk" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "child" ADD CONSTRAINT "child_district_fk" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "child" ADD CONSTRAINT "child_school_agency_fk" FOREIGN KEY ("school_agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guardian" ADD CONSTRAINT "guardian_child_fk" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "district_policy" ADD CONSTRAINT "district_policy_district_fk" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "app_user_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The audit log is append-only for every role, the owner included.
    await queryRunner.query(`CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON "audit_event"
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(): Promise<void> {
    throw new Error('The foundation migration cannot be reverted: it holds the audit log.');
  }
}
