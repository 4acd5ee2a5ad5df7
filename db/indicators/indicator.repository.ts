import { EntityManager } from 'typeorm';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { LONGEST_REPORT_CLOCK_DAYS } from '../../domain/districts/district-policy';
import { IndicatorCounts, ReportIndicator } from '../../domain/indicators/report-indicators';

export interface DistrictIndicatorCounts {
  districtId: string;
  districtName: string;
  counts: { readonly [I in ReportIndicator]: IndicatorCounts };
}

/** One pass over the period's reports; due times come from the deadline rows, not recomputed. */
export async function reportIndicatorCounts(manager: EntityManager, districtIds: readonly string[], from: Date, to: Date): Promise<DistrictIndicatorCounts[]> {
  // The period's report clocks end at most LONGEST_REPORT_CLOCK_DAYS after it, which bounds the deadline scan.
  const dueBefore = new Date(to.getTime() + (LONGEST_REPORT_CLOCK_DAYS + 1) * 86_400_000);
  const rows = await manager.query(
    `WITH r AS (
       SELECT r.id, r.child_id, r.district_id, r.feedback_requested, r.feedback_given_at, r.protection_assessed_at, r.preliminary_decided_at
         FROM report r WHERE r.district_id = ANY($1::uuid[]) AND r.received_at >= $2 AND r.received_at < $3),
     dl AS (
       SELECT d.subject_id,
              min(d.due_at) FILTER (WHERE d.kind = '${DeadlineKind.PROTECTION_ASSESSMENT}') AS protection_due,
              min(d.due_at) FILTER (WHERE d.kind = '${DeadlineKind.PRELIMINARY_ASSESSMENT}') AS preliminary_due,
              min(d.due_at) FILTER (WHERE d.kind = '${DeadlineKind.FEEDBACK}') AS feedback_due
         FROM deadline d JOIN r ON r.id = d.subject_id
        WHERE d.subject_type = 'REPORT' AND d.district_id = ANY($1::uuid[]) AND d.due_at >= $2 AND d.due_at < $4
          AND d.kind IN ('${DeadlineKind.PROTECTION_ASSESSMENT}', '${DeadlineKind.PRELIMINARY_ASSESSMENT}', '${DeadlineKind.FEEDBACK}')
        GROUP BY d.subject_id)
     SELECT dist.id AS "districtId", dist.name AS "districtName",
            count(r.id)::int AS received,
            count(DISTINCT r.child_id)::int AS children,
            count(r.id) FILTER (WHERE r.protection_assessed_at <= dl.protection_due)::int AS protection_on_time,
            count(r.id) FILTER (WHERE r.preliminary_decided_at <= dl.preliminary_due)::int AS preliminary_on_time,
            count(r.id) FILTER (WHERE r.feedback_requested)::int AS requested,
            count(DISTINCT r.child_id) FILTER (WHERE r.feedback_requested)::int AS requested_children,
            count(r.id) FILTER (WHERE r.feedback_requested AND r.feedback_given_at IS NOT NULL)::int AS given,
            count(r.id) FILTER (WHERE r.feedback_requested AND r.feedback_given_at <= dl.feedback_due)::int AS given_on_time
       FROM district dist LEFT JOIN r ON r.district_id = dist.id LEFT JOIN dl ON dl.subject_id = r.id
      WHERE dist.id = ANY($1::uuid[])
      GROUP BY dist.id, dist.name ORDER BY dist.name`,
    [districtIds, from, to, dueBefore],
  );
  return rows.map((row: Record<string, any>) => ({
    districtId: row.districtId,
    districtName: row.districtName,
    counts: {
      [ReportIndicator.PROTECTION_ASSESSMENT_ON_TIME]: { numerator: row.protection_on_time, denominator: row.received, children: row.children },
      [ReportIndicator.PRELIMINARY_ASSESSMENT_ON_TIME]: { numerator: row.preliminary_on_time, denominator: row.received, children: row.children },
      [ReportIndicator.FEEDBACK_GIVEN]: { numerator: row.given, denominator: row.requested, children: row.requested_children },
      [ReportIndicator.FEEDBACK_GIVEN_ON_TIME]: { numerator: row.given_on_time, denominator: row.requested, children: row.requested_children },
    },
  }));
}
