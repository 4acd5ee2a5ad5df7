import type { EntityManager } from 'typeorm';
import { deadlineStepRepository } from '../deadlines';
import { NOTHING_SWEPT, pickDue, type RetentionBatch, type RetentionOutcome, type RetentionRule } from '../personal-data/personal-data';

const LAST_ENTRY = `GREATEST(t.created_at, t.summoned_at, t.held_at, t.closed_at, t.outcome_recorded_at)`;

/**
 * A talk is anonymised, not deleted: its dates, state, kind, holder and who attended in which role stay, so the talk
 * indicators of its period do not change; what was said, where, the names of invitees and the notes go, and the
 * pending steps of its clocks (held, summons, officer notice) with their jobs.
 */
async function anonymiseTalks(manager: EntityManager, batch: RetentionBatch): Promise<RetentionOutcome> {
  const ids = await pickDue(
    manager,
    batch,
    'talk t',
    't',
    `t.district_id = $1 AND ${LAST_ENTRY} < $2 AND NOT (${batch.kept('t.child_id')})`,
  );
  if (!ids.length) return NOTHING_SWEPT;
  await manager.query(
    `UPDATE talk SET location = NULL, delay_reason_text = NULL, child_voice = NULL, outcome_note = NULL WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  await manager.query(`UPDATE talk_participant SET name = NULL, guardian_id = NULL WHERE talk_id = ANY($1::uuid[])`, [ids]);
  await manager.query(`UPDATE talk_clearance SET note = NULL WHERE talk_id = ANY($1::uuid[])`, [ids]);
  return { recordIds: ids, deadlineStepIds: await deadlineStepRepository.deletePendingOf(manager, ids) };
}

/** The forum's reason for holding no talk, in its own words, goes with the report's time; the decision's code stays. */
async function clearForumReasons(manager: EntityManager, batch: RetentionBatch): Promise<RetentionOutcome> {
  const ids = await pickDue(
    manager,
    batch,
    'forum_item f JOIN forum_meeting m ON m.id = f.meeting_id JOIN report r ON r.id = f.report_id',
    'f',
    `m.district_id = $1 AND f.decided_at < $2 AND f.no_reason_text IS NOT NULL AND NOT (${batch.kept('r.child_id')})`,
  );
  if (!ids.length) return NOTHING_SWEPT;
  await manager.query(`UPDATE forum_item SET no_reason_text = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  return { recordIds: ids, deadlineStepIds: [] };
}

export const TALK_RETENTION: readonly RetentionRule[] = [
  {
    recordType: 'TALK',
    measuredFrom: 'the last entry: creation, summons, holding, closure or outcome, whichever is latest',
    setting: 'retentionTalkMonths',
    action: 'ANONYMISE',
    sweep: anonymiseTalks,
  },
];

export const FORUM_ITEM_RETENTION: readonly RetentionRule[] = [
  {
    recordType: 'FORUM_ITEM',
    measuredFrom: "the forum's decision",
    setting: 'retentionTalkMonths',
    action: 'ANONYMISE',
    sweep: clearForumReasons,
  },
];
