import { asSystem } from '../../db/access/row-scope';
import { monthAtoms } from '../../db/indicators/indicator-months';
import { districtsWithTimeZone, storedMonthCount } from '../../db/indicators/indicator-store.repository';
import { DistrictPeriod } from '../../db/indicators/indicator.repository';
import { MAX_PERIOD_MONTHS, monthOf, periodBounds } from '../../domain/indicators/indicator-period';
import { queueName } from '../../platform/queues/queue-names';
import { onSystemPool, QueueWorker, WorkerDeps } from '../worker-deps';

export const INDICATORS_QUEUE = queueName('indicators');
export const INDICATOR_STORE_SCHEDULER_ID = 'indicator-store-nightly';
/** 03:30 in Stockholm: after the retention run, before anyone reads the morning's figures. */
export const INDICATOR_STORE_PATTERN = '30 3 * * *';

/**
 * Stores every district's months of the longest period a request may cover that have become final and are not
 * stored yet (a request would otherwise store them on first read). Idempotent: stored months are kept as they are.
 */
export async function fillIndicatorStore(deps: WorkerDeps): Promise<number> {
  const now = deps.clock.now();
  return asSystem(deps.dataSource, async (manager) => {
    const districts = await districtsWithTimeZone(manager);
    const before = await storedMonthCount(manager);
    for (const district of districts) {
      const thisMonth = monthOf(now, district.timeZone);
      const range = { fromMonth: thisMonth + 1 - MAX_PERIOD_MONTHS, toMonthExclusive: thisMonth + 1 };
      const period: DistrictPeriod = { districtId: district.id, timeZone: district.timeZone, ...periodBounds(range, district.timeZone) };
      await monthAtoms(
        (work) => work(manager),
        [period],
        range,
        now,
        () => false,
      );
    }
    return (await storedMonthCount(manager)) - before;
  });
}

export function indicatorStoreProcessor(deps: WorkerDeps) {
  return async (): Promise<string> => {
    const stored = await fillIndicatorStore(onSystemPool(deps));
    deps.logger.info({ stored }, 'indicator months stored');
    return JSON.stringify({ stored });
  };
}

export const INDICATOR_STORE_WORKER: QueueWorker = {
  queue: INDICATORS_QUEUE,
  processor: indicatorStoreProcessor,
  options: { concurrency: 1, lockDuration: 10 * 60_000 },
  schedule: () => ({ id: INDICATOR_STORE_SCHEDULER_ID, name: 'indicator-store', pattern: INDICATOR_STORE_PATTERN, tz: 'Europe/Stockholm' }),
};
