import type { PersonalDataTable } from './personal-data/personal-data';

/** What a module tells the database layer: the TypeORM entities of its tables and the migrations that made them. */
export interface DbModule {
  readonly entities?: readonly Function[];
  readonly migrations?: readonly Function[];
  /** The module's tables that hold personal data: they need row-level security, and their retention rules are swept nightly. */
  readonly personalData?: readonly PersonalDataTable[];
}

export interface DbRegistry {
  readonly entities: readonly Function[];
  /** TypeORM runs them in the order of the timestamp in their names, whoever lists them. */
  readonly migrations: readonly Function[];
  readonly personalData: readonly PersonalDataTable[];
}

export function dbRegistryOf(modules: readonly DbModule[]): DbRegistry {
  return Object.freeze({
    entities: modules.flatMap((m) => m.entities ?? []),
    migrations: modules.flatMap((m) => m.migrations ?? []),
    personalData: modules.flatMap((m) => m.personalData ?? []),
  });
}
