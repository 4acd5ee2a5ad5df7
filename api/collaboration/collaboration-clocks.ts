import { caseClockSubject, CaseRow } from '../../db/collaboration/collaboration.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { followUpReminderAt, isOpen, staleAt } from '../../domain/collaboration/collaboration-rules';
import { DistrictPolicy } from '../../domain/districts/district-policy';

type CaseBasics = Pick<CaseRow, 'id' | 'reference' | 'districtId' | 'policyVersion' | 'coordinatorUserId'>;

function policyOf(uow: UnitOfWork, theCase: CaseBasics): Promise<DistrictPolicy> {
  return uow.policy(theCase.districtId, theCase.policyVersion);
}

/** The collaboration clocks: every one runs through the deadlines engine, from the database. */
export const collaborationClocks = {
  /** Restarts the stale-case clock from now; a closed case has none. */
  async touch(uow: UnitOfWork, theCase: CaseBasics & Pick<CaseRow, 'state'>): Promise<void> {
    const s = caseClockSubject(theCase, 'COLLABORATION_CASE', theCase.id, theCase.coordinatorUserId);
    await uow.clocks.cancel(s, 'CASE_STALE');
    if (!isOpen(theCase.state)) return;
    await uow.clocks.start(s, 'CASE_STALE', { dueAt: staleAt(uow.now, await policyOf(uow, theCase)) });
  },

  async closeCase(uow: UnitOfWork, theCase: CaseBasics): Promise<void> {
    await uow.clocks.cancel(caseClockSubject(theCase, 'COLLABORATION_CASE', theCase.id, theCase.coordinatorUserId), 'CASE_STALE');
  },

  /** Reminders to the responsible person before the due date; the overdue step escalates to the coordinators. */
  async startAction(uow: UnitOfWork, theCase: CaseBasics, actionId: string, responsibleUserId: string, dueAt: Date): Promise<void> {
    await uow.clocks.start(caseClockSubject(theCase, 'PLAN_ACTION', actionId, responsibleUserId), 'PLAN_ACTION_DUE', { dueAt });
  },

  async finishAction(uow: UnitOfWork, theCase: CaseBasics, actionId: string, cancelled: boolean): Promise<void> {
    const s = caseClockSubject(theCase, 'PLAN_ACTION', actionId, theCase.coordinatorUserId);
    if (cancelled) await uow.clocks.cancel(s, 'PLAN_ACTION_DUE');
    else await uow.clocks.meet(s, 'PLAN_ACTION_DUE');
  },

  async moveAction(uow: UnitOfWork, theCase: CaseBasics, actionId: string, responsibleUserId: string, dueAt: Date): Promise<void> {
    await uow.clocks.cancel(caseClockSubject(theCase, 'PLAN_ACTION', actionId, responsibleUserId), 'PLAN_ACTION_DUE');
    await this.startAction(uow, theCase, actionId, responsibleUserId, dueAt);
  },

  /** The coordinator is reminded in the lead window before the meeting; the clock is met when the meeting is recorded. */
  async startFollowUp(uow: UnitOfWork, theCase: CaseBasics, meetingId: string, scheduledAt: Date): Promise<void> {
    const policy = await policyOf(uow, theCase);
    const startsAt = followUpReminderAt(scheduledAt, uow.now, policy);
    if (scheduledAt.getTime() <= startsAt.getTime()) return;
    await uow.clocks.start(caseClockSubject(theCase, 'FOLLOW_UP', meetingId, theCase.coordinatorUserId), 'FOLLOW_UP_REMINDER', {
      startsAt,
      dueAt: scheduledAt,
    });
  },

  async cancelFollowUp(uow: UnitOfWork, theCase: CaseBasics, meetingId: string): Promise<void> {
    await uow.clocks.cancel(caseClockSubject(theCase, 'FOLLOW_UP', meetingId, theCase.coordinatorUserId), 'FOLLOW_UP_REMINDER');
  },

  async meetFollowUp(uow: UnitOfWork, theCase: CaseBasics, meetingId: string): Promise<void> {
    await uow.clocks.meet(caseClockSubject(theCase, 'FOLLOW_UP', meetingId, theCase.coordinatorUserId), 'FOLLOW_UP_REMINDER');
  },
};
