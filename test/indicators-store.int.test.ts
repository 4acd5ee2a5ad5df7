/**
 * Issue 25's speed: final months come from the indicator_month store, the rest are counted live. On the demo history
 * and reports that keep arriving, at instants a month or more apart, every cell of every unit answered with the store
 * is the cell counted wholly live at the same instant; stored cells are never rewritten.
 */
import { asSystem } from '../db/access/row-scope';
import { seedDemoHistory } from '../db/seed/demo-history';
import { luhnCheckDigit } from '../domain/children/personal-identity-number';
import { DAY_MS, FakeClock } from '../domain/time/clock';
import {
  fillIndicatorStore,
  INDICATORS_QUEUE,
  INDICATOR_STORE_PATTERN,
  INDICATOR_STORE_SCHEDULER_ID,
} from '../workers/indicators/indicator-store.job';
import { startWorkers } from '../workers/worker-registry';
import { indicatorCells } from './helpers/indicators';
import { suspectedCrimeInput } from './helpers/reports';
import { createTestApp, TestApp } from './helpers/test-app';

const START = new Date('2026-08-20T08:00:00Z');
const FIELDS = 'indicator districtName period value numerator denominator pending suppressed windowOpen';

let app: TestApp;
let clock: FakeClock;
let serial = 700;

const cells = async (unit: string, from: string, to: string): Promise<Record<string, unknown>[]> =>
  indicatorCells(app, { unit, from, to }, FIELDS);

/** The same answer counted without the store: it is set aside, emptied, and put back as it was. */
async function live(unit: string, from: string, to: string) {
  await app.db.asOwner('CREATE TABLE indicator_month_aside AS TABLE indicator_month; TRUNCATE indicator_month');
  try {
    return await cells(unit, from, to);
  } finally {
    await app.db.asOwner(
      'TRUNCATE indicator_month; INSERT INTO indicator_month TABLE indicator_month_aside; DROP TABLE indicator_month_aside',
    );
  }
}

function personalNumber(): string {
  const yymmdd = '130415';
  const nnn = String(++serial).padStart(3, '0');
  return `2013${yymmdd.slice(2)}${nnn}${luhnCheckDigit(`${yymmdd}${nnn}`)}`;
}

/** New reports keep arriving (some asking for feedback), so the months near now change while older ones are final. */
async function reportsArrive(count: number) {
  for (let i = 0; i < count; i++) {
    const result = await app.as(
      `polis.${i % 2 ? 'syd' : 'norr'}@samverka.test`,
      `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`,
      {
        i: suspectedCrimeInput({
          policeReference: `K-${++serial}/26`,
          child: { personalIdentityNumber: personalNumber() },
          description: 'Misstänkt för snatteri.',
          feedbackRequested: i % 3 === 0,
          idempotencyKey: `indicators-store-${serial}`,
        }),
      },
    );
    expect(result.errors).toBeUndefined();
  }
}

beforeAll(async () => {
  clock = new FakeClock(START.toISOString());
  app = await createTestApp({ clock });
  await asSystem(app.dataSource, (manager) => seedDemoHistory(manager, START));
});

afterAll(() => app?.close());

it('answers every cell of every unit as the live count does, from month to month, and never rewrites a stored cell', async () => {
  let storedBefore: { key: string; stored_at: string }[] = [];
  for (const days of [0, 9, 40, 75, 130, 200]) {
    clock.set(new Date(START.getTime() + days * DAY_MS));
    await reportsArrive(6);
    for (const [unit, from, to] of [
      ['MONTH', '2024-09', '2027-08'],
      ['QUARTER', '2024-Q4', '2027-Q3'],
      ['YEAR', '2025', '2027'],
    ]) {
      const answered = await cells(unit, from, to);
      expect(answered).toEqual(await live(unit, from, to));
    }
    const stored: { key: string; stored_at: string }[] = await app.sql(
      `SELECT district_id || indicator || month AS key, stored_at::text FROM indicator_month`,
    );
    expect(stored.length).toBeGreaterThan(storedBefore.length);
    const now = new Map(stored.map((s) => [s.key, s.stored_at]));
    expect(storedBefore.filter((s) => now.get(s.key) !== s.stored_at)).toEqual([]);
    storedBefore = stored;
  }
});

it('the nightly job stores the months that became final, once: a second run stores nothing, and the answers stay the live ones', async () => {
  clock.set(new Date(START.getTime() + 290 * DAY_MS));
  expect(await fillIndicatorStore(app.runtime)).toBeGreaterThan(0);
  expect(await fillIndicatorStore(app.runtime)).toBe(0);
  expect(await cells('MONTH', '2024-09', '2027-08')).toEqual(await live('MONTH', '2024-09', '2027-08'));
});

it('the job is a BullMQ job scheduler the workers upsert: nightly, in Stockholm time, after the retention run', async () => {
  const workers = await startWorkers(app.runtime, { reconcileOnStart: false });
  const queue = app.runtime.queues.queue(INDICATORS_QUEUE);
  try {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.find((s) => s.key === INDICATOR_STORE_SCHEDULER_ID)).toMatchObject({
      pattern: INDICATOR_STORE_PATTERN,
      tz: 'Europe/Stockholm',
    });
  } finally {
    await queue.close();
    await workers.close(true);
  }
});
