import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = '(SELECT samverka_system_scope())';
const IN_DISTRICTS = `${SYSTEM} OR district_id = ANY ((SELECT samverka_district_ids())::uuid[])`;

/** Tables that carry their district: a row is visible in the transaction's districts (a report also to the agency that filed it). */
const DISTRICT_TABLES: Record<string, string> = {
  child: IN_DISTRICTS,
  report: `${IN_DISTRICTS} OR reporter_agency_id = (SELECT samverka_agency_id())`,
  deadline: IN_DISTRICTS,
  talk: IN_DISTRICTS,
  talk_assessment: IN_DISTRICTS,
  collaboration_case: IN_DISTRICTS,
  forum_meeting: IN_DISTRICTS,
};

/**
 * Tables without a district: visible when their parent row is, through the parent's own policy.
 * One primary-key probe per row, instead of a copied district_id that every insert would have to fill and keep true.
 */
const CHILD_TABLES: Record<string, { parent: string; key: string }> = {
  guardian: { parent: 'child', key: 'child_id' },
  investigation_extension: { parent: 'report', key: 'report_id' },
  deadline_step: { parent: 'deadline', key: 'deadline_id' },
  talk_participant: { parent: 'talk', key: 'talk_id' },
  talk_clearance: { parent: 'talk', key: 'talk_id' },
  talk_disclosure: { parent: 'talk', key: 'talk_id' },
  collaboration_case_state: { parent: 'collaboration_case', key: 'case_id' },
  collaboration_meeting: { parent: 'collaboration_case', key: 'case_id' },
  collaboration_team_member: { parent: 'collaboration_case', key: 'case_id' },
  consent: { parent: 'collaboration_case', key: 'case_id' },
  plan_goal: { parent: 'collaboration_case', key: 'case_id' },
  plan_action: { parent: 'collaboration_case', key: 'case_id' },
  plan_action_note: { parent: 'plan_action', key: 'action_id' },
  forum_item: { parent: 'forum_meeting', key: 'meeting_id' },
};

export const ROW_SECURED_TABLES = [...Object.keys(DISTRICT_TABLES), ...Object.keys(CHILD_TABLES), 'audit_event'];

/**
 * Row-level security, the second wall behind the API's access policy. Each
 * transaction names its scope (db/access/row-scope.ts): the viewer's districts
 * and agency, or `system` (asSystem). Nothing set sees no rows. FORCE, so the
 * owner is held too; a superuser is not (PostgreSQL exempts it).
 * The settings are read in InitPlans (`(SELECT …)`): once per statement, not per row.
 */
export class RowLevelSecurity1733800000000 implements MigrationInterface {
  name = 'RowLevelSecurity1733800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION samverka_system_scope() RETURNS boolean LANGUAGE sql STABLE
      AS $$ SELECT coalesce(current_setting('samverka.scope', true) = 'system', false) $$`);
    await queryRunner.query(`CREATE FUNCTION samverka_district_ids() RETURNS uuid[] LANGUAGE sql STABLE
      AS $$ SELECT coalesce(nullif(current_setting('samverka.district_ids', true), '')::uuid[], '{}') $$`);
    await queryRunner.query(`CREATE FUNCTION samverka_agency_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('samverka.agency_id', true), '')::uuid $$`);

    for (const [table, visible] of Object.entries(DISTRICT_TABLES)) {
      await this.secure(queryRunner, table, visible);
    }
    for (const [table, { parent, key }] of Object.entries(CHILD_TABLES)) {
      await this.secure(queryRunner, table, `${SYSTEM} OR EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = ${table}.${key})`);
    }
    // The audit log is read in the viewer's districts and written by anyone in a scope: a denied lookup elsewhere is recorded too.
    await queryRunner.query(`ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE audit_event FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY audit_event_read ON audit_event FOR SELECT USING (${IN_DISTRICTS})`);
    await queryRunner.query(`CREATE POLICY audit_event_append ON audit_event FOR INSERT WITH CHECK (true)`);
    // A view runs as its owner unless told otherwise; this one must see the log as the reader does.
    await queryRunner.query(`ALTER VIEW audit_entry SET (security_invoker = true)`);
  }

  private async secure(queryRunner: QueryRunner, table: string, visible: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY ${table}_scope ON ${table} USING (${visible}) WITH CHECK (${visible})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER VIEW audit_entry RESET (security_invoker)`);
    await queryRunner.query(`DROP POLICY audit_event_append ON audit_event`);
    await queryRunner.query(`DROP POLICY audit_event_read ON audit_event`);
    for (const table of [...Object.keys(CHILD_TABLES), ...Object.keys(DISTRICT_TABLES)]) {
      await queryRunner.query(`DROP POLICY ${table}_scope ON ${table}`);
    }
    for (const table of ROW_SECURED_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`DROP FUNCTION samverka_agency_id()`);
    await queryRunner.query(`DROP FUNCTION samverka_district_ids()`);
    await queryRunner.query(`DROP FUNCTION samverka_system_scope()`);
  }
}
