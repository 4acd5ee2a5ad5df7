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

/** The earliest and latest submission times a reporter may state. */
export function checkSubmittedAt(submittedAt: Date, now: Date, maxAgeDays: number): 'FUTURE' | 'TOO_OLD' | null {
  if (submittedAt.getTime() > now.getTime() + 60_000) return 'FUTURE';
  if (now.getTime() - submittedAt.getTime() > maxAgeDays * 86_400_000) return 'TOO_OLD';
  return null;
}

/** A report may be registered up to a year after it was received (letters found late, system outages). */
export const MAX_BACKDATED_DAYS = 365;
