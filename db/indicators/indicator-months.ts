import { EntityManager } from 'typeorm';
import { DistrictPeriod, indicatorMonthCounts, reportToTalkMonthHours } from './indicator.repository';
import { districtPolicyVersions, storedMonths, StoredMonth, storeMonths } from './indicator-store.repository';
import { finalAfter, lastFinalMonth } from '../../domain/indicators/indicator-finality';
import { emptyMonth, MonthCounts, MonthHours } from '../../domain/indicators/indicator-grid';
import { MonthRange, periodBounds } from '../../domain/indicators/indicator-period';
import { Indicator } from '../../domain/indicators/indicators';

const HOURS = Indicator.reportToTalkHoursP50;
const ALL = Object.values(Indicator);
const key = (indicator: Indicator, districtId: string, month: number) => `${indicator}|${districtId}|${month}`;

/**
 * The 12-month follow-up counts the same children as the 6-month one (first held talk, or none held, in the month);
 * only who was reported again differs. While a month's window is open no cell shows that numerator, so such a month is
 * the 6-month atom's children, denominator and pending, with no numerator counted.
 */
const SAME_CHILDREN: { readonly [I in Indicator]?: Indicator } = {
  [Indicator.reReportRate12m]: Indicator.reReportRate6m,
  [Indicator.reReportRate12mComparison]: Indicator.reReportRate6mComparison,
};

/**
 * Runs statements in system scope. The live counts are independent: given a runner that opens a transaction of its own
 * per call, they run side by side (the API); given one transaction, one after the other (the nightly fill).
 */
export type SystemRunner = <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;

/**
 * The month atoms of the range and the months' hours: final months from the store (filled here, once, when missing),
 * the others counted live. Counting starts, per group of indicators, at the first month that is not stored.
 */
export async function monthAtoms(
  run: SystemRunner,
  periods: readonly DistrictPeriod[],
  range: MonthRange,
  now: Date,
  windowOpen: (indicator: Indicator, periodEndMonth: number) => boolean,
): Promise<{ atoms: MonthCounts[]; hours: MonthHours[] }> {
  const derived = (indicator: Indicator, month: number) => SAME_CHILDREN[indicator] !== undefined && windowOpen(indicator, month + 1);
  const districtIds = periods.map((p) => p.districtId);
  const [policies, storedRows] = await Promise.all([
    run((m) => districtPolicyVersions(m, districtIds)),
    run((m) => storedMonths(m, districtIds, range)),
  ]);
  const stored = new Map(storedRows.map((s) => [key(s.indicator, s.districtId, s.month), s]));
  const lastFinal = new Map<string, number>();
  const countFrom = new Map<Indicator, number>();
  for (const period of periods) {
    for (const indicator of ALL) {
      const last = lastFinalMonth(
        range.fromMonth,
        range.toMonthExclusive,
        finalAfter(indicator, policies.get(period.districtId) ?? []),
        period.timeZone,
        now,
      );
      lastFinal.set(`${indicator}|${period.districtId}`, last);
      let first = range.fromMonth;
      while (first <= last && stored.has(key(indicator, period.districtId, first))) first++;
      if (first < range.toMonthExclusive && !derived(indicator, first))
        countFrom.set(indicator, Math.min(countFrom.get(indicator) ?? first, first));
    }
  }
  // The percentiles' hours are counted with the p50's atoms.
  if (countFrom.has(Indicator.reportToTalkHoursP90)) {
    countFrom.set(HOURS, Math.min(countFrom.get(HOURS) ?? range.toMonthExclusive, countFrom.get(Indicator.reportToTalkHoursP90)!));
  }
  const groups = new Map<number, Indicator[]>();
  for (const [indicator, from] of countFrom) groups.set(from, [...(groups.get(from) ?? []), indicator]);
  const counted = new Map<string, MonthCounts>();
  const countedHours = new Map<string, readonly number[]>();
  const countedFrom = new Map<Indicator, number>();
  const live: Promise<void>[] = [];
  for (const [from, indicators] of groups) {
    const part = { fromMonth: from, toMonthExclusive: range.toMonthExclusive };
    const partPeriods = periods.map((p) => ({ ...p, ...periodBounds(part, p.timeZone) }));
    live.push(
      run((m) => indicatorMonthCounts(m, partPeriods, part, now, indicators)).then((atoms) => {
        for (const atom of atoms) counted.set(key(atom.indicator, atom.districtId, atom.month), atom);
      }),
    );
    if (indicators.includes(HOURS)) {
      live.push(
        run((m) => reportToTalkMonthHours(m, partPeriods, part, now)).then((monthHours) => {
          for (const h of monthHours) countedHours.set(`${h.districtId}|${h.month}`, h.hours);
        }),
      );
    }
    for (const indicator of indicators) countedFrom.set(indicator, from);
  }
  await Promise.all(live);
  const atoms: MonthCounts[] = [];
  const hours: MonthHours[] = [];
  const toStore: StoredMonth[] = [];
  for (const period of periods) {
    for (const indicator of ALL) {
      for (let month = range.fromMonth; month < range.toMonthExclusive; month++) {
        const k = key(indicator, period.districtId, month);
        const saved = stored.get(k);
        const monthHours =
          indicator === HOURS ? (saved ? (saved.hours ?? []) : (countedHours.get(`${period.districtId}|${month}`) ?? [])) : null;
        const same = SAME_CHILDREN[indicator];
        if (saved) atoms.push(saved);
        else if (same && derived(indicator, month)) {
          const population = atoms.find((a) => a.indicator === same && a.districtId === period.districtId && a.month === month);
          if (population) atoms.push({ ...population, indicator, numerator: 0 });
        } else if (month >= (countedFrom.get(indicator) ?? Infinity)) {
          const atom = counted.get(k) ?? emptyMonth(indicator, period.districtId, month);
          atoms.push(atom);
          const final = month <= lastFinal.get(`${indicator}|${period.districtId}`)! && atom.pending === 0;
          const storedHours = indicator === HOURS || indicator === Indicator.reportToTalkHoursP90;
          if (final) toStore.push({ ...atom, hours: storedHours ? (countedHours.get(`${period.districtId}|${month}`) ?? []) : null });
        }
        if (monthHours?.length) hours.push({ districtId: period.districtId, month, hours: monthHours });
      }
    }
  }
  await run((m) => storeMonths(m, toStore, now));
  return { atoms: atoms.filter((a) => a.numerator || a.denominator || a.pending || a.children), hours };
}
