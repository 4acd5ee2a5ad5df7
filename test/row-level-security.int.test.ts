import { Client } from 'pg';
import { signDevToken } from '../api/auth/dev-token';
import { createTokenVerifier } from '../api/auth/token-verifier';
import { RequestContext } from '../api/context';
import { buildContext } from '../api/server';
import { asSystem } from '../db/access/row-scope';
import { ROW_SECURED_TABLES } from '../db/migrations/1733800000000-row-level-security';
import { createAppDataSource } from '../app/runtime';
import { POSTGRES_QUEUE_SCHEMA } from '../platform/queues/queue-names';
import { testServices } from './services';
import { createTestApp, TEST_SECRET, TestApp } from './helpers/test-app';

const SOCSEK_NORR = 'socsek.norr@samverka.test';
const POLICE_NORR = 'polis.norr@samverka.test';
/** Tables whose district or parent column is not about a person. */
const NOT_PERSONAL = new Set(['district_policy']);

let app: TestApp;
let norr: string;
let syd: string;
let crossDistrictReportId: string;

beforeAll(async () => {
  app = await createTestApp();
  norr = await app.idOf('district', `code = 'norr'`, []);
  syd = await app.idOf('district', `code = 'syd'`, []);
  // A talk in Syd, so the talk table has a foreign row to hide.
  const [sydChild] = await app.sql(`SELECT id FROM child WHERE district_id = $1 ORDER BY id LIMIT 1`, [syd]);
  const opened = await app.as('socsek.syd@samverka.test', `mutation($i: OpenTalkInput!) { openTalk(input: $i) { id } }`, {
    i: { childId: sydChild.id, kind: 'WORRY_TALK', targetDate: '2026-12-04', idempotencyKey: 'rls-syd-talk' },
  });
  if (opened.errors) throw new Error(JSON.stringify(opened.errors));
  // Norr's police report a Syd child: the report lands in Syd, seen by the reporting agency and not by Norr's social services.
  const [{ pnr }] = await app.sql(
    `SELECT personal_identity_number AS pnr FROM child WHERE district_id = $1 AND personal_identity_number IS NOT NULL LIMIT 1`,
    [syd],
  );
  const reported = await app.as(POLICE_NORR, `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`, {
    i: {
      policeReference: 'K-RLS-1/26',
      child: { personalIdentityNumber: pnr },
      category: 'SUSPECTED_CRIME',
      description: 'Över gränsen.',
      firstKnownSuspicion: true,
      preInvestigationRunning: false,
      guardianContactOnHold: false,
      feedbackRequested: true,
      idempotencyKey: 'rls-report-1',
    },
  });
  if (reported.errors) throw new Error(JSON.stringify(reported.errors));
  crossDistrictReportId = reported.data.reportConcern.id;
});

afterAll(async () => {
  await app?.close();
});

async function contextOf(email: string): Promise<RequestContext> {
  const verify = createTokenVerifier(app.runtime.config.auth);
  return buildContext(app.runtime, verify, `Bearer ${await signDevToken(email, TEST_SECRET)}`);
}

const isSuperuser = async () =>
  (await app.dataSource.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`))[0].rolsuper as boolean;

describe('row-level security, the second wall', () => {
  it.each(['child', 'report', 'deadline', 'talk', 'collaboration_case'])(
    "a query on %s that forgets its scope, through the request connection, sees only the viewer's districts",
    async (table) => {
      if (await isSuperuser()) return; // SAMVERKA_TEST_DB_ROLE=owner: a superuser is exempt from row-level security
      const [{ foreign }] = await app.sql(`SELECT count(*)::int AS foreign FROM ${table} WHERE district_id <> $1`, [norr]);
      const context = await contextOf(SOCSEK_NORR);
      try {
        const rows: { district_id: string }[] = await context.db.manager.query(`SELECT * FROM ${table}`);
        expect(rows.filter((row) => row.district_id !== norr)).toEqual([]);
        if (table !== 'collaboration_case') expect(foreign).toBeGreaterThan(0);
      } finally {
        await context.db.release();
      }
    },
  );

  it("a report filed into another district is the reporting agency's to see, with its clocks, and not the social services' of the reporter's district", async () => {
    if (await isSuperuser()) return;
    const [report] = await app.sql(`SELECT district_id FROM report WHERE id = $1`, [crossDistrictReportId]);
    expect(report.district_id).toBe(syd);
    expect(await app.sql(`SELECT count(*)::int AS n FROM deadline WHERE subject_id = $1`, [crossDistrictReportId])).not.toEqual([{ n: 0 }]);
    for (const [email, visible] of [
      [POLICE_NORR, 1],
      [SOCSEK_NORR, 0],
    ] as const) {
      const context = await contextOf(email);
      try {
        expect(await context.db.manager.query(`SELECT count(*)::int AS n FROM report WHERE id = $1`, [crossDistrictReportId])).toEqual([
          { n: visible },
        ]);
      } finally {
        await context.db.release();
      }
    }
  });

  it("the rows of a table without a district follow their parent: a guardian of another district's child is not there", async () => {
    if (await isSuperuser()) return;
    const [{ foreign }] = await app.sql(
      `SELECT count(*)::int AS foreign FROM guardian g JOIN child c ON c.id = g.child_id WHERE c.district_id <> $1`,
      [norr],
    );
    expect(foreign).toBeGreaterThan(0);
    const context = await contextOf(SOCSEK_NORR);
    try {
      const [{ seen }] = await context.db.manager.query(
        `SELECT count(*)::int AS seen FROM guardian g WHERE NOT EXISTS (
        SELECT 1 FROM child c WHERE c.id = g.child_id AND c.district_id = $1)`,
        [norr],
      );
      expect(seen).toBe(0);
    } finally {
      await context.db.release();
    }
  });

  it('without a scope in the transaction no personal rows at all (fail closed); asSystem sees every district', async () => {
    if (await isSuperuser()) return;
    expect(await app.dataSource.query(`SELECT count(*)::int AS n FROM child`)).toEqual([{ n: 0 }]);
    expect(await app.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`)).toEqual([{ n: 0 }]);
    const districts = await asSystem(app.dataSource, (manager) => manager.query(`SELECT DISTINCT district_id FROM child ORDER BY 1`));
    expect(districts.map((d: { district_id: string }) => d.district_id).sort()).toEqual(expect.arrayContaining([norr, syd].sort()));
  });

  it('every table holding personal data is row-secured and forced, and the application role neither owns it nor bypasses it', async () => {
    const tables: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; owner: string }[] = await app.sql(`
      SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) AS owner
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND NOT a.attisdropped
         AND a.attname IN ('district_id', 'child_id', 'report_id', 'talk_id', 'case_id', 'deadline_id', 'action_id', 'meeting_id'))`);
    const personal = tables.filter((t) => !NOT_PERSONAL.has(t.relname));
    expect(personal.map((t) => t.relname)).toEqual(expect.arrayContaining(ROW_SECURED_TABLES));
    for (const table of personal) expect(table).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    const [role] = await app.dataSource.query(
      `SELECT current_user AS name, rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user`,
    );
    if (!role.rolsuper) {
      expect(role.rolbypassrls).toBe(false);
      expect(personal.filter((t) => t.owner === role.name)).toEqual([]);
    }
  });

  it('a viewer query keeps its scope after a write on the same connection, and a write cannot land in a foreign district', async () => {
    if (await isSuperuser()) return;
    const context = await contextOf(SOCSEK_NORR);
    try {
      const [sydChild] = await app.sql(`SELECT id FROM child WHERE district_id = $1 LIMIT 1`, [syd]);
      const updated = await context.db.write((runner) =>
        runner!.manager.transaction(async (manager) => {
          await manager.query(`SELECT set_config('samverka.district_ids', $1, true)`, [`{${norr}}`]);
          return manager.query(`WITH u AS (UPDATE child SET given_name = 'X' WHERE id = $1 RETURNING id) SELECT id FROM u`, [sydChild.id]);
        }),
      );
      expect(updated).toEqual([]);
      const rows: { district_id: string }[] = await context.db.manager.query(`SELECT district_id FROM child`);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row) => row.district_id !== norr)).toEqual([]);
    } finally {
      await context.db.release();
    }
  });

  it('more concurrent requests than the pool has connections, each reading then writing, all finish (no pool deadlock)', async () => {
    const children: { id: string }[] = await app.sql(`SELECT id FROM child WHERE district_id = $1 ORDER BY id LIMIT 4`, [norr]);
    const poolSize = 5;
    const requests = Array.from({ length: poolSize * 4 }, (_, i) =>
      app.as(SOCSEK_NORR, `mutation($input: UpdateChildInput!) { updateChild(input: $input) { id givenName guardians { name } } }`, {
        input: { id: children[i % children.length].id, givenName: `Namn${i}` },
      }),
    );
    const results = await Promise.all(requests);
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    expect(results.map((r) => r.data.updateChild.givenName)).toEqual(results.map((_, i) => `Namn${i}`));
  }, 60_000);

  describe("system scope is out of the API role's reach (an injected statement)", () => {
    const TAKE_SYSTEM = `SELECT set_config('samverka.scope', 'system', true)`;

    it("on a request's connection, setting samverka.scope to system itself shows and changes nothing of another district", async () => {
      if (await isSuperuser()) return;
      const [sydChild] = await app.sql(`SELECT id FROM child WHERE district_id = $1 LIMIT 1`, [syd]);
      const context = await contextOf(SOCSEK_NORR);
      try {
        await context.db.manager.query(TAKE_SYSTEM);
        expect(await context.db.manager.query(`SELECT count(*)::int AS n FROM child WHERE district_id <> $1`, [norr])).toEqual([{ n: 0 }]);
        expect(
          await context.db.manager.query(
            `SELECT count(*)::int AS n FROM guardian g JOIN child c ON c.id = g.child_id WHERE c.district_id <> $1`,
            [norr],
          ),
        ).toEqual([{ n: 0 }]);
        const updated = await context.db.write((runner) =>
          runner!.manager.transaction(async (manager) => {
            await manager.query(TAKE_SYSTEM);
            return manager.query(`WITH u AS (UPDATE child SET given_name = 'X' WHERE id = $1 RETURNING id) SELECT id FROM u`, [
              sydChild.id,
            ]);
          }),
        );
        expect(updated).toEqual([]);
      } finally {
        await context.db.release();
      }
    });

    it("on the API role's own pool with no scope at all, system scope shows nothing, and asSystem there is refused aloud", async () => {
      if (await isSuperuser()) return;
      const unpaired = await createAppDataSource({ url: app.db.url, poolSize: 1 }).initialize();
      try {
        const seen = await unpaired.transaction(async (manager) => {
          await manager.query(TAKE_SYSTEM);
          return manager.query(`SELECT count(*)::int AS n FROM child`);
        });
        expect(seen).toEqual([{ n: 0 }]);
        await expect(asSystem(unpaired, (manager) => manager.query(`SELECT 1`))).rejects.toThrow(/system scope refused/);
      } finally {
        await unpaired.destroy();
      }
    });

    it('shadowing current_setting and has_schema_privilege in a schema the API role may create in does not open system scope (fixed search_path)', async () => {
      if (await isSuperuser()) return;
      const client = new Client({ connectionString: app.db.url });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(`CREATE FUNCTION ${POSTGRES_QUEUE_SCHEMA}.current_setting(text, boolean) RETURNS text LANGUAGE sql
          AS $$ SELECT CASE WHEN $1 = 'samverka.scope' THEN 'system' ELSE pg_catalog.current_setting($1, $2) END $$`);
        await client.query(
          `CREATE FUNCTION ${POSTGRES_QUEUE_SCHEMA}.has_schema_privilege(name, text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$`,
        );
        await client.query(`SET LOCAL search_path = ${POSTGRES_QUEUE_SCHEMA}, pg_catalog, public`);
        expect((await client.query(`SELECT current_setting('samverka.scope', true) AS shadowed`)).rows).toEqual([{ shadowed: 'system' }]);
        expect((await client.query(`SELECT count(*)::int AS n FROM child`)).rows).toEqual([{ n: 0 }]);
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      }
    });

    it('system work still runs, on the system role: the viewer lookup serves a request and asSystem sees every district', async () => {
      const viewer = await app.as(SOCSEK_NORR, `{ viewer { email } }`);
      expect(viewer.data?.viewer.email).toBe(SOCSEK_NORR);
      const [{ role }] = await asSystem(app.dataSource, (manager) => manager.query(`SELECT current_user AS role`));
      if (testServices().systemRole) expect(role).toBe(testServices().systemRole);
      const districts = await asSystem(app.dataSource, (manager) =>
        manager.query(`SELECT count(DISTINCT district_id)::int AS n FROM child`),
      );
      expect(districts[0].n).toBeGreaterThanOrEqual(2);
    });
  });
});
