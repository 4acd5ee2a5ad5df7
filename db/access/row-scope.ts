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

const SYSTEM_ON = `SELECT set_config('samverka.scope', 'system', true)`;
const SYSTEM_OFF = `SELECT set_config('samverka.scope', '', true)`;

/**
 * The one way past row-level security: every read or write outside a viewer's
 * districts is a call of this function, so `grep asSystem` lists them all
 * (workers, the viewer lookup, the audited "does this personal number exist"
 * checks, seeds). Given a DataSource it runs `work` in a transaction of its
 * own; given the manager of a transaction it switches that transaction to
 * system scope for `work` and back afterwards (the transaction must not be
 * shared with concurrent work, as a unit of work is not).
 */
export async function asSystem<T>(target: DataSource | EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (target instanceof DataSource) {
    return target.transaction(async (manager) => {
      await manager.query(SYSTEM_ON);
      return work(manager);
    });
  }
  await target.query(SYSTEM_ON);
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

/** Begins a transaction in system scope: one round trip; the scope holds until viewerScopeStatement. */
export const BEGIN_AS_SYSTEM = `BEGIN; ${SYSTEM_ON}`;

/** Runs `work` in a transaction of its own in the viewer's scope (routes outside GraphQL). */
export function inViewerScope<T>(dataSource: DataSource, scope: ViewerRowScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(viewerScopeStatement(scope));
    return work(manager);
  });
}
