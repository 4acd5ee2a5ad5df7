import { ForumNoReason, TalkStanding } from './talk-enums';

export interface ForumDecisionInput {
  readonly holdTalk: boolean;
  readonly targetDate?: string | null;
  readonly noReason?: ForumNoReason | null;
  readonly noReasonText?: string | null;
}

export type ForumDecisionProblem = 'TARGET_DATE_REQUIRED' | 'NO_REASON_REQUIRED' | 'NO_REASON_TEXT_REQUIRED' | 'NO_REASON_ON_YES';

/** A "yes" needs its date; a "no" needs its reason, and "other" its text. */
export function checkForumDecision(d: ForumDecisionInput): ForumDecisionProblem | null {
  if (d.holdTalk) {
    if (d.noReason) return 'NO_REASON_ON_YES';
    return d.targetDate ? null : 'TARGET_DATE_REQUIRED';
  }
  if (!d.noReason) return 'NO_REASON_REQUIRED';
  if (d.noReason === ForumNoReason.OTHER && !d.noReasonText?.trim()) return 'NO_REASON_TEXT_REQUIRED';
  return null;
}

export interface StandingFacts {
  readonly eligible: boolean;
  readonly talkId: string | null;
  readonly forumDecides: boolean;
  /** The latest forum decision on the report, if any. */
  readonly forumHoldTalk: boolean | null;
}

export function talkStanding(f: StandingFacts): TalkStanding {
  if (f.talkId) return TalkStanding.TALK_OPENED;
  if (f.forumHoldTalk === false) return TalkStanding.DECLINED_BY_FORUM;
  if (!f.eligible) return TalkStanding.NOT_ELIGIBLE;
  return f.forumDecides ? TalkStanding.AWAITING_FORUM : TalkStanding.NO_TALK;
}
