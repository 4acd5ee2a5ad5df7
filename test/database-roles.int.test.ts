import { createTokenVerifier } from '../api/auth/token-verifier';
import { signDevToken } from '../api/auth/dev-token';
import { buildContext } from '../api/server';
import { asSystem, systemDataSourceOf, systemRead, systemReadsOf } from '../db/access/row-scope';
import { openSystemDataSource } from '../db/data-source';
import { REGISTRY } from '../app/registry';
import { createAppDataSource } from '../app/runtime';
import { DEVELOPMENT_ROLES, grantApplicationRole } from '../db/roles';
import { createLogger } from '../platform/logger';
import { prepareDevelopmentDatabase } from '../scripts/start-database';
import { createTestApp, TEST_SECRET, TestApp } from './helpers/test-app';
import { createTestDatabase, TestDatabase } from './helpers/test-database';
import { testServices } from './services';

/** Who a connection is: a superuser or the owner of the personal tables never meets row-level security's FORCE as the API would. */
const WHO = `SELECT current_user AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass, pg_get_userbyid(c.relowner) = current_user AS owner
  FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'public.child'::regclass`;
const RESTRICTED = { superuser: false, bypass: false, owner: false };

describe('the roles development and the tests connect as, as production does', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("the tests: a request's connection is the application role, the workers' and the viewer lookup's the system role, neither superuser nor owner", async () => {
    const { appRole, systemRole } = testServices();
    if (!appRole) return; // SAMVERKA_TEST_DB_ROLE=owner
    const verify = createTokenVerifier(app.runtime.config.auth);
    const context = await buildContext(app.runtime, verify, `Bearer ${await signDevToken('socsek.norr@samverka.test', TEST_SECRET)}`);
    try {
      expect((await context.db.manager.query(WHO))[0]).toEqual({ role: appRole, ...RESTRICTED });
    } finally {
      await context.db.release();
    }
    expect((await systemDataSourceOf(app.runtime.dataSource).query(WHO))[0]).toEqual({ role: systemRole, ...RESTRICTED });
    expect((await asSystem(app.runtime.dataSource, (manager) => manager.query(WHO)))[0]).toEqual({ role: systemRole, ...RESTRICTED });
  });

  it('systemRead runs on the system role in system scope, on connections of its own; the system pool still starts without a scope', async () => {
    if (!testServices().appRole) return;
    const { systemRole } = testServices();
    const SCOPE = `SELECT current_user AS role, current_setting('samverka.scope', true) AS scope, samverka_system_scope() AS system`;
    expect(systemReadsOf(app.runtime.dataSource)).toBeDefined();
    expect((await systemRead(app.runtime.dataSource, (manager) => manager.query(SCOPE)))[0]).toEqual({
      role: systemRole,
      scope: 'system',
      system: true,
    });
    // Outside asSystem and systemRead the system role's connections see no row, as before.
    const plain = (await systemDataSourceOf(app.runtime.dataSource).query(SCOPE))[0];
    expect(plain.system).toBe(false);
    expect(await systemDataSourceOf(app.runtime.dataSource).query(`SELECT count(*)::int AS n FROM child`)).toEqual([{ n: 0 }]);
    // The API role's own connections cannot take it even if asked.
    expect(
      (await app.runtime.dataSource.query(`SELECT set_config('samverka.scope', 'system', true), samverka_system_scope() AS system`))[0]
        .system,
    ).toBe(false);
  });

  it("a process given only the application role's URL stops at start, naming DATABASE_SYSTEM_URL, instead of serving without system work", async () => {
    if (!testServices().appRole) return;
    const api = await createAppDataSource({ url: app.db.url, poolSize: 1 }).initialize();
    try {
      await expect(openSystemDataSource(api, REGISTRY, app.db.url, undefined, 1)).rejects.toThrow(
        /^DATABASE_SYSTEM_URL \(unset, so DATABASE_URL\): its role may not take system scope/,
      );
    } finally {
      await api.destroy();
    }
  });
});

describe('npm start on its embedded database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('migrates and seeds as the owner, then serves as the application role and runs system work as the system role', async () => {
    const { appUrl, systemUrl } = await prepareDevelopmentDatabase(db.ownerUrl, true, createLogger('silent'));
    const api = await createAppDataSource({ url: appUrl, poolSize: 1 }).initialize();
    const system = await openSystemDataSource(api, REGISTRY, appUrl, systemUrl, 1);
    try {
      expect((await api.query(WHO))[0]).toEqual({ role: DEVELOPMENT_ROLES.app, ...RESTRICTED });
      expect((await asSystem(api, (manager) => manager.query(WHO)))[0]).toEqual({ role: DEVELOPMENT_ROLES.system, ...RESTRICTED });
      expect(await api.query(`SELECT count(*)::int AS n FROM child`)).toEqual([{ n: 0 }]);
    } finally {
      await api.destroy();
      await system?.destroy();
    }
  });
});

describe('npm run migrate granting the application role', () => {
  it('refuses a role that could take system scope through membership of the system role', async () => {
    const { systemRole, adminUrl } = testServices();
    if (!systemRole) return;
    const db = await createTestDatabase();
    const member = `samverka_test_member_${process.pid}`;
    const owner = await createAppDataSource({ url: db.ownerUrl, poolSize: 1 }).initialize();
    try {
      await owner.query(`CREATE ROLE ${member} IN ROLE ${systemRole}`);
      await expect(grantApplicationRole(owner, member)).rejects.toThrow(`the application role ${member} may take system scope`);
    } finally {
      await owner.destroy();
      await db.drop();
      const admin = await createAppDataSource({ url: adminUrl, poolSize: 1 }).initialize();
      await admin.query(`DROP ROLE IF EXISTS ${member}`);
      await admin.destroy();
    }
  });
});
