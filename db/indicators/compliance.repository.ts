import { EntityManager } from 'typeorm';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { REPORTS_LEGAL_CEILINGS } from '../../domain/reports/reports.settings';
import { PreliminaryDecision } from '../../domain/reports/report-rules';
import { DistrictPeriod } from './indicator.repository';

export interface ComplianceItem {
  readonly districtId: string;
  readonly month: number;
  readonly clock: DeadlineKind;
  readonly reportId: string;
  readonly childId: string;
  readonly reference: string;
  readonly dueAt: Date;
  readonly doneAt: Date | null;
  readonly met: boolean;
  readonly reason: string | null;
  readonly reasonText: string | null;
}

/**
 * Every legal clock (and the feedback clock) of the districts that fell due in the period, before `now`: met when done
 * by its limit, late otherwise, with the reason recorded for it. The law's limits, as in the indicators; feedback from
 * its deadline row (the district's setting at receipt). Reports that can fall due in the period came in at most
 * four months before it, plus the longest feedback setting; the scan reaches back a year to be safe.
 */
export async function complianceItems(manager: EntityManager, periods: readonly DistrictPeriod[], now: Date): Promise<ComplianceItem[]> {
  if (!periods.length) return [];
  return manager.query(
    `WITH d AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS d(district_id, tz, period_from, period_to)),
     r AS (
       SELECT r.*, coalesce(dp.settings->>'timeZone', d.tz) AS receipt_tz, d.tz, d.period_from, d.period_to
         FROM report r JOIN d ON d.district_id = r.district_id AND r.received_at >= d.period_from - interval '1 year' AND r.received_at < d.period_to
         JOIN district_policy dp ON dp.district_id = r.district_id AND dp.version = r.policy_version),
     clocks AS (
       SELECT r.*, '${'PROTECTION_ASSESSMENT'}' AS clock, r.received_at + make_interval(hours => $6) AS due_at,
              r.protection_assessed_at AS done_at, NULL::text AS reason, NULL::text AS reason_text FROM r
       UNION ALL
       SELECT r.*, '${'PRELIMINARY_ASSESSMENT'}', ((r.received_at AT TIME ZONE r.receipt_tz) + make_interval(days => $7)) AT TIME ZONE r.receipt_tz,
              r.preliminary_decided_at, r.late_reason, r.late_reason_text FROM r
       UNION ALL
       SELECT r.*, '${'INVESTIGATION'}', ((r.preliminary_decided_at AT TIME ZONE r.receipt_tz) + make_interval(months => $8)) AT TIME ZONE r.receipt_tz,
              r.investigation_closed_at, x.reason, x.reason_text
         FROM r LEFT JOIN LATERAL (SELECT e.reason, e.reason_text FROM investigation_extension e WHERE e.report_id = r.id ORDER BY e.decided_at DESC LIMIT 1) x ON true
        WHERE r.preliminary_decision = '${PreliminaryDecision.OPEN_INVESTIGATION}'
       UNION ALL
       SELECT r.*, '${'FEEDBACK'}', fb.due_at, r.feedback_given_at, NULL, NULL
         FROM r JOIN LATERAL (SELECT min(dl.due_at) AS due_at FROM deadline dl
                               WHERE dl.subject_type = 'REPORT' AND dl.subject_id = r.id AND dl.kind = '${'FEEDBACK'}') fb ON fb.due_at IS NOT NULL
        WHERE r.feedback_requested)
     SELECT c.district_id AS "districtId", c.clock, c.id AS "reportId", c.child_id AS "childId", c.reference, c.due_at AS "dueAt", c.done_at AS "doneAt",
            coalesce(c.done_at <= c.due_at, false) AS met, c.reason, c.reason_text AS "reasonText",
            ((extract(year FROM c.due_at AT TIME ZONE c.tz) * 12 + extract(month FROM c.due_at AT TIME ZONE c.tz) - 1)::int) AS month
       FROM clocks c
      WHERE c.due_at >= c.period_from AND c.due_at < c.period_to AND c.due_at <= $5
      ORDER BY c.district_id, month, c.clock, c.due_at`,
    [
      periods.map((p) => p.districtId),
      periods.map((p) => p.timeZone),
      periods.map((p) => p.from),
      periods.map((p) => p.to),
      now,
      REPORTS_LEGAL_CEILINGS.protectionAssessmentHours.max,
      REPORTS_LEGAL_CEILINGS.preliminaryAssessmentDays.max,
      REPORTS_LEGAL_CEILINGS.investigationMonths.max,
    ],
  );
}
