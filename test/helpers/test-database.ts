import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { openSystemDataSource } from '../../db/data-source';
import { REGISTRY } from '../../app/registry';
import { createAppDataSource } from '../../app/runtime';
import { databaseUrl, testServices, urlAsRole } from '../services';

export interface TestDatabase {
  /** As the app connects: the restricted role, unless the run says otherwise. */
  readonly url: string;
  /** As system work connects (DATABASE_SYSTEM_URL): the system role, unless the run says otherwise. */
  readonly systemUrl: string;
  /** As the schema's owner (migrations, DDL in tests). */
  readonly ownerUrl: string;
  readonly name: string;
  /** Runs SQL as the schema's owner (for tests that change the schema under the app). */
  asOwner(sql: string, params?: unknown[]): Promise<unknown[]>;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated, seeded template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, templateDatabase, runId, appRole, systemRole } = testServices();
  const name = `samverka_test_${runId}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: appRole ? urlAsRole(databaseUrl(adminUrl, name), appRole) : databaseUrl(adminUrl, name),
    systemUrl: systemRole ? urlAsRole(databaseUrl(adminUrl, name), systemRole) : databaseUrl(adminUrl, name),
    ownerUrl: databaseUrl(adminUrl, name),
    async asOwner(sql, params) {
      const client = new Client({ connectionString: databaseUrl(adminUrl, name) });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The app role's pool with the system role's beside it (asSystem), as app/runtime.ts opens them; `close` ends both. */
export async function openTestPools(db: TestDatabase, poolSize: number): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const dataSource = await createAppDataSource({ url: db.url, poolSize }).initialize();
  const system = await openSystemDataSource(dataSource, REGISTRY, db.url, db.systemUrl, poolSize);
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await system?.destroy();
    },
  };
}
