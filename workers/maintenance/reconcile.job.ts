import { WorkerDeps } from '../worker-deps';
import { reconcileDeadlines } from '../deadlines/deadline-reconciler';
import { PLATFORM_QUEUES } from '../../platform/queues/queue-names';

export const MAINTENANCE_QUEUE = PLATFORM_QUEUES.maintenance;
export const RECONCILE_SCHEDULER_ID = 'deadline-reconciler';

export function maintenanceProcessor(runtime: WorkerDeps) {
  return async (): Promise<string> => {
    const result = await reconcileDeadlines(runtime);
    if (result.firedOverdue > 0) runtime.logger.warn(result, 'reconciler fired overdue deadline steps');
    return JSON.stringify(result);
  };
}
