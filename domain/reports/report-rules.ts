/** Categories seen in the municipal documents (DOMAIN.md §3). */
export enum ReportCategory {
  UNSUITABLE_ENVIRONMENT = 'UNSUITABLE_ENVIRONMENT',
  CRIMINAL_BEHAVIOUR = 'CRIMINAL_BEHAVIOUR',
  SUSPECTED_CRIME = 'SUSPECTED_CRIME',
  DRUGS = 'DRUGS',
  SCHOOL_ABSENCE = 'SCHOOL_ABSENCE',
  OTHER = 'OTHER',
}

/** Categories that rest on a suspicion of crime: a police report in them carries the police case number (K-number). */
export const CATEGORIES_RESTING_ON_SUSPICION: ReadonlySet<ReportCategory> = new Set([ReportCategory.SUSPECTED_CRIME]);

export function needsPoliceCaseNumber(category: ReportCategory, suspectedOffence: string | null | undefined): boolean {
  return CATEGORIES_RESTING_ON_SUSPICION.has(category) || !!suspectedOffence?.trim();
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
  EMAIL = 'EMAIL',
  IN_PERSON = 'IN_PERSON',
  /** Sent by another agency's case system through the API (a registered client). */
  SYSTEM = 'SYSTEM',
}

export enum PreliminaryDecision {
  OPEN_INVESTIGATION = 'OPEN_INVESTIGATION',
  NO_INVESTIGATION = 'NO_INVESTIGATION',
  ALREADY_ONGOING = 'ALREADY_ONGOING',
}

/**
 * The exceptional reasons ("synnerliga skäl") that may justify a late
 * preliminary decision or an investigation extension. Workload is not one.
 */
export enum ExceptionalReason {
  AWAITING_POLICE_INTERVIEW = 'AWAITING_POLICE_INTERVIEW',
  AWAITING_OTHER_AUTHORITY = 'AWAITING_OTHER_AUTHORITY',
  FAMILY_UNREACHABLE = 'FAMILY_UNREACHABLE',
  INTERPRETER_NEEDED = 'INTERPRETER_NEEDED',
  /** Needs a text saying what the reason is. */
  OTHER_EXCEPTIONAL = 'OTHER_EXCEPTIONAL',
}

export interface StatedReason {
  readonly reason: ExceptionalReason | null | undefined;
  readonly text: string | null | undefined;
}

/** A reason from the closed list; "other" only with a text. */
export function reasonProblem(r: StatedReason): 'MISSING' | 'OTHER_WITHOUT_TEXT' | null {
  if (!r.reason) return 'MISSING';
  if (r.reason === ExceptionalReason.OTHER_EXCEPTIONAL && !r.text?.trim()) return 'OTHER_WITHOUT_TEXT';
  return null;
}

export interface DecisionCheck {
  readonly protectionAssessedAt: Date | null;
  readonly preliminaryDecidedAt: Date | null;
  readonly preliminaryDueAt: Date;
  readonly now: Date;
  readonly lateReason: StatedReason;
  readonly decision: PreliminaryDecision;
  /** An open investigation of the child in Samverka, or the case number of one in social services' own record system. */
  readonly ongoingInvestigation: boolean;
}

export type DecisionProblem =
  'NO_PROTECTION_ASSESSMENT' | 'ALREADY_DECIDED' | 'LATE_WITHOUT_REASON' | 'OTHER_REASON_WITHOUT_TEXT' | 'NO_ONGOING_INVESTIGATION';

/**
 * A decision needs a protection assessment first and is made once; a late one
 * needs an exceptional reason; "already ongoing" needs an ongoing investigation.
 */
export function checkPreliminaryDecision(c: DecisionCheck): DecisionProblem | null {
  if (c.preliminaryDecidedAt) return 'ALREADY_DECIDED';
  if (!c.protectionAssessedAt) return 'NO_PROTECTION_ASSESSMENT';
  if (c.decision === PreliminaryDecision.ALREADY_ONGOING && !c.ongoingInvestigation) return 'NO_ONGOING_INVESTIGATION';
  if (c.now.getTime() > c.preliminaryDueAt.getTime()) {
    const problem = reasonProblem(c.lateReason);
    if (problem === 'MISSING') return 'LATE_WITHOUT_REASON';
    if (problem === 'OTHER_WITHOUT_TEXT') return 'OTHER_REASON_WITHOUT_TEXT';
  }
  return null;
}

/** How an investigation ended (SoL 11:2). */
export enum InvestigationOutcome {
  MEASURES_DECIDED = 'MEASURES_DECIDED',
  NO_MEASURES_NEEDED = 'NO_MEASURES_NEEDED',
  FAMILY_DECLINED = 'FAMILY_DECLINED',
  CARE_ORDER_APPLIED = 'CARE_ORDER_APPLIED',
  TRANSFERRED = 'TRANSFERRED',
}

export interface ExtensionCheck {
  readonly currentDueAt: Date;
  readonly newDueAt: Date;
  /** The latest due date one extension may give: the current one plus the district's setting. */
  readonly latestDueAt: Date;
  readonly now: Date;
}

export function extensionProblem(c: ExtensionCheck): 'NOT_LATER' | 'TOO_LONG' | null {
  if (c.newDueAt.getTime() <= Math.max(c.now.getTime(), c.currentDueAt.getTime())) return 'NOT_LATER';
  if (c.newDueAt.getTime() > c.latestDueAt.getTime()) return 'TOO_LONG';
  return null;
}

/** An investigation closes on a day between its opening and now. */
export function closingProblem(closedAt: Date, openedAt: Date, now: Date): 'FUTURE' | 'BEFORE_OPENING' | null {
  if (closedAt.getTime() > now.getTime()) return 'FUTURE';
  if (closedAt.getTime() < openedAt.getTime()) return 'BEFORE_OPENING';
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
export function checkReceivedAt(
  receivedAt: Date,
  now: Date,
  maxBackdateDays: number,
  reportDatedAt: Date | null = null,
): 'FUTURE' | 'BEFORE_WINDOW' | 'BEFORE_REPORT' | null {
  if (receivedAt.getTime() > now.getTime()) return 'FUTURE';
  if (now.getTime() - receivedAt.getTime() > maxBackdateDays * 86_400_000) return 'BEFORE_WINDOW';
  // A letter cannot arrive before what it tells of happened.
  if (reportDatedAt && receivedAt.getTime() < reportDatedAt.getTime()) return 'BEFORE_REPORT';
  return null;
}

/** The channels staff register a report from on the reporter's behalf; DIGITAL reports are filed in the app. */
export const REGISTERED_CHANNELS: ReadonlySet<ReportChannel> = new Set([
  ReportChannel.PHONE,
  ReportChannel.LETTER,
  ReportChannel.EMAIL,
  ReportChannel.IN_PERSON,
]);
