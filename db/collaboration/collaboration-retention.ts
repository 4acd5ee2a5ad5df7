import type { EntityManager } from 'typeorm';
import { deadlineStepRepository } from '../deadlines';
import { NOTHING_SWEPT, pickDue, type RetentionBatch, type RetentionOutcome, type RetentionRule } from '../personal-data/personal-data';

/**
 * A closed case is anonymised, not deleted: its dates, model, state changes and its plan actions' due dates and
 * statuses stay, so the collaboration indicators of its period do not change. Its concern, the youth's goals, the
 * action texts, the plan goals, the notes, the meetings (their minutes and cancellation reasons) and the team go, with the pending steps of every clock
 * of the case, its actions and its meetings. A hold on the case or the child keeps all of it.
 */
async function anonymiseCases(manager: EntityManager, batch: RetentionBatch): Promise<RetentionOutcome> {
  const ids = await pickDue(
    manager,
    batch,
    'collaboration_case c',
    'c',
    `c.district_id = $1 AND c.closed_at < $2 AND NOT (${batch.kept('c.child_id', 'c.id')})`,
  );
  if (!ids.length) return NOTHING_SWEPT;
  const subjects = (await manager.query(
    `SELECT id FROM plan_action WHERE case_id = ANY($1::uuid[]) UNION ALL SELECT id FROM collaboration_meeting WHERE case_id = ANY($1::uuid[])`,
    [ids],
  )) as { id: string }[];
  await manager.query(
    `UPDATE collaboration_case SET concern = '', model_override_reason = NULL, closing_note = NULL, youth_goals = '{}'
      WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  await manager.query(`UPDATE plan_action SET description = '', cancel_reason = NULL WHERE case_id = ANY($1::uuid[])`, [ids]);
  await manager.query(`DELETE FROM plan_action_note n USING plan_action a WHERE n.action_id = a.id AND a.case_id = ANY($1::uuid[])`, [ids]);
  for (const table of ['plan_goal', 'collaboration_meeting', 'collaboration_team_member'])
    await manager.query(`DELETE FROM ${table} WHERE case_id = ANY($1::uuid[])`, [ids]);
  const steps = await deadlineStepRepository.deletePendingOf(manager, [...ids, ...subjects.map((s) => s.id)]);
  return { recordIds: ids, deadlineStepIds: steps };
}

export const COLLABORATION_RETENTION: readonly RetentionRule[] = [
  {
    recordType: 'COLLABORATION_CASE',
    measuredFrom: 'the closure of the case',
    setting: 'retentionCollaborationMonths',
    action: 'ANONYMISE',
    sweep: anonymiseCases,
  },
];
