import { EntityManager } from 'typeorm';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { withPolicyDefaults } from '../../platform/districts/district-settings';
import { MonthCounts } from '../../domain/indicators/indicator-grid';
import { MonthRange } from '../../domain/indicators/indicator-period';

/** A final month's stored cell: its counts, and for the hours percentiles the month's sorted hours. */
export interface StoredMonth extends MonthCounts {
  readonly hours: readonly number[] | null;
}

/** The stored cells of the districts' months in the range. */
export async function storedMonths(manager: EntityManager, districtIds: readonly string[], range: MonthRange): Promise<StoredMonth[]> {
  if (!districtIds.length) return [];
  return manager.query(
    `SELECT indicator, district_id AS "districtId", month, numerator, denominator, pending, children, hours
       FROM indicator_month WHERE district_id = ANY($1::uuid[]) AND month >= $2 AND month < $3`,
    [districtIds, range.fromMonth, range.toMonthExclusive],
  );
}

/** Stores final months once: a cell already stored (by the nightly job or another request) is kept as it is. */
export async function storeMonths(manager: EntityManager, months: readonly StoredMonth[], now: Date): Promise<void> {
  if (!months.length) return;
  await manager.query(
    `INSERT INTO indicator_month (district_id, month, indicator, numerator, denominator, pending, children, hours, stored_at)
     SELECT m.district_id, m.month, m.indicator, m.numerator, m.denominator, m.pending, m.children,
            (SELECT array_agg(h::float8) FROM jsonb_array_elements_text(m.hours) h), $9
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::jsonb[])
            AS m(district_id, month, indicator, numerator, denominator, pending, children, hours)
     ON CONFLICT (district_id, month, indicator) DO NOTHING`,
    [
      months.map((m) => m.districtId),
      months.map((m) => m.month),
      months.map((m) => m.indicator),
      months.map((m) => m.numerator),
      months.map((m) => m.denominator),
      months.map((m) => m.pending),
      months.map((m) => m.children),
      months.map((m) => (m.hours ? JSON.stringify(m.hours) : null)),
      now,
    ],
  );
}

/** Every policy version each district has had, defaults filled in: a month is final only under all of them. */
export async function districtPolicyVersions(
  manager: EntityManager,
  districtIds: readonly string[],
): Promise<Map<string, DistrictPolicy[]>> {
  const rows: { districtId: string; settings: Partial<DistrictPolicy> }[] = await manager.query(
    `SELECT district_id AS "districtId", settings FROM district_policy WHERE district_id = ANY($1::uuid[])`,
    [districtIds],
  );
  const byDistrict = new Map<string, DistrictPolicy[]>();
  for (const row of rows) byDistrict.set(row.districtId, [...(byDistrict.get(row.districtId) ?? []), withPolicyDefaults(row.settings)]);
  return byDistrict;
}

/** Every district with the time zone of its policy in force: the nightly fill walks them. */
export async function districtsWithTimeZone(manager: EntityManager): Promise<{ id: string; timeZone: string }[]> {
  return manager.query(
    `SELECT d.id, p.settings->>'timeZone' AS "timeZone" FROM district d JOIN district_policy p ON p.district_id = d.id AND p.version = d.policy_version`,
  );
}

export async function storedMonthCount(manager: EntityManager): Promise<number> {
  const [row]: [{ n: number }] = await manager.query(`SELECT count(*)::int AS n FROM indicator_month`);
  return row.n;
}
