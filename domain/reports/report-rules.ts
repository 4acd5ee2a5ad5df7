/** Categories seen in the municipal documents (DOMAIN.md §3). */
export enum ReportCategory {
  UNSUITABLE_ENVIRONMENT = 'UNSUITABLE_ENVIRONMENT',
  CRIMINAL_BEHAVIOUR = 'CRIMINAL_BEHAVIOUR',
  SUSPECTED_CRIME = 'SUSPECTED_CRIME',
  DRUGS = 'DRUGS',
  SCHOOL_ABSENCE = 'SCHOOL_ABSENCE',
  OTHER = 'OTHER',
}

export enum ReporterKind {
  POLICE = 'POLICE',
  SCHOOL = 'SCHOOL',
  LEISURE = 'LEISURE',
  /** A private person, registered by social services. */
  PRIVATE_PERSON = 'PRIVATE_PERSON',
  OTHER_PROFESSIONAL = 'OTHER_PROFESSIONAL',
}

export enum ReportChannel {
  DIGITAL = 'DIGITAL',
  PHONE = 'PHONE',
  LETTER = 'LETTER',
}

export enum PreliminaryDecision {
  OPEN_INVESTIGATION = 'OPEN_INVESTIGATION',
  NO_INVESTIGATION = 'NO_INVESTIGATION',
  ALREADY_ONGOING = 'ALREADY_ONGOING',
}

export interface DecisionCheck {
  readonly protectionAssessedAt: Date | null;
  readonly preliminaryDecidedAt: Date | null;
  readonly preliminaryDueAt: Date;
  readonly now: Date;
  readonly lateReason: string | null | undefined;
}

export type DecisionProblem = 'NO_PROTECTION_ASSESSMENT' | 'ALREADY_DECIDED' | 'LATE_WITHOUT_REASON';

/** A decision needs a protection assessment first, is made once, and a late one needs a recorded reason (workload is not one). */
export function checkPreliminaryDecision(c: DecisionCheck): DecisionProblem | null {
  if (c.preliminaryDecidedAt) return 'ALREADY_DECIDED';
  if (!c.protectionAssessedAt) return 'NO_PROTECTION_ASSESSMENT';
  if (c.now.getTime() > c.preliminaryDueAt.getTime() && !c.lateReason?.trim()) return 'LATE_WITHOUT_REASON';
  return null;
}

/**
 * The earliest and latest time a reporter may say they observed the concern.
 * Information only: the clocks run from receipt, never from this.
 */
export function checkObservedAt(observedAt: Date, now: Date, maxAgeDays: number): 'FUTURE' | 'TOO_OLD' | null {
  if (observedAt.getTime() > now.getTime() + 60_000) return 'FUTURE';
  if (now.getTime() - observedAt.getTime() > maxAgeDays * 86_400_000) return 'TOO_OLD';
  return null;
}

/** A reporter may describe a concern observed up to a year ago. */
export const MAX_OBSERVED_AGE_DAYS = 365;

/**
 * When a report reached social services, which starts every clock (SoL 11:1 a:
 * "efter det att det kommit till socialtjänstens kännedom"). A digital report is
 * received when the server takes it; social services registering a phone call
 * or letter may set it back at most `maxBackdateDays` (a district setting).
 */
export function checkReceivedAt(receivedAt: Date, now: Date, maxBackdateDays: number): 'FUTURE' | 'BEFORE_WINDOW' | null {
  if (receivedAt.getTime() > now.getTime()) return 'FUTURE';
  if (now.getTime() - receivedAt.getTime() > maxBackdateDays * 86_400_000) return 'BEFORE_WINDOW';
  return null;
}
