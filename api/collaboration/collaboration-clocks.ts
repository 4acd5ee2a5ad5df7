import { CaseRow } from '../../db/collaboration/collaboration.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { followUpReminderAt, isOpen, staleAt } from '../../domain/collaboration/collaboration-rules';
import { expiryWarningAt } from '../../domain/consent/consent-rules';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { ClockSubject } from '../../domain/deadlines/deadline-subjects';
import { DistrictPolicy } from '../../domain/districts/district-policy';

type CaseBasics = Pick<CaseRow, 'id' | 'reference' | 'districtId' | 'policyVersion' | 'coordinatorUserId'>;

/** Clocks name the case reference only, never the child. */
function subject(theCase: CaseBasics, type: DeadlineSubject, id: string, responsibleUserId: string): ClockSubject {
  return { type, id, reference: theCase.reference, districtId: theCase.districtId, policyVersion: theCase.policyVersion, responsibleUserId };
}

function policyOf(uow: UnitOfWork, theCase: CaseBasics): Promise<DistrictPolicy> {
  return uow.policy(theCase.districtId, theCase.policyVersion);
}

/** The collaboration clocks: every one runs through the deadlines engine, from the database. */
export const collaborationClocks = {
  /** Restarts the stale-case clock from now; a closed case has none. */
  async touch(uow: UnitOfWork, theCase: CaseBasics & Pick<CaseRow, 'state'>): Promise<void> {
    const s = subject(theCase, DeadlineSubject.COLLABORATION_CASE, theCase.id, theCase.coordinatorUserId);
    await uow.clocks.cancel(s, DeadlineKind.CASE_STALE);
    if (!isOpen(theCase.state)) return;
    await uow.clocks.start(s, DeadlineKind.CASE_STALE, { dueAt: staleAt(uow.now, await policyOf(uow, theCase)) });
  },

  async closeCase(uow: UnitOfWork, theCase: CaseBasics): Promise<void> {
    await uow.clocks.cancel(subject(theCase, DeadlineSubject.COLLABORATION_CASE, theCase.id, theCase.coordinatorUserId), DeadlineKind.CASE_STALE);
  },

  /** Reminders to the responsible person before the due date; the overdue step escalates to the coordinators. */
  async startAction(uow: UnitOfWork, theCase: CaseBasics, actionId: string, responsibleUserId: string, dueAt: Date): Promise<void> {
    await uow.clocks.start(subject(theCase, DeadlineSubject.PLAN_ACTION, actionId, responsibleUserId), DeadlineKind.PLAN_ACTION_DUE, { dueAt });
  },

  async finishAction(uow: UnitOfWork, theCase: CaseBasics, actionId: string, cancelled: boolean): Promise<void> {
    const s = subject(theCase, DeadlineSubject.PLAN_ACTION, actionId, theCase.coordinatorUserId);
    if (cancelled) await uow.clocks.cancel(s, DeadlineKind.PLAN_ACTION_DUE);
    else await uow.clocks.meet(s, DeadlineKind.PLAN_ACTION_DUE);
  },

  async moveAction(uow: UnitOfWork, theCase: CaseBasics, actionId: string, responsibleUserId: string, dueAt: Date): Promise<void> {
    await uow.clocks.cancel(subject(theCase, DeadlineSubject.PLAN_ACTION, actionId, responsibleUserId), DeadlineKind.PLAN_ACTION_DUE);
    await this.startAction(uow, theCase, actionId, responsibleUserId, dueAt);
  },

  /** The coordinator is reminded in the lead window before the meeting; the clock is met when the meeting is recorded. */
  async startFollowUp(uow: UnitOfWork, theCase: CaseBasics, meetingId: string, scheduledAt: Date): Promise<void> {
    const policy = await policyOf(uow, theCase);
    const startsAt = followUpReminderAt(scheduledAt, uow.now, policy);
    if (scheduledAt.getTime() <= startsAt.getTime()) return;
    await uow.clocks.start(subject(theCase, DeadlineSubject.FOLLOW_UP, meetingId, theCase.coordinatorUserId), DeadlineKind.FOLLOW_UP_REMINDER,
      { startsAt, dueAt: scheduledAt });
  },

  async cancelFollowUp(uow: UnitOfWork, theCase: CaseBasics, meetingId: string): Promise<void> {
    await uow.clocks.cancel(subject(theCase, DeadlineSubject.FOLLOW_UP, meetingId, theCase.coordinatorUserId), DeadlineKind.FOLLOW_UP_REMINDER);
  },

  async meetFollowUp(uow: UnitOfWork, theCase: CaseBasics, meetingId: string): Promise<void> {
    await uow.clocks.meet(subject(theCase, DeadlineSubject.FOLLOW_UP, meetingId, theCase.coordinatorUserId), DeadlineKind.FOLLOW_UP_REMINDER);
  },

  /** Warnings in the district's window before a consent's end date. */
  async startConsent(uow: UnitOfWork, theCase: CaseBasics, consentId: string, givenAt: Date, endsAt: Date | null): Promise<void> {
    const policy = await policyOf(uow, theCase);
    const warnFrom = expiryWarningAt({ givenAt, endsAt }, policy);
    if (!warnFrom || !endsAt) return;
    const startsAt = new Date(Math.max(warnFrom.getTime(), uow.now.getTime()));
    if (endsAt.getTime() <= startsAt.getTime()) return;
    await uow.clocks.start(subject(theCase, DeadlineSubject.CONSENT, consentId, theCase.coordinatorUserId), DeadlineKind.CONSENT_EXPIRY,
      { startsAt, dueAt: endsAt });
  },

  async withdrawConsent(uow: UnitOfWork, theCase: CaseBasics, consentId: string): Promise<void> {
    await uow.clocks.cancel(subject(theCase, DeadlineSubject.CONSENT, consentId, theCase.coordinatorUserId), DeadlineKind.CONSENT_EXPIRY);
  },
};
