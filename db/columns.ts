import { getMetadataArgsStorage } from 'typeorm';

/**
 * The row an entity describes: its column properties, read-write. Row types
 * are derived from the entity, so a column is declared once (the entity, and
 * its migration, which the migrations test holds against the entity).
 */
export type EntityRow<E> = { -readonly [K in keyof E]: E[K] };

type EntityClass<E> = new () => E;

/** property → SQL column, as the entity's decorators declare them. */
export function entityColumns<E>(entity: EntityClass<E>): ReadonlyMap<keyof E & string, string> {
  const columns = getMetadataArgsStorage().columns.filter((c) => c.target === entity);
  if (columns.length === 0) throw new Error(`${entity.name} declares no columns`);
  return new Map(columns.map((c) => [c.propertyName as keyof E & string, c.options.name ?? c.propertyName]));
}

export interface SelectOptions<E> {
  /** Columns the rows do not carry. */
  readonly omit?: readonly (keyof E & string)[];
  /** A SQL expression instead of the plain column (e.g. a date formatted as text). */
  readonly as?: { readonly [K in keyof E & string]?: string };
}

/** `alias.sql_name AS "property", …` for every column of the entity, in declaration order. */
export function selectList<E>(entity: EntityClass<E>, alias: string, options: SelectOptions<E> = {}): string {
  const omit = new Set<string>(options.omit ?? []);
  return [...entityColumns(entity)]
    .filter(([property]) => !omit.has(property))
    .map(([property, column]) => {
      const expression = options.as?.[property] ?? `${alias}.${column}`;
      return expression === `${alias}.${property}` ? expression : `${expression} AS "${property}"`;
    })
    .join(', ');
}

/** The SQL column of one property, for WHERE and ORDER BY clauses that must follow the entity. */
export function column<E>(entity: EntityClass<E>, alias: string, property: keyof E & string): string {
  const name = entityColumns(entity).get(property);
  if (!name) throw new Error(`${entity.name} has no column ${property}`);
  return `${alias}.${name}`;
}
