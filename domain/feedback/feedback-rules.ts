import { PreliminaryDecision } from '../reports';

/**
 * Secrecy limits feedback to one of three statuses and the date: nothing else
 * (old SoL 14 kap. 1 b §). Anything more needs the consent of the person concerned.
 */
export enum FeedbackValue {
  INVESTIGATION_OPENED = 'INVESTIGATION_OPENED',
  INVESTIGATION_NOT_OPENED = 'INVESTIGATION_NOT_OPENED',
  INVESTIGATION_ALREADY_ONGOING = 'INVESTIGATION_ALREADY_ONGOING',
}

const FEEDBACK_FOR: { readonly [D in PreliminaryDecision]: FeedbackValue } = {
  [PreliminaryDecision.OPEN_INVESTIGATION]: FeedbackValue.INVESTIGATION_OPENED,
  [PreliminaryDecision.NO_INVESTIGATION]: FeedbackValue.INVESTIGATION_NOT_OPENED,
  [PreliminaryDecision.ALREADY_ONGOING]: FeedbackValue.INVESTIGATION_ALREADY_ONGOING,
};

export function feedbackFor(decision: PreliminaryDecision): FeedbackValue {
  return FEEDBACK_FOR[decision];
}

export enum FeedbackStatus {
  NOT_REQUESTED = 'NOT_REQUESTED',
  PENDING = 'PENDING',
  OVERDUE = 'OVERDUE',
  GIVEN = 'GIVEN',
}

/** What a reporter filters their reports by. */
export enum FeedbackFilter {
  /** Asked for, not given, still within its deadline. */
  AWAITING = 'AWAITING',
  OVERDUE = 'OVERDUE',
  GIVEN = 'GIVEN',
}

export interface FeedbackFacts {
  readonly feedbackRequested: boolean;
  readonly feedbackGivenAt: Date | null;
  readonly feedbackDueAt: Date | null;
}

export function feedbackStatus(f: FeedbackFacts, now: Date): FeedbackStatus {
  if (f.feedbackGivenAt) return FeedbackStatus.GIVEN;
  if (!f.feedbackRequested) return FeedbackStatus.NOT_REQUESTED;
  if (f.feedbackDueAt && now.getTime() > f.feedbackDueAt.getTime()) return FeedbackStatus.OVERDUE;
  return FeedbackStatus.PENDING;
}
