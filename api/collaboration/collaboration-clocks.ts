import { caseClockSubject, CaseRow } from '../../db/collaboration/collaboration.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { followUpReminderAt, isOpen, staleAt } from '../../domain/collaboration/collaboration-rules';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { DistrictPolicy } from '../../domain/districts/district-policy';

type CaseBasics = Pick<CaseRow, 'id' | 'reference' | 'districtId' | 'policyVersion' | 'coordinatorUserId'>;

function policyOf(uow: UnitOfWork, theCase: CaseBasics): Promise<DistrictPolicy> {
  return uow.policy(theCase.districtId, theCase.policyVersion);
}

/** The collaboration clocks: every one runs through the deadlines engine, from the database. */
export const collaborationClocks = {
  /** Restarts the stale-case clock from now; a closed case has none. */
  async touch(uow: UnitOfWork, theCase: CaseBasics & Pick<CaseRow, 'state'>): Promise<void> {
    const s = caseClockSubject(theCase, DeadlineSubject.COLLABORATION_CASE, theCase.id, theCase.coordinatorUserId);
    await uow.clocks.cancel(s, DeadlineKind.CASE_STALE);
    if (!isOpen(theCase.state)) return;
    await uow.clocks.start(s, DeadlineKind.CASE_STALE, { dueAt: staleAt(uow.now, await policyOf(uow, theCase)) });
  },

  async closeCase(uow: UnitOfWork, theCase: CaseBasics): Promise<void> {
    await uow.clocks.cancel(
      caseClockSubject(theCase, DeadlineSubject.COLLABORATION_CASE, theCase.id, theCase.coordinatorUserId),
      DeadlineKind.CASE_STALE,
    );
  },

  /** Reminders to the responsible person before the due date; the overdue step escalates to the coordinators. */
  async startAction(uow: UnitOfWork, theCase: CaseBasics, actionId: string, responsibleUserId: string, dueAt: Date): Promise<void> {
    await uow.clocks.start(
      caseClockSubject(theCase, DeadlineSubject.PLAN_ACTION, actionId, responsibleUserId),
      DeadlineKind.PLAN_ACTION_DUE,
      { dueAt },
    );
  },

  async finishAction(uow: UnitOfWork, theCase: CaseBasics, actionId: string, cancelled: boolean): Promise<void> {
    const s = caseClockSubject(theCase, DeadlineSubject.PLAN_ACTION, actionId, theCase.coordinatorUserId);
    if (cancelled) await uow.clocks.cancel(s, DeadlineKind.PLAN_ACTION_DUE);
    else await uow.clocks.meet(s, DeadlineKind.PLAN_ACTION_DUE);
  },

  async moveAction(uow: UnitOfWork, theCase: CaseBasics, actionId: string, responsibleUserId: string, dueAt: Date): Promise<void> {
    await uow.clocks.cancel(
      caseClockSubject(theCase, DeadlineSubject.PLAN_ACTION, actionId, responsibleUserId),
      DeadlineKind.PLAN_ACTION_DUE,
    );
    await this.startAction(uow, theCase, actionId, responsibleUserId, dueAt);
  },

  /** The coordinator is reminded in the lead window before the meeting; the clock is met when the meeting is recorded. */
  async startFollowUp(uow: UnitOfWork, theCase: CaseBasics, meetingId: string, scheduledAt: Date): Promise<void> {
    const policy = await policyOf(uow, theCase);
    const startsAt = followUpReminderAt(scheduledAt, uow.now, policy);
    if (scheduledAt.getTime() <= startsAt.getTime()) return;
    await uow.clocks.start(
      caseClockSubject(theCase, DeadlineSubject.FOLLOW_UP, meetingId, theCase.coordinatorUserId),
      DeadlineKind.FOLLOW_UP_REMINDER,
      { startsAt, dueAt: scheduledAt },
    );
  },

  async cancelFollowUp(uow: UnitOfWork, theCase: CaseBasics, meetingId: string): Promise<void> {
    await uow.clocks.cancel(
      caseClockSubject(theCase, DeadlineSubject.FOLLOW_UP, meetingId, theCase.coordinatorUserId),
      DeadlineKind.FOLLOW_UP_REMINDER,
    );
  },

  async meetFollowUp(uow: UnitOfWork, theCase: CaseBasics, meetingId: string): Promise<void> {
    await uow.clocks.meet(
      caseClockSubject(theCase, DeadlineSubject.FOLLOW_UP, meetingId, theCase.coordinatorUserId),
      DeadlineKind.FOLLOW_UP_REMINDER,
    );
  },
};
