import 'reflect-metadata';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { DbRegistry } from './db-module';
import { asSystem, pairSystemDataSource, pairSystemReads } from './access/row-scope';

export interface DataSourceOptions {
  readonly url: string;
  /** The modules' entities and migrations. */
  readonly registry: DbRegistry;
  readonly poolSize?: number;
  readonly applicationName?: string;
  readonly logger?: TypeOrmLogger;
  /** Every connection starts in system scope (systemRead's pool; see db/access/row-scope.ts). */
  readonly systemScope?: boolean;
}

/** The schema changes only through the modules' migrations; `synchronize` stays off. */
/** PGAPPNAME names a process's connections in pg_stat_activity (a test waits on one spawned worker's own). */
export function createDataSource({
  url,
  registry,
  poolSize = 10,
  applicationName = process.env.PGAPPNAME || 'samverka',
  logger,
  systemScope = false,
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
    extra: { max: poolSize, ...(systemScope ? { options: '-c samverka.scope=system' } : {}) },
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

const NO_ENTITIES: DbRegistry = { entities: [], migrations: [], personalData: [] };

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
  if (system && systemUrl) {
    await system.initialize();
    pairSystemDataSource(dataSource, system);
    // systemRead's own pool: its connections start in system scope, so a lookup is one round trip. Only systemRead
    // reaches it; the system pool itself stays fail-closed (no scope until asSystem sets it).
    const reads = createDataSource({ url: systemUrl, registry: NO_ENTITIES, poolSize, systemScope: true });
    await reads.initialize();
    if (!(await pairSystemReads(dataSource, reads))) await reads.destroy();
    else {
      const destroySystem = system.destroy.bind(system);
      system.destroy = async () => {
        if (reads.isInitialized) await reads.destroy();
        await destroySystem();
      };
    }
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
