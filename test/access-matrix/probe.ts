import { SubjectFacts } from '../../domain/access/conditions';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { collaborationMatrixFixtures } from '../helpers/collaboration-matrix';
import { TestApp } from '../helpers/test-app';

/** What the policy is told about a row: its subject facts, and its id for the audit. */
export type Facts = SubjectFacts & { entityId?: string | null };

/** What the access-matrix proof (test/access-matrix.int.test.ts) hands a module's probes, for one user. */
export interface ProbeContext {
  readonly app: TestApp;
  readonly email: string;
  readonly scope: ViewerScope;
  scopeOf(email: string): ViewerScope;
  /** A selection of every field of the named type, `depth` object levels down. */
  select(typeName: string, depth: number): string;
  /** The facts the fixtures recorded for a row, by its id. */
  readonly factsById: ReadonlyMap<string, Facts>;
  readonly collaboration: Awaited<ReturnType<typeof collaborationMatrixFixtures>>;
  /** Reads which district each audit row names, for the audit queries (their rows carry the district they touched). */
  refreshAuditDistricts(): Promise<void>;
  /**
   * Runs `query` as the user and holds the answer to the policy: `operation` is the root field; `rowFacts` are the facts
   * of the one object a single-object query loads (null for a list), `listFacts` those of every item a list returns.
   */
  probe(operation: string, query: string, variables?: Record<string, unknown>, rowFacts?: Facts | null, listFacts?: Facts): Promise<void>;
}

/** A module's probes: for each of its queries, how to call it as any user (in this order). */
export type QueryProbes = Readonly<Record<string, (p: ProbeContext) => Promise<void>>>;

/**
 * What a `<module>.probes.ts` exports: `PROBES`, and where the module's types need rows of their own, `fixtures` (made
 * after the common scenario, in the modules' order) and `facts` (what the policy is told about those rows, by id).
 */
export interface ModuleProbes {
  readonly PROBES: QueryProbes;
  readonly fixtures?: (app: TestApp) => Promise<void>;
  readonly facts?: (app: TestApp) => Promise<Iterable<readonly [string, Facts]>>;
}
