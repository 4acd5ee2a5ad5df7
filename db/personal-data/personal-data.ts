import type { EntityManager } from 'typeorm';
import type { DistrictPolicy } from '../../domain/districts/district-policy';
import type { SecrecyMark } from '../../domain/retention/extract-rules';

/**
 * What one sweep of a record type is handed: a district, the cut-off its setting gives, a batch size, and SQL
 * fragments over a column that say whether a record must stay (legal hold, research exception) or was already swept.
 */
export interface RetentionBatch {
  readonly districtId: string;
  readonly cutoff: Date;
  readonly limit: number;
  /** SQL, true when the child in `childIdColumn` (or the case in `caseIdColumn`) has its records kept. */
  readonly kept: (childIdColumn: string, caseIdColumn?: string) => string;
  /** SQL, true when the record in `idColumn` has not been swept yet. */
  readonly pending: (idColumn: string) => string;
  /**
   * SQL, true when the user in `userIdColumn` works in the district (their agency serves it, or serves no district):
   * a user's own rows (messages, keys, sessions) go in the first run of their districts that finds them due.
   */
  readonly ofUser: (userIdColumn: string) => string;
}

/**
 * What one sweep did: the records it anonymised (kept as swept, so no run takes them twice), how many it deleted
 * (gone, so none can), and the deadline steps whose queue jobs must go too.
 */
export interface RetentionOutcome {
  readonly recordIds: readonly string[];
  readonly deleted?: number;
  readonly deadlineStepIds: readonly string[];
}

export const NOTHING_SWEPT: RetentionOutcome = { recordIds: [], deadlineStepIds: [] };

/** How many records a sweep took, anonymised or deleted. */
export const sweptCount = (outcome: RetentionOutcome): number => outcome.recordIds.length + (outcome.deleted ?? 0);

/** How long a kind of record is kept, from which event, and how it goes when its time is up. */
export interface RetentionRule {
  /** The name the run's counts use (no personal data): REPORT_NO_INVESTIGATION. */
  readonly recordType: string;
  /** The event the time is measured from, in words (documented in docs/retention.md). */
  readonly measuredFrom: string;
  /** The district setting, in months. */
  readonly setting: keyof DistrictPolicy;
  /** ANONYMISE where a count must survive for the indicators. */
  readonly action: 'DELETE' | 'ANONYMISE';
  /** One batch, in the run's transaction: at most `limit` records, never a kept or already swept one. */
  readonly sweep: (manager: EntityManager, batch: RetentionBatch) => Promise<RetentionOutcome>;
}

/**
 * A table of a module that holds personal data and how it leaves: its own rules, or swept with its parent table by the
 * parent's rule (`sweptWith`), or kept for a stated reason (`keptBecause`: codes and dates the indicators count, no
 * text about a person; or a decision the municipality has not made yet). app/modules.int.test.ts asks for one of them.
 */
export interface PersonalDataTable {
  readonly table: string;
  readonly retention?: readonly RetentionRule[];
  readonly sweptWith?: string;
  readonly keptBecause?: string;
  /** A user's own rows (messages, keys, sessions): found by user, no district or child column to scope by row. */
  readonly ofUser?: true;
}

/** One part of a child's register extract (GDPR art. 15): what one table or query holds about the child. */
export interface ExtractPart {
  /** Stable within the module: `reports.reporter`. */
  readonly key: string;
  readonly title: string;
  readonly rows: readonly object[];
  /** Why the reviewer must decide before release; none: released with the extract. */
  readonly marks: readonly SecrecyMark[];
}

/** A module's section of the extract: its parts, read in system scope (the extract shows everything held). */
export type ExtractSection = (manager: EntityManager, childId: string) => Promise<readonly ExtractPart[]>;

export interface ExtractQuery {
  readonly key: string;
  readonly title: string;
  /** Returns one column `row` (jsonb) per record; `$1` is the child's id. */
  readonly sql: string;
  readonly marks?: readonly SecrecyMark[];
}

/** A section of plain queries; a part with no rows is left out. */
export function extractSection(queries: readonly ExtractQuery[]): ExtractSection {
  return async (manager, childId) => {
    const parts: ExtractPart[] = [];
    for (const q of queries) {
      const rows = ((await manager.query(q.sql, [childId])) as { row: object }[]).map((r) => r.row);
      if (rows.length) parts.push({ key: q.key, title: q.title, rows, marks: q.marks ?? [] });
    }
    return parts;
  };
}

/**
 * The ids of at most `batch.limit` records of `from` (alias `alias`, id column `id`) where `due` holds (`$1` the
 * district, `$2` the cut-off; it says which are kept), not swept yet, locked so a concurrent run skips them.
 */
export async function pickDue(manager: EntityManager, batch: RetentionBatch, from: string, alias: string, due: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT ${alias}.id FROM ${from} WHERE ${due} AND ${batch.pending(`${alias}.id`)}
      ORDER BY ${alias}.id LIMIT $3 FOR UPDATE OF ${alias} SKIP LOCKED`,
    [batch.districtId, batch.cutoff, batch.limit],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * The sweep of a record type that is deleted outright: at most `batch.limit` rows of `table` (alias `x`) where `due`
 * holds (`$1` the cut-off; the district through `batch.ofUser`), locked so a concurrent run skips them. Deleted rows need no mark: no
 * later run can find them.
 */
export function deleteDue(table: string, due: (batch: RetentionBatch) => string) {
  return async (manager: EntityManager, batch: RetentionBatch): Promise<RetentionOutcome> => {
    const [{ n }] = (await manager.query(
      `WITH gone AS (DELETE FROM ${table} WHERE ctid IN (SELECT x.ctid FROM ${table} x WHERE ${due(batch)} LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [batch.cutoff, batch.limit],
    )) as { n: number }[];
    return { recordIds: [], deleted: n, deadlineStepIds: [] };
  };
}
