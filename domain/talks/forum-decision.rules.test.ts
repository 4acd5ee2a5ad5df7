import { checkForumDecision, talkStanding } from './forum-decision.rules';
import { ForumNoReason, TalkStanding } from './talk-enums';

describe('checkForumDecision', () => {
  it.each([
    ['yes with a date', { holdTalk: true, targetDate: '2026-12-01' }, null],
    ['yes without a date', { holdTalk: true }, 'TARGET_DATE_REQUIRED'],
    ['yes carrying a reason for no', { holdTalk: true, targetDate: '2026-12-01', noReason: ForumNoReason.OTHER }, 'NO_REASON_ON_YES'],
    ['no without a reason', { holdTalk: false }, 'NO_REASON_REQUIRED'],
    ['no with a listed reason', { holdTalk: false, noReason: ForumNoReason.ALREADY_IN_CONTACT }, null],
    ['no for another reason, undescribed', { holdTalk: false, noReason: ForumNoReason.OTHER, noReasonText: '  ' }, 'NO_REASON_TEXT_REQUIRED'],
    ['no for another reason, described', { holdTalk: false, noReason: ForumNoReason.OTHER, noReasonText: 'Flyttar' }, null],
  ])('%s', (_, input, expected) => {
    expect(checkForumDecision(input)).toBe(expected);
  });
});

describe('talkStanding', () => {
  it.each([
    ['a talk opened', { eligible: true, talkId: 't', forumDecides: true, forumHoldTalk: true }, TalkStanding.TALK_OPENED],
    ['the forum said no', { eligible: true, talkId: null, forumDecides: true, forumHoldTalk: false }, TalkStanding.DECLINED_BY_FORUM],
    ['waiting for the forum', { eligible: true, talkId: null, forumDecides: true, forumHoldTalk: null }, TalkStanding.AWAITING_FORUM],
    ['not eligible in a forum district', { eligible: false, talkId: null, forumDecides: true, forumHoldTalk: null }, TalkStanding.NOT_ELIGIBLE],
    ['eligible, no forum, no talk: it failed to open', { eligible: true, talkId: null, forumDecides: false, forumHoldTalk: null }, TalkStanding.NO_TALK],
  ])('%s', (_, facts, expected) => {
    expect(talkStanding(facts)).toBe(expected);
  });
});
