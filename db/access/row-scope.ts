import { DataSource, EntityManager } from 'typeorm';
import { ViewerScope } from '../../domain/access/viewer-scope';

/**
 * Whose rows a transaction may touch under row-level security (migration
 * 1733800000000): a viewer's districts and agency, or the system. The
 * settings are transaction-local, so a pooled connection never carries them
 * into someone else's transaction; unset, the policies show no rows.
 */
export interface ViewerRowScope {
  readonly districtIds: readonly string[];
  readonly agencyId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuid(value: string): string {
  if (!UUID.test(value)) throw new Error('row scope: not a uuid');
  return value;
}

export function rowScopeOf(scope: ViewerScope): ViewerRowScope {
  return { districtIds: [...scope.districtIds], agencyId: scope.agencyId };
}

/**
 * The statement that puts the current transaction in a viewer's scope. Its
 * values are checked uuids written as literals, so it can share one simple-query
 * round trip with BEGIN.
 */
export function viewerScopeStatement(scope: ViewerRowScope | null): string {
  const districts = scope ? `{${scope.districtIds.map(uuid).join(',')}}` : '';
  const agency = scope?.agencyId ? uuid(scope.agencyId) : '';
  return `SELECT set_config('samverka.scope', '', true), set_config('samverka.district_ids', '${districts}', true), set_config('samverka.agency_id', '${agency}', true)`;
}

const SYSTEM_ON = `SELECT set_config('samverka.scope', 'system', true), samverka_system_scope() AS system`;
const SYSTEM_OFF = `SELECT set_config('samverka.scope', '', true)`;

/** The system role's pool beside the API role's (app/runtime.ts pairs them): the API's role cannot take system scope. */
const systemPools = new WeakMap<DataSource, DataSource>();

export function pairSystemDataSource(appDataSource: DataSource, systemDataSource: DataSource): void {
  systemPools.set(appDataSource, systemDataSource);
}

/** Where a pool's system work runs: its paired system pool, else the pool itself (a worker's, or the owner's in seeds and migrations). */
export function systemDataSourceOf(dataSource: DataSource): DataSource {
  return systemPools.get(dataSource) ?? dataSource;
}

/** systemRead's pools, by the API pool they serve: every connection starts in system scope. */
const systemReadPools = new WeakMap<DataSource, DataSource>();

/**
 * Pairs an API pool with a pool whose connections start in system scope (`createDataSource({ systemScope: true })`),
 * after checking that they do and that its role may take it. Without that (a proxy that drops startup options, a role
 * without the grant) it pairs nothing and systemRead stays on asSystem's transaction.
 */
export async function pairSystemReads(appDataSource: DataSource, readsDataSource: DataSource): Promise<boolean> {
  const [{ system }] = await readsDataSource.query(`SELECT samverka_system_scope() AS system`);
  if (system !== true) return false;
  systemReadPools.set(appDataSource, readsDataSource);
  return true;
}

/** systemRead's pool beside an API pool, if it has one (a test counts its statements). */
export function systemReadsOf(dataSource: DataSource): DataSource | undefined {
  return systemReadPools.get(dataSource);
}

/**
 * A system-scope read that needs no transaction (each statement reads its own snapshot): the viewer lookup that
 * starts every request, "does this record exist" checks. On systemRead's pool `work` runs directly, one round trip a
 * statement, instead of START TRANSACTION, the scope switch, the work and COMMIT; anywhere else it is asSystem. Like
 * asSystem a way past row-level security: `grep -E 'asSystem|systemRead'` lists them all.
 */
export function systemRead<T>(target: DataSource | EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const reads = systemReadPools.get(target instanceof DataSource ? target : target.connection);
  return reads ? work(reads.manager) : asSystem(target, work);
}

/** Only a role allowed system scope (migration 1734400000000) gets it; any other would silently see nothing. */
async function enterSystemScope(manager: EntityManager): Promise<void> {
  const [{ system }] = await manager.query(SYSTEM_ON);
  if (system !== true)
    throw new Error(
      "system scope refused: this connection's database role may not take it (system work connects with DATABASE_SYSTEM_URL)",
    );
}

/**
 * The one way past row-level security: every read or write outside a viewer's
 * districts is a call of this function or of systemRead, so `grep -E 'asSystem|systemRead'` lists them all
 * (workers, the viewer lookup, the audited "does this personal number exist"
 * checks, seeds). It runs on the system role's connections. Given a DataSource,
 * `work` runs in a transaction of its own on its system pool. Given the manager
 * of a transaction: on an API pool, `work` runs beside it in a transaction of
 * its own on the system pool; on a system-capable pool, that transaction
 * switches to system scope for `work` and back afterwards (it must not be
 * shared with concurrent work, as a unit of work is not).
 */
export async function asSystem<T>(target: DataSource | EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (target instanceof DataSource) {
    return systemDataSourceOf(target).transaction(async (manager) => {
      await enterSystemScope(manager);
      return work(manager);
    });
  }
  const systemPool = systemPools.get(target.connection);
  if (systemPool) return asSystem(systemPool, work);
  await enterSystemScope(target);
  let result: T;
  try {
    result = await work(target);
  } catch (error) {
    // After a failed statement the transaction only rolls back; its scope goes with it.
    await target.query(SYSTEM_OFF).catch(() => undefined);
    throw error;
  }
  await target.query(SYSTEM_OFF);
  return result;
}

/** Begins a transaction in system scope on a raw client of the system role (a test holding a row lock). */
export const BEGIN_AS_SYSTEM = `BEGIN; ${SYSTEM_ON}`;

/** Runs `work` in a transaction of its own in the viewer's scope (routes outside GraphQL). */
export function inViewerScope<T>(dataSource: DataSource, scope: ViewerRowScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(viewerScopeStatement(scope));
    return work(manager);
  });
}
