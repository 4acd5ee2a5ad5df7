import { PreliminaryDecision } from '../reports/report-rules';
import { FeedbackFacts, FeedbackStatus, FeedbackValue, feedbackFor, feedbackStatus } from './feedback-rules';

describe('feedbackFor', () => {
  it.each([
    [PreliminaryDecision.OPEN_INVESTIGATION, FeedbackValue.INVESTIGATION_OPENED],
    [PreliminaryDecision.NO_INVESTIGATION, FeedbackValue.INVESTIGATION_NOT_OPENED],
    [PreliminaryDecision.ALREADY_ONGOING, FeedbackValue.INVESTIGATION_ALREADY_ONGOING],
  ])('%s → %s', (decision, value) => {
    expect(feedbackFor(decision)).toBe(value);
  });

  it('maps every decision to its own one of the three permitted values, and uses all three', () => {
    const decisions = Object.values(PreliminaryDecision);
    const values = decisions.map(feedbackFor);
    expect(decisions).toHaveLength(3);
    for (const value of values) expect(Object.values(FeedbackValue)).toContain(value);
    expect(new Set(values).size).toBe(decisions.length);
    expect([...values].sort()).toEqual([...Object.values(FeedbackValue)].sort());
  });
});

describe('feedbackStatus', () => {
  const dueAt = new Date('2026-11-16T08:00:00.000Z');
  const ms = (delta: number) => new Date(dueAt.getTime() + delta);
  const HOUR = 3_600_000;
  const facts = (feedbackRequested: boolean, feedbackGivenAt: Date | null, feedbackDueAt: Date | null): FeedbackFacts => ({
    feedbackRequested,
    feedbackGivenAt,
    feedbackDueAt,
  });

  it.each([
    ['not requested, not given', facts(false, null, null), ms(0), FeedbackStatus.NOT_REQUESTED],
    ['not requested, long after a due date would have passed', facts(false, null, null), ms(365 * 24 * HOUR), FeedbackStatus.NOT_REQUESTED],
    ['not requested but given unasked', facts(false, ms(-HOUR), null), ms(0), FeedbackStatus.GIVEN],
    ['requested, before the due time', facts(true, null, dueAt), ms(-HOUR), FeedbackStatus.PENDING],
    ['requested, exactly at the due time', facts(true, null, dueAt), ms(0), FeedbackStatus.PENDING],
    ['requested, one millisecond after the due time', facts(true, null, dueAt), ms(1), FeedbackStatus.OVERDUE],
    ['requested, long after the due time', facts(true, null, dueAt), ms(30 * 24 * HOUR), FeedbackStatus.OVERDUE],
    ['requested without a due time', facts(true, null, null), ms(365 * 24 * HOUR), FeedbackStatus.PENDING],
    ['requested and given in time', facts(true, ms(-HOUR), dueAt), ms(HOUR), FeedbackStatus.GIVEN],
    ['requested and given late', facts(true, ms(HOUR), dueAt), ms(2 * HOUR), FeedbackStatus.GIVEN],
    ['requested and given exactly at the due time', facts(true, ms(0), dueAt), ms(HOUR), FeedbackStatus.GIVEN],
  ])('%s', (_case, f, now, expected) => {
    expect(feedbackStatus(f, now)).toBe(expected);
  });
});
