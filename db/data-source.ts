import 'reflect-metadata';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { DbRegistry } from './db-module';

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
export function createDataSource({ url, registry, poolSize = 10, applicationName = process.env.PGAPPNAME || 'samverka', logger }: DataSourceOptions): DataSource {
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
  return dataSource.query('SELECT 1').then(() => true, () => false);
}
