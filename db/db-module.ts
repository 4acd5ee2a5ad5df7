/** What a module tells the database layer: the TypeORM entities of its tables and the migrations that made them. */
export interface DbModule {
  readonly entities?: readonly Function[];
  readonly migrations?: readonly Function[];
}

export interface DbRegistry {
  readonly entities: readonly Function[];
  /** TypeORM runs them in the order of the timestamp in their names, whoever lists them. */
  readonly migrations: readonly Function[];
}

export function dbRegistryOf(modules: readonly DbModule[]): DbRegistry {
  return Object.freeze({
    entities: modules.flatMap((m) => m.entities ?? []),
    migrations: modules.flatMap((m) => m.migrations ?? []),
  });
}
