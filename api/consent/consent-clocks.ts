import { caseClockSubject, CaseRow } from '../../db/collaboration/collaboration.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { expiryWarningAt } from '../../domain/consent/consent-rules';

type CaseBasics = Pick<CaseRow, 'id' | 'reference' | 'districtId' | 'policyVersion' | 'coordinatorUserId'>;

/** The consent's clock: a warning to the coordinator before its end date, through the deadlines engine. */
export const consentClocks = {
  /** Warnings in the district's window before a consent's end date. */
  async start(uow: UnitOfWork, theCase: CaseBasics, consentId: string, givenAt: Date, endsAt: Date | null): Promise<void> {
    const policy = await uow.policy(theCase.districtId, theCase.policyVersion);
    const warnFrom = expiryWarningAt({ givenAt, endsAt }, policy);
    if (!warnFrom || !endsAt) return;
    const startsAt = new Date(Math.max(warnFrom.getTime(), uow.now.getTime()));
    if (endsAt.getTime() <= startsAt.getTime()) return;
    await uow.clocks.start(caseClockSubject(theCase, 'CONSENT', consentId, theCase.coordinatorUserId), 'CONSENT_EXPIRY', {
      startsAt,
      dueAt: endsAt,
    });
  },

  /** A withdrawn consent, or one of a closed case, warns no more. */
  async stop(uow: UnitOfWork, theCase: CaseBasics, consentId: string): Promise<void> {
    await uow.clocks.cancel(caseClockSubject(theCase, 'CONSENT', consentId, theCase.coordinatorUserId), 'CONSENT_EXPIRY');
  },
};
