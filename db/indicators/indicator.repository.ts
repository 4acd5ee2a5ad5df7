import { EntityManager } from 'typeorm';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { DEFAULT_DISTRICT_POLICY, LEGAL_CEILINGS, LONGEST_REPORT_CLOCK_DAYS } from '../../domain/districts/district-policy';
import { IndicatorCounts, ReportIndicator } from '../../domain/indicators/report-indicators';

export interface DistrictIndicatorCounts {
  districtId: string;
  districtName: string;
  counts: { readonly [I in ReportIndicator]: IndicatorCounts };
}

/** One district's period: whole calendar periods in its time zone, half-open. */
export interface DistrictPeriod {
  readonly districtId: string;
  readonly from: Date;
  readonly to: Date;
}

/**
 * One pass over the periods' reports. The protection and preliminary assessments are measured against the law's
 * limits (the preliminary one in calendar days of the time zone in force at receipt); feedback, which the law sets
 * no limit for, against its deadline row, computed from the district's setting in force when the report came in.
 * An item not done whose limit is still ahead of `now` is pending.
 */
export async function reportIndicatorCounts(
  manager: EntityManager,
  periods: readonly DistrictPeriod[],
  now: Date,
): Promise<DistrictIndicatorCounts[]> {
  if (!periods.length) return [];
  const earliest = new Date(Math.min(...periods.map((p) => p.from.getTime())));
  // The periods' report clocks end at most LONGEST_REPORT_CLOCK_DAYS after them, which bounds the deadline scan.
  const dueBefore = new Date(Math.max(...periods.map((p) => p.to.getTime())) + (LONGEST_REPORT_CLOCK_DAYS + 1) * 86_400_000);
  const rows = await manager.query(
    `WITH p AS (
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS p(district_id, period_from, period_to)),
     r AS (
       SELECT r.id, r.child_id, r.district_id, r.feedback_requested, r.feedback_given_at, r.protection_assessed_at, r.preliminary_decided_at,
              r.received_at + make_interval(hours => $4) AS protection_limit,
              ((r.received_at AT TIME ZONE coalesce(dp.settings->>'timeZone', $9)) + make_interval(days => $5)) AT TIME ZONE coalesce(dp.settings->>'timeZone', $9) AS preliminary_limit
         FROM report r
         JOIN p ON p.district_id = r.district_id AND r.received_at >= p.period_from AND r.received_at < p.period_to
         JOIN district_policy dp ON dp.district_id = r.district_id AND dp.version = r.policy_version),
     fb AS (
       SELECT d.subject_id, min(d.due_at) AS feedback_due
         FROM deadline d JOIN r ON r.id = d.subject_id
        WHERE d.subject_type = 'REPORT' AND d.district_id = ANY($1::uuid[]) AND d.due_at >= $7 AND d.due_at < $8
          AND d.kind = '${DeadlineKind.FEEDBACK}'
        GROUP BY d.subject_id),
     s AS (
       SELECT r.*, fb.feedback_due,
              r.protection_assessed_at IS NULL AND r.protection_limit > $6 AS protection_pending,
              r.preliminary_decided_at IS NULL AND r.preliminary_limit > $6 AS preliminary_pending,
              r.feedback_requested AND r.feedback_given_at IS NULL AND fb.feedback_due > $6 AS feedback_pending
         FROM r LEFT JOIN fb ON fb.subject_id = r.id)
     SELECT dist.id AS "districtId", dist.name AS "districtName",
            count(s.id) FILTER (WHERE s.protection_assessed_at <= s.protection_limit)::int AS protection_on_time,
            count(s.id) FILTER (WHERE NOT s.protection_pending)::int AS protection_counted,
            count(s.id) FILTER (WHERE s.protection_pending)::int AS protection_pending,
            count(DISTINCT s.child_id) FILTER (WHERE NOT s.protection_pending)::int AS protection_children,
            count(s.id) FILTER (WHERE s.preliminary_decided_at <= s.preliminary_limit)::int AS preliminary_on_time,
            count(s.id) FILTER (WHERE NOT s.preliminary_pending)::int AS preliminary_counted,
            count(s.id) FILTER (WHERE s.preliminary_pending)::int AS preliminary_pending,
            count(DISTINCT s.child_id) FILTER (WHERE NOT s.preliminary_pending)::int AS preliminary_children,
            count(s.id) FILTER (WHERE s.feedback_requested AND s.feedback_given_at IS NOT NULL)::int AS given,
            count(s.id) FILTER (WHERE s.feedback_requested AND s.feedback_given_at <= s.feedback_due)::int AS given_on_time,
            count(s.id) FILTER (WHERE s.feedback_requested AND s.feedback_pending IS NOT TRUE)::int AS feedback_counted,
            count(s.id) FILTER (WHERE s.feedback_pending)::int AS feedback_pending,
            count(DISTINCT s.child_id) FILTER (WHERE s.feedback_requested AND s.feedback_pending IS NOT TRUE)::int AS feedback_children
       FROM district dist LEFT JOIN s ON s.district_id = dist.id
      WHERE dist.id = ANY($1::uuid[])
      GROUP BY dist.id, dist.name ORDER BY dist.name`,
    [
      periods.map((p) => p.districtId),
      periods.map((p) => p.from),
      periods.map((p) => p.to),
      LEGAL_CEILINGS.protectionAssessmentHours.max,
      LEGAL_CEILINGS.preliminaryAssessmentDays.max,
      now,
      earliest,
      dueBefore,
      DEFAULT_DISTRICT_POLICY.timeZone,
    ],
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- aggregate rows from raw SQL
  return rows.map((row: Record<string, any>) => {
    const feedback = (numerator: number): IndicatorCounts => ({
      numerator,
      denominator: row.feedback_counted,
      pending: row.feedback_pending,
      children: row.feedback_children,
    });
    return {
      districtId: row.districtId,
      districtName: row.districtName,
      counts: {
        [ReportIndicator.PROTECTION_ASSESSMENT_ON_TIME]: {
          numerator: row.protection_on_time,
          denominator: row.protection_counted,
          pending: row.protection_pending,
          children: row.protection_children,
        },
        [ReportIndicator.PRELIMINARY_ASSESSMENT_ON_TIME]: {
          numerator: row.preliminary_on_time,
          denominator: row.preliminary_counted,
          pending: row.preliminary_pending,
          children: row.preliminary_children,
        },
        [ReportIndicator.FEEDBACK_GIVEN]: feedback(row.given),
        [ReportIndicator.FEEDBACK_GIVEN_ON_TIME]: feedback(row.given_on_time),
      },
    };
  });
}
