import { DataSource, EntityManager } from 'typeorm';
import { asSystem } from '../../db/access/row-scope';

/**
 * What the fuzzer asserts about every response, and how it sees row changes:
 * a row-level trigger on every application table counts writes, so each
 * request's changes are known exactly; table checksums around batches of
 * refused requests check the same thing a second way.
 */

/** Tables that legitimately change on refused requests, or are not application data. */
const NOT_CHECKED = new Set(['audit_event', 'notification', 'outbox', 'migrations', 'fuzz_row_change']);

export async function applicationTables(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const entities = new Set(dataSource.entityMetadatas.map((m) => m.tableName));
  return rows.map((r) => r.table_name).filter((t) => entities.has(t) && !NOT_CHECKED.has(t));
}

/** Installs the change counter; only ever on a throwaway fuzz database. */
export async function installChangeCounter(dataSource: DataSource, tables: readonly string[]): Promise<void> {
  await dataSource.query(`CREATE TABLE IF NOT EXISTS fuzz_row_change (id bigserial PRIMARY KEY, table_name text NOT NULL)`);
  // Runs as its owner, so the app's restricted role needs no rights on the counter beyond reading it.
  await dataSource.query(`CREATE OR REPLACE FUNCTION fuzz_row_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN INSERT INTO fuzz_row_change (table_name) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
  await dataSource.query(`GRANT SELECT ON fuzz_row_change TO PUBLIC`);
  for (const table of tables) {
    await dataSource.query(`DROP TRIGGER IF EXISTS fuzz_row_change ON "${table}"`);
    await dataSource.query(
      `CREATE TRIGGER fuzz_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION fuzz_row_change()`,
    );
  }
}

export async function changeMark(dataSource: DataSource): Promise<number> {
  const [{ n }] = await dataSource.query(`SELECT coalesce(max(id), 0)::bigint AS n FROM fuzz_row_change`);
  return Number(n);
}

/** md5 and row count per table, of every district's rows (system scope); unequal snapshots mean rows changed. */
export function checksums(dataSource: DataSource, tables: readonly string[]): Promise<Map<string, { md5: string; rows: number }>> {
  return asSystem(dataSource, (manager) => checksumsIn(manager, tables));
}

async function checksumsIn(manager: EntityManager, tables: readonly string[]): Promise<Map<string, { md5: string; rows: number }>> {
  const result = new Map<string, { md5: string; rows: number }>();
  for (const table of tables) {
    const [row] = await manager.query(
      `SELECT md5(coalesce(string_agg(t::text, '' ORDER BY t::text), '')) AS md5, count(*)::int AS rows FROM "${table}" t`,
    );
    result.set(table, row);
  }
  return result;
}

/** Changed tables between snapshots, counted as rows: the difference in rows, at least one per changed table. */
export function changedRows(before: Map<string, { md5: string; rows: number }>, after: Map<string, { md5: string; rows: number }>): number {
  let changed = 0;
  for (const [table, b] of before) {
    const a = after.get(table)!;
    if (a.md5 !== b.md5) changed += Math.max(1, Math.abs(a.rows - b.rows));
  }
  return changed;
}

/**
 * A V8 stack frame: `at fn (file.ts:12:5)`, `at async Foo.bar (node:internal/x:1:2)`, `at new Foo (<anonymous>)`
 * or a bare `at file.js:12:5`. The place in parentheses is what tells a frame from prose like "at most (months)".
 */
const FRAME_PLACE = String.raw`(?:[^\s()]*\.[cm]?[jt]sx?|node:[^\s()]+|file:\/\/[^\s()]+|evalmachine\.<anonymous>):\d+:\d+`;
export const STACK_FRAME = new RegExp(
  String.raw`\bat (?:async )?(?:new )?[\w$.<>[\]]+ \((?:${FRAME_PLACE}|native|<anonymous>|index \d+)\)|\bat (?:async )?${FRAME_PLACE}`,
);

/** What must never reach a client: server internals, not the client's own words echoed back. */
const LEAKS: readonly (readonly [string, RegExp])[] = [
  ['stack trace', STACK_FRAME],
  ['file path', /(?:\/(?:work|home|usr|opt|srv|app|var)\/[\w.-]|node_modules|\b[\w-]+\.(?:ts|js):\d+)/],
  ['SQL', /\b(?:SELECT\s[\s\S]{0,200}\sFROM|INSERT\s+INTO|UPDATE\s+"?\w+"?\s+SET|DELETE\s+FROM)\b/i],
  [
    'database error',
    /invalid input syntax|invalid byte sequence|violates|duplicate key|syntax error at or near|relation "|column "|value too long|out of range for type|current transaction is aborted|QueryFailedError|ECONNREFUSED|\bpg_\w+|SQLSTATE/i,
  ],
  ['table or entity name', /\b(?:app_user|audit_event|idempotency_key|district_policy|deadline_step|fuzz_row_change|\w+Entity)\b/],
  ['internal library', /\b(?:TypeORM|EntityManager|ioredis|BullMQ|class-validator)\b/i],
  ['field suggestion', /Did you mean/],
];

/** Strings the request carried: an error may quote them back without leaking anything. */
export function requestStrings(...parts: unknown[]): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 12) return;
    if (typeof value === 'string') {
      if (value.length >= 3) found.add(value);
      for (const m of value.matchAll(/"((?:[^"\\]|\\.){3,})"/g)) found.add(m[1]);
    } else if (Array.isArray(value)) {
      value.forEach((v) => visit(v, depth + 1));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k.length >= 3) found.add(k);
        visit(v, depth + 1);
      }
    }
  };
  parts.forEach((p) => visit(p, 0));
  return [...found].sort((a, b) => b.length - a.length);
}

/** The name of the first leak in `text`, once the request's own strings are taken out. */
export function leakIn(text: string, echoes: readonly string[]): string | null {
  let rest = text;
  for (const echo of echoes) if (rest.includes(echo)) rest = rest.split(echo).join(' ');
  for (const [name, pattern] of LEAKS) if (pattern.test(rest)) return name;
  return null;
}

export interface ResponseError {
  message?: unknown;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** Every string an error carries: its message and each extension. */
export function errorTexts(errors: readonly ResponseError[]): string[] {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const error of errors) {
    visit(error.message);
    visit(error.extensions);
  }
  return texts;
}

/** Refused: an HTTP error status, or an error on the operation itself rather than on a field inside its result. */
export function isRejected(status: number, errors: readonly ResponseError[]): boolean {
  return status >= 400 || errors.some((e) => !e.path || e.path.length <= 1);
}

export function isInternal(status: number, errors: readonly ResponseError[]): boolean {
  return status >= 500 || errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
}
