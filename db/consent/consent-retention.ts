import type { EntityManager } from 'typeorm';
import { deadlineStepRepository } from '../deadlines';
import { NOTHING_SWEPT, pickDue, type RetentionBatch, type RetentionOutcome, type RetentionRule } from '../personal-data/personal-data';

/**
 * A consent goes with its case's time: anonymised, not deleted, so the withdrawals of its period still count; the
 * guardians who gave it, the oral note, the document's reference and the withdrawal note go, with its expiry clock's
 * pending steps. A hold on the case or the child keeps it.
 */
async function anonymiseConsents(manager: EntityManager, batch: RetentionBatch): Promise<RetentionOutcome> {
  const ids = await pickDue(
    manager,
    batch,
    'consent cs JOIN collaboration_case c ON c.id = cs.case_id',
    'cs',
    `c.district_id = $1 AND c.closed_at < $2 AND NOT (${batch.kept('c.child_id', 'c.id')})`,
  );
  if (!ids.length) return NOTHING_SWEPT;
  await manager.query(
    `UPDATE consent SET guardian_ids = '{}', oral_note = NULL, document_reference = NULL, withdrawal_note = NULL WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return { recordIds: ids, deadlineStepIds: await deadlineStepRepository.deletePendingOf(manager, ids) };
}

export const CONSENT_RETENTION: readonly RetentionRule[] = [
  {
    recordType: 'CONSENT',
    measuredFrom: "the closure of the consent's case",
    setting: 'retentionCollaborationMonths',
    action: 'ANONYMISE',
    sweep: anonymiseConsents,
  },
];
