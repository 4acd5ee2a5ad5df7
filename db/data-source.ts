import 'reflect-metadata';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { DbRegistry } from './db-module';
import { asSystem, pairSystemDataSource } from './access/row-scope';

export interface DataSourceOptions {
  readonly url: string;
  /** The modules' entities and migrations. */
  readonly registry: DbRegistry;
  readonly poolSize?: number;
  readonly applicationName?: string;
  readonly logger?: TypeOrmLogger;
}

/** The schema changes only through the modules' migrations; `synchronize` stays off. */
/** PGAPPNAME names a process's connections in pg_stat_activity (a test waits on one spawned worker's own). */
export function createDataSource({
  url,
  registry,
  poolSize = 10,
  applicationName = process.env.PGAPPNAME || 'samverka',
  logger,
}: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [...registry.entities],
    migrations: [...registry.migrations],
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    logging: logger ? ['query'] : false,
    logger,
    applicationName,
    extra: { max: poolSize },
  });
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/** Whether the database answers (readiness). */
export function databaseAnswers(dataSource: DataSource): Promise<boolean> {
  return dataSource.query('SELECT 1').then(
    () => true,
    () => false,
  );
}

/**
 * The system role's pool (DATABASE_SYSTEM_URL) beside the API role's, paired so
 * asSystem runs there; without one, DATABASE_URL's role must be allowed system
 * scope itself. Checked at start: a role that may not take it stops the process here.
 */
export async function openSystemDataSource(
  dataSource: DataSource,
  registry: DbRegistry,
  databaseUrl: string,
  systemUrl: string | undefined,
  poolSize: number,
): Promise<DataSource | null> {
  const system = systemUrl && systemUrl !== databaseUrl ? createDataSource({ url: systemUrl, registry, poolSize }) : null;
  if (system) {
    await system.initialize();
    pairSystemDataSource(dataSource, system);
  }
  try {
    await asSystem(dataSource, (manager) => manager.query('SELECT 1'));
  } catch (error) {
    await system?.destroy();
    const refused = error instanceof Error && error.message.startsWith('system scope refused');
    throw new Error(
      refused
        ? `DATABASE_SYSTEM_URL${system ? '' : ' (unset, so DATABASE_URL)'}: its role may not take system scope; give the system role's URL (npm run migrate grants it with DATABASE_SYSTEM_ROLE)`
        : `DATABASE_SYSTEM_URL: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return system;
}
