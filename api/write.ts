import { runUnitOfWork, UnitOfWork } from '../db/unit-of-work';
import { RequestContext, requireScope } from './context';

/**
 * Every write of the API goes through here: one transaction with its audit
 * rows, notifications, clocks and after-commit jobs (db/unit-of-work.ts).
 */
export function write<T>(context: RequestContext, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const scope = requireScope(context);
  return runUnitOfWork(context.deps, { requestId: context.requestId, userId: scope.userId, agencyId: scope.agencyId, roles: [...scope.roles] }, work);
}
