import { Indicator, INDICATOR_KINDS, IndicatorKind } from './indicators';
import { MONTHS_PER_UNIT, MonthRange, periodKey, PeriodUnit } from './indicator-period';

/** Statistics never single out a child: a month built from 1–4 children is hidden (0 is shown: it singles out no one). */
export const MIN_CHILDREN_PER_CELL = 5;

/** One district's counts for one indicator and one calendar month (a month ordinal as in MonthRange): the grid's atom. */
export interface MonthCounts {
  readonly indicator: Indicator;
  readonly districtId: string;
  readonly month: number;
  readonly numerator: number;
  /** Done, or past the limit; pending items are in neither. Null for counts. */
  readonly denominator: number | null;
  readonly pending: number;
  /** Distinct children behind the month's items, pending ones included. */
  readonly children: number;
}

/** An hours percentile over a whole period, from SQL; `districtId` null for all districts together. */
export interface PeriodHours {
  readonly indicator: Indicator;
  readonly districtId: string | null;
  readonly period: string;
  readonly hours: number | null;
  readonly talks: number;
}

/** One district's report-to-talk hours in one month, sorted. */
export interface MonthHours {
  readonly districtId: string;
  readonly month: number;
  readonly hours: readonly number[];
}

/** PostgreSQL's percentile_cont over sorted values, the same arithmetic. */
function percentileCont(sorted: readonly number[], fraction: number): number {
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return lower === upper ? sorted[lower] : sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}

/** p50 and p90 per district and for all together, per whole period of the unit, from the months' hours. */
export function periodHours(months: readonly MonthHours[], range: MonthRange, unit: PeriodUnit): PeriodHours[] {
  const groups = new Map<string, { districtId: string | null; period: string; hours: number[] }>();
  for (const m of months) {
    if (m.month < range.fromMonth || m.month >= range.toMonthExclusive) continue;
    const period = periodKey(
      unit,
      range.fromMonth + Math.floor((m.month - range.fromMonth) / MONTHS_PER_UNIT[unit]) * MONTHS_PER_UNIT[unit],
    );
    for (const districtId of [m.districtId, null]) {
      const key = `${districtId}|${period}`;
      const group = groups.get(key) ?? { districtId, period, hours: [] };
      group.hours.push(...m.hours);
      groups.set(key, group);
    }
  }
  const round = (h: number) => Math.round(h * 10) / 10;
  return [...groups.values()].flatMap(({ districtId, period, hours }) => {
    const sorted = hours.sort((a, b) => a - b);
    const talks = sorted.length;
    if (!talks) return [];
    return [
      { indicator: Indicator.reportToTalkHoursP50, districtId, period, hours: round(percentileCont(sorted, 0.5)), talks },
      { indicator: Indicator.reportToTalkHoursP90, districtId, period, hours: round(percentileCont(sorted, 0.9)), talks },
    ];
  });
}

export interface GridCell {
  readonly indicator: Indicator;
  /** Null: every district the viewer sees, together. */
  readonly districtId: string | null;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly pending: number | null;
  readonly suppressed: boolean;
  /** Effect follow-up only: the window has not passed for the whole period yet, so there is no value. */
  readonly windowOpen: boolean;
}

export function isHiddenMonth(counts: Pick<MonthCounts, 'children'>): boolean {
  return counts.children > 0 && counts.children < MIN_CHILDREN_PER_CELL;
}

/** The months of one period of the unit that a published cell is made of. */
function componentMonths(kind: IndicatorKind, first: number, unit: PeriodUnit): number[] {
  const months = Array.from({ length: MONTHS_PER_UNIT[unit] }, (_, i) => first + i);
  return kind === IndicatorKind.COUNT_AT_END ? months.slice(-1) : months;
}

const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/**
 * The published grid: one cell per district (and one for them together) per whole period of the unit. The rule that
 * keeps hidden months underivable: a cell is published only when none of the months it is made of is hidden, and then
 * its counts are the sum of those months (or the last one). Every published number is therefore a sum of published
 * months; no combination of answers (ranges, quarters minus months, districts minus districts) can isolate a hidden one.
 * Free ranges do not exist: a range is only the list of its grid cells.
 */
export function gridCells(
  atoms: readonly MonthCounts[],
  hours: readonly PeriodHours[],
  range: MonthRange,
  unit: PeriodUnit,
  districtIds: readonly string[],
  followUpOpen: (indicator: Indicator, periodEndMonth: number) => boolean,
): GridCell[] {
  const byKey = new Map(atoms.map((a) => [`${a.indicator}|${a.districtId}|${a.month}`, a]));
  const hoursByKey = new Map(hours.map((h) => [`${h.indicator}|${h.districtId}|${h.period}`, h]));
  const cells: GridCell[] = [];
  for (const indicator of Object.values(Indicator)) {
    const kind = INDICATOR_KINDS[indicator];
    for (let first = range.fromMonth; first < range.toMonthExclusive; first += MONTHS_PER_UNIT[unit]) {
      const period = periodKey(unit, first);
      const months = componentMonths(kind, first, unit);
      const windowOpen = followUpOpen(indicator, first + MONTHS_PER_UNIT[unit]);
      const parts = districtIds.map((districtId) => ({
        districtId,
        atoms: months.map((m) => byKey.get(`${indicator}|${districtId}|${m}`) ?? emptyMonth(indicator, districtId, m)),
      }));
      for (const part of [...parts, { districtId: null, atoms: parts.flatMap((p) => p.atoms) }]) {
        const suppressed = part.atoms.some(isHiddenMonth);
        cells.push(
          cell(
            indicator,
            kind,
            part.districtId,
            period,
            part.atoms,
            suppressed,
            windowOpen,
            hoursByKey.get(`${indicator}|${part.districtId}|${period}`),
          ),
        );
      }
    }
  }
  return cells;
}

export function emptyMonth(indicator: Indicator, districtId: string, month: number): MonthCounts {
  const counted = INDICATOR_KINDS[indicator] === IndicatorKind.RATE || INDICATOR_KINDS[indicator] === IndicatorKind.HOURS;
  return { indicator, districtId, month, numerator: 0, denominator: counted ? 0 : null, pending: 0, children: 0 };
}

function cell(
  indicator: Indicator,
  kind: IndicatorKind,
  districtId: string | null,
  period: string,
  atoms: readonly MonthCounts[],
  suppressed: boolean,
  windowOpen: boolean,
  hours: PeriodHours | undefined,
): GridCell {
  const base = { indicator, districtId, period, suppressed, windowOpen };
  if (suppressed || windowOpen) return { ...base, value: null, numerator: null, denominator: null, pending: null };
  const sum = atoms.reduce(
    (s, a) => ({ numerator: s.numerator + a.numerator, denominator: add(s.denominator, a.denominator), pending: s.pending + a.pending }),
    { numerator: 0, denominator: 0 as number | null, pending: 0 },
  );
  if (kind === IndicatorKind.HOURS) {
    return { ...base, value: hours?.hours ?? null, numerator: null, denominator: sum.denominator, pending: sum.pending };
  }
  if (kind !== IndicatorKind.RATE) return { ...base, value: sum.numerator, numerator: sum.numerator, denominator: null, pending: null };
  const value = sum.denominator ? sum.numerator / sum.denominator : null;
  return { ...base, value, ...sum };
}
