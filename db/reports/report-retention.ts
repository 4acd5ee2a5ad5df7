import type { EntityManager } from 'typeorm';
import { PreliminaryDecision } from '../../domain/reports/report-rules';
import { deadlineStepRepository } from '../deadlines';
import { NOTHING_SWEPT, pickDue, type RetentionBatch, type RetentionOutcome, type RetentionRule } from '../personal-data/personal-data';

/**
 * A report is anonymised, not deleted: its dates, category and decisions stay so the indicators of its period do
 * not change; every text that names or describes a person goes, and the clocks' pending steps go with their jobs (the
 * deadline rows stay: they hold no personal data and the indicators count them).
 */
async function anonymise(manager: EntityManager, batch: RetentionBatch, which: string, lastEntry: string): Promise<RetentionOutcome> {
  const ids = await pickDue(
    manager,
    batch,
    'report r',
    'r',
    `r.district_id = $1 AND ${which} AND ${lastEntry} < $2 AND NOT (${batch.kept('r.child_id')})`,
  );
  if (!ids.length) return NOTHING_SWEPT;
  await manager.query(
    `UPDATE report SET description = '', child_as_reported = '', reporter_contact = NULL, police_reference = NULL,
            suspected_offence = NULL, protection_note = NULL, late_reason_text = NULL, investigation_extension_reason = NULL,
            identity_mismatch_record_name = NULL, ongoing_investigation_reference = NULL
      WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  await manager.query(`UPDATE investigation_extension SET reason_text = NULL WHERE report_id = ANY($1::uuid[])`, [ids]);
  return { recordIds: ids, deadlineStepIds: await deadlineStepRepository.deletePendingOf(manager, ids) };
}

const LAST_ENTRY = `GREATEST(r.received_at, r.protection_assessed_at, r.preliminary_decided_at, r.feedback_given_at)`;

export const REPORT_RETENTION: readonly RetentionRule[] = [
  {
    recordType: 'REPORT_NO_INVESTIGATION',
    measuredFrom: 'the last entry: receipt, protection assessment, preliminary decision or feedback, whichever is latest',
    setting: 'retentionReportMonths',
    action: 'ANONYMISE',
    sweep: (manager, batch) =>
      anonymise(
        manager,
        batch,
        `r.preliminary_decision IN ('${PreliminaryDecision.NO_INVESTIGATION}', '${PreliminaryDecision.ALREADY_ONGOING}')`,
        LAST_ENTRY,
      ),
  },
  {
    recordType: 'REPORT_INVESTIGATION',
    measuredFrom: 'the closure of the investigation (or feedback given after it)',
    setting: 'retentionInvestigationMonths',
    action: 'ANONYMISE',
    sweep: (manager, batch) =>
      anonymise(
        manager,
        batch,
        `r.preliminary_decision = '${PreliminaryDecision.OPEN_INVESTIGATION}' AND r.investigation_closed_at IS NOT NULL`,
        `GREATEST(r.investigation_closed_at, r.feedback_given_at)`,
      ),
  },
];
