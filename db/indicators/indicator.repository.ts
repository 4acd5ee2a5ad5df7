import { EntityManager } from 'typeorm';
import { REPORTS_LEGAL_CEILINGS } from '../../domain/reports/reports.settings';
import { MonthCounts, MonthHours } from '../../domain/indicators/indicator-grid';
import { MonthRange } from '../../domain/indicators/indicator-period';
import { Indicator } from '../../domain/indicators/indicators';
import { PreliminaryDecision } from '../../domain/reports/report-rules';
import { ELIGIBLE_CTE, INDICATOR_SOURCES } from './indicator-definitions';

/** One district's period: whole calendar months in its time zone, half-open. */
export interface DistrictPeriod {
  readonly districtId: string;
  readonly timeZone: string;
  readonly from: Date;
  readonly to: Date;
}

/** The month of a time in the period, found among the district's month starts (a time zone conversion per row cost more). */
const MONTH_OF = (expr: string) => `($6::int + width_bucket(${expr}, d.month_starts) - 1)`;

/** $1–$4 the districts' periods, $5 now, $6/$7 the first month and the month after the last. */
const BASE_CTES = `
  d AS (
    SELECT d.*, ARRAY(SELECT make_timestamptz(m / 12, m % 12 + 1, 1, 0, 0, 0, d.tz) FROM generate_series($6::int, $7::int - 1) AS m) AS month_starts
      FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS d(district_id, tz, period_from, period_to)),
  r AS NOT MATERIALIZED (
    SELECT r.id, r.child_id, r.district_id, r.received_at, r.feedback_requested, r.feedback_given_at, r.protection_assessed_at,
           r.preliminary_decision, r.preliminary_decided_at, r.investigation_closed_at, ${MONTH_OF('r.received_at')} AS month, coalesce(dp.settings->>'timeZone', d.tz) AS receipt_tz
      FROM d CROSS JOIN LATERAL (
        SELECT * FROM report r WHERE r.district_id = d.district_id AND r.received_at >= d.period_from AND r.received_at < d.period_to OFFSET 0) r
      JOIN district_policy dp ON dp.district_id = r.district_id AND dp.version = r.policy_version),
  rf AS (
    SELECT r.id, r.child_id, r.district_id, r.month, r.feedback_requested, r.feedback_given_at, r.protection_assessed_at,
           r.preliminary_decision, r.preliminary_decided_at, r.investigation_closed_at, fb.feedback_due,
           r.received_at + make_interval(hours => $8) AS protection_limit,
           ((r.received_at AT TIME ZONE r.receipt_tz) + make_interval(days => $9)) AT TIME ZONE r.receipt_tz AS preliminary_limit,
           CASE WHEN r.preliminary_decision = '${PreliminaryDecision.OPEN_INVESTIGATION}'
                THEN ((r.preliminary_decided_at AT TIME ZONE r.receipt_tz) + make_interval(months => $10)) AT TIME ZONE r.receipt_tz END AS investigation_limit,
           coalesce(r.feedback_requested AND r.feedback_given_at IS NULL AND fb.feedback_due > $5, false) AS feedback_pending
      FROM r LEFT JOIN LATERAL (
        SELECT min(dl.due_at) AS feedback_due FROM deadline dl
         WHERE r.feedback_requested AND dl.subject_type = 'REPORT' AND dl.subject_id = r.id AND dl.kind = '${'FEEDBACK'}') fb ON true),
  -- Materialised: the investigation's limit, a time-zone computation, once per row rather than once per use.
  inv AS MATERIALIZED (
    SELECT district_id, month, child_id, investigation_closed_at, investigation_limit FROM rf
     WHERE preliminary_decision = '${PreliminaryDecision.OPEN_INVESTIGATION}' AND preliminary_decided_at IS NOT NULL),
  ${ELIGIBLE_CTE},
  held AS (
    SELECT tk.id, tk.child_id, tk.district_id, ${MONTH_OF('tk.held_at')} AS month
      FROM talk tk JOIN d ON d.district_id = tk.district_id AND tk.held_at >= d.period_from AND tk.held_at < d.period_to),
  first_held AS (
    SELECT f.child_id, f.district_id, f.held_at, ${MONTH_OF('f.held_at')} AS month
      FROM (SELECT DISTINCT ON (tk.child_id) tk.child_id, tk.district_id, tk.held_at FROM talk tk
             WHERE tk.held_at IS NOT NULL AND tk.child_id IN (SELECT child_id FROM held)
             ORDER BY tk.child_id, tk.held_at) f
      JOIN d ON d.district_id = f.district_id AND f.held_at >= d.period_from AND f.held_at < d.period_to),
  not_held AS (
    SELECT f.child_id, f.district_id, f.received_at, ${MONTH_OF('f.received_at')} AS month
      FROM (SELECT DISTINCT ON (e.child_id) e.child_id, e.district_id, e.received_at
              FROM report e JOIN talk_assessment ta ON ta.report_id = e.id AND ta.eligible
             WHERE e.child_id IN (
                     -- Reports whose own talk was held are dropped first: a cheap necessary condition, far fewer rows.
                     SELECT p.child_id
                       FROM talk_assessment pa JOIN report p ON p.id = pa.report_id JOIN d ON d.district_id = p.district_id
                      WHERE pa.eligible AND p.received_at >= d.period_from AND p.received_at < d.period_to
                        AND NOT EXISTS (SELECT 1 FROM talk ht WHERE ht.report_id = pa.report_id AND ht.held_at IS NOT NULL)
                        AND NOT EXISTS (SELECT 1 FROM talk tk WHERE tk.child_id = p.child_id AND tk.held_at IS NOT NULL))
             ORDER BY e.child_id, e.received_at) f
      JOIN d ON d.district_id = f.district_id AND f.received_at >= d.period_from AND f.received_at < d.period_to),
  months AS (
    SELECT d.district_id, g.month, least(make_timestamptz((g.month + 1) / 12, (g.month + 1) % 12 + 1, 1, 0, 0, 0, d.tz), $5) AS month_end
      FROM d CROSS JOIN generate_series($6::int, $7::int - 1) AS g(month))`;

/**
 * PostgreSQL compiles a query this size (seventeen sources, ~300 functions) with JIT, which at 150,000 reports cost
 * several times the query itself. Off for the rest of the transaction the counts run in.
 */
async function withoutJit(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT set_config('jit', 'off', true)`);
}

function params(periods: readonly DistrictPeriod[], range: MonthRange, now: Date): unknown[] {
  return [
    periods.map((p) => p.districtId),
    periods.map((p) => p.timeZone),
    periods.map((p) => p.from),
    periods.map((p) => p.to),
    now,
    range.fromMonth,
    range.toMonthExclusive,
    REPORTS_LEGAL_CEILINGS.protectionAssessmentHours.max,
    REPORTS_LEGAL_CEILINGS.preliminaryAssessmentDays.max,
    REPORTS_LEGAL_CEILINGS.investigationMonths.max,
  ];
}

const expand = (sql: string) => sql.replace(/\$now/g, '$5').replace(/\$month\(([^)]+)\)/g, (_, expr: string) => MONTH_OF(expr));

/** Items carry their indicator as a number: sorting 200,000 items by a text key in the database's collation cost a tenth of the query. */
const INDICATOR_ORDER = Object.keys(INDICATOR_SOURCES) as Indicator[];
const itemsOf = (indicators: readonly Indicator[]) =>
  indicators
    .map(
      (indicator) =>
        `SELECT ${INDICATOR_ORDER.indexOf(indicator)} AS indicator, s.* FROM (${expand(INDICATOR_SOURCES[indicator].sql)}) s(district_id, month, child_id, num, den, pend)`,
    )
    .join('\n UNION ALL ');

/**
 * The indicators' counts per district and calendar month of the range (every indicator unless some are named): the
 * atoms the published grid is summed from. Only the CTEs the named indicators read are run.
 */
export async function indicatorMonthCounts(
  manager: EntityManager,
  periods: readonly DistrictPeriod[],
  range: MonthRange,
  now: Date,
  indicators: readonly Indicator[] = INDICATOR_ORDER,
): Promise<MonthCounts[]> {
  if (!periods.length || !indicators.length) return [];
  await withoutJit(manager);
  const rows: (Omit<MonthCounts, 'indicator'> & { indicator: number })[] = await manager.query(
    `WITH ${BASE_CTES}, items AS (${itemsOf(indicators)})
     SELECT indicator, district_id AS "districtId", month,
            count(*) FILTER (WHERE num)::int AS numerator, count(*) FILTER (WHERE den)::int AS denominator,
            count(*) FILTER (WHERE pend)::int AS pending, count(DISTINCT child_id) FILTER (WHERE num OR den OR pend)::int AS children
       FROM items GROUP BY indicator, district_id, month`,
    params(periods, range, now),
  );
  return rows.map((row) => ({ ...row, indicator: INDICATOR_ORDER[row.indicator] }));
}

/** The hours from report to held talk of each district and month, sorted: the percentiles of any period are taken over them. */
export async function reportToTalkMonthHours(
  manager: EntityManager,
  periods: readonly DistrictPeriod[],
  range: MonthRange,
  now: Date,
): Promise<MonthHours[]> {
  if (!periods.length) return [];
  await withoutJit(manager);
  return manager.query(
    `WITH ${BASE_CTES}
     SELECT district_id AS "districtId", month, array_agg(hours ORDER BY hours) AS hours
       FROM (SELECT el.district_id, el.month, (extract(epoch FROM el.held_at - el.received_at) / 3600)::float8 AS hours
               FROM el WHERE el.held_at IS NOT NULL) h
      GROUP BY district_id, month`,
    params(periods, range, now),
  );
}
