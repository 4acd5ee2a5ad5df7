import { runUnitOfWork, UnitOfWork } from '../db/unit-of-work';
import { rowScopeOf } from '../db/access/row-scope';
import { ViewerScope } from '../domain/access/viewer-scope';
import { RequestContext, requireScope } from './context';

/**
 * Every write of the API goes through here: one transaction with its audit
 * rows, notifications, clocks and after-commit jobs (db/unit-of-work.ts),
 * in the viewer's row scope on the request's own connection.
 */
export function write<T>(context: RequestContext, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const scope = requireScope(context);
  const actor = { requestId: context.requestId, userId: scope.userId, agencyId: scope.agencyId, roles: [...scope.roles] };
  return context.db.write((runner) => runUnitOfWork(context.deps, actor, { scope: rowScopeOf(scope), runner }, work));
}

/** A write to one row: `lock` loads and locks it and refuses what the viewer may not change; `work` changes it. */
export function writeLocked<R, T>(
  context: RequestContext,
  lock: (uow: UnitOfWork, scope: ViewerScope) => Promise<R>,
  work: (uow: UnitOfWork, row: R, scope: ViewerScope) => Promise<T>,
): Promise<T> {
  const scope = requireScope(context);
  return write(context, async (uow) => work(uow, await lock(uow, scope), scope));
}
