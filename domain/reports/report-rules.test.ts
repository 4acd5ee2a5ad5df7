import {
  DecisionCheck,
  ExceptionalReason,
  MAX_OBSERVED_AGE_DAYS,
  PreliminaryDecision,
  checkObservedAt,
  checkPreliminaryDecision,
  checkReceivedAt,
  closingProblem,
  extensionProblem,
} from './report-rules';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dueAt = new Date('2026-11-16T08:00:00.000Z');
const ms = (delta: number) => new Date(dueAt.getTime() + delta);

describe('checkPreliminaryDecision', () => {
  const R = ExceptionalReason;
  const none = { reason: null, text: null };
  const base: DecisionCheck = {
    protectionAssessedAt: ms(-13 * DAY),
    preliminaryDecidedAt: null,
    preliminaryDueAt: dueAt,
    now: ms(-DAY),
    lateReason: none,
    decision: PreliminaryDecision.OPEN_INVESTIGATION,
    ongoingInvestigation: false,
  };

  it.each<[string, Partial<DecisionCheck>, ReturnType<typeof checkPreliminaryDecision>]>([
    ['in time, assessed, not decided', {}, null],
    ['in time with a reason nobody needed', { lateReason: { reason: R.AWAITING_POLICE_INTERVIEW, text: null } }, null],
    ['exactly at the due instant is not late', { now: dueAt }, null],
    ['one millisecond late without a reason', { now: ms(1) }, 'LATE_WITHOUT_REASON'],
    [
      'late with an undefined reason',
      { now: ms(DAY), lateReason: { reason: undefined, text: 'Hög arbetsbelastning' } },
      'LATE_WITHOUT_REASON',
    ],
    ['late awaiting a police interview', { now: ms(DAY), lateReason: { reason: R.AWAITING_POLICE_INTERVIEW, text: null } }, null],
    ['late awaiting another authority', { now: ms(DAY), lateReason: { reason: R.AWAITING_OTHER_AUTHORITY, text: null } }, null],
    ['late, family unreachable', { now: ms(DAY), lateReason: { reason: R.FAMILY_UNREACHABLE, text: null } }, null],
    ['late, interpreter needed', { now: ms(DAY), lateReason: { reason: R.INTERPRETER_NEEDED, text: null } }, null],
    ['late, other without text', { now: ms(DAY), lateReason: { reason: R.OTHER_EXCEPTIONAL, text: ' ' } }, 'OTHER_REASON_WITHOUT_TEXT'],
    ['late, other with text', { now: ms(DAY), lateReason: { reason: R.OTHER_EXCEPTIONAL, text: 'Barnet vårdas på sjukhus.' } }, null],
    ['already ongoing without an ongoing investigation', { decision: PreliminaryDecision.ALREADY_ONGOING }, 'NO_ONGOING_INVESTIGATION'],
    ['already ongoing with one', { decision: PreliminaryDecision.ALREADY_ONGOING, ongoingInvestigation: true }, null],
    ['no protection assessment', { protectionAssessedAt: null }, 'NO_PROTECTION_ASSESSMENT'],
    ['no protection assessment comes before lateness', { protectionAssessedAt: null, now: ms(DAY) }, 'NO_PROTECTION_ASSESSMENT'],
    ['already decided', { preliminaryDecidedAt: ms(-2 * DAY) }, 'ALREADY_DECIDED'],
    [
      'already decided comes before a missing protection assessment',
      { preliminaryDecidedAt: ms(-2 * DAY), protectionAssessedAt: null },
      'ALREADY_DECIDED',
    ],
    ['already decided comes before lateness', { preliminaryDecidedAt: ms(-2 * DAY), now: ms(DAY) }, 'ALREADY_DECIDED'],
  ])('%s', (_case, overrides, expected) => {
    expect(checkPreliminaryDecision({ ...base, ...overrides })).toBe(expected);
  });

  it('has no workload reason on the closed list', () => {
    expect(Object.keys(ExceptionalReason).some((k) => /WORKLOAD|STAFF|RESOURCE/.test(k))).toBe(false);
  });
});

describe('extensionProblem', () => {
  const now = ms(0);
  it.each([
    ['later, within the bound', ms(30 * DAY), null],
    ['exactly the bound', ms(60 * DAY), null],
    ['past the bound', ms(60 * DAY + 1), 'TOO_LONG'],
    ['not later than the current due date', ms(10 * DAY), 'NOT_LATER'],
  ])('%s', (_case, newDueAt, expected) => {
    expect(extensionProblem({ currentDueAt: ms(10 * DAY), newDueAt, latestDueAt: ms(60 * DAY), now })).toBe(expected);
  });
});

describe('closingProblem', () => {
  it.each([
    ['today', ms(0), null],
    ['the opening day', ms(-10 * DAY), null],
    ['before opening', ms(-10 * DAY - 1), 'BEFORE_OPENING'],
    ['tomorrow', ms(DAY), 'FUTURE'],
  ])('%s', (_case, closedAt, expected) => {
    expect(closingProblem(closedAt, ms(-10 * DAY), ms(0))).toBe(expected);
  });
});

describe('checkObservedAt', () => {
  const now = new Date('2026-11-23T12:00:00.000Z');
  const t = (delta: number) => new Date(now.getTime() + delta);

  it.each([
    ['now', t(0), null],
    ['a minute ago', t(-60_000), null],
    ['59 s ahead (clock skew)', t(59_000), null],
    ['exactly 60 s ahead (the tolerance)', t(60_000), null],
    ['60.001 s ahead', t(60_001), 'FUTURE'],
    ['an hour ahead', t(HOUR), 'FUTURE'],
    ['a year ahead', t(365 * DAY), 'FUTURE'],
    ['exactly the maximum age', t(-MAX_OBSERVED_AGE_DAYS * DAY), null],
    ['one millisecond over the maximum age', t(-MAX_OBSERVED_AGE_DAYS * DAY - 1), 'TOO_OLD'],
    ['two years ago', t(-730 * DAY), 'TOO_OLD'],
  ])('%s', (_case, observedAt, expected) => {
    expect(checkObservedAt(observedAt, now, MAX_OBSERVED_AGE_DAYS)).toBe(expected);
  });

  it.each([
    [7, t(-7 * DAY), null],
    [7, t(-7 * DAY - 1), 'TOO_OLD'],
    [1, t(-DAY + 1), null],
    [1, t(-DAY - 1), 'TOO_OLD'],
    [0, t(0), null],
    [0, t(-1), 'TOO_OLD'],
  ])('uses the maximum age it is given (%i days)', (maxAgeDays, observedAt, expected) => {
    expect(checkObservedAt(observedAt, now, maxAgeDays)).toBe(expected);
  });

  it('accepts an observation a year back', () => {
    expect(MAX_OBSERVED_AGE_DAYS).toBe(365);
  });
});

describe('checkReceivedAt', () => {
  const now = new Date('2026-11-23T12:00:00.000Z');
  const t = (delta: number) => new Date(now.getTime() + delta);

  it.each([
    ['now', t(0), 14, null],
    ['one millisecond ahead (no skew allowance: the server sets digital receipts)', t(1), 14, 'FUTURE'],
    ['exactly the window back', t(-14 * DAY), 14, null],
    ['one millisecond before the window', t(-14 * DAY - 1), 14, 'BEFORE_WINDOW'],
    ['a window of 0 days allows only now', t(-1), 0, 'BEFORE_WINDOW'],
  ])('%s', (_case, receivedAt, days, expected) => {
    expect(checkReceivedAt(receivedAt, now, days)).toBe(expected);
  });

  it.each([
    ['arrived after the date the report tells of', t(-DAY), t(-2 * DAY), null],
    ['arrived at that very time', t(-DAY), t(-DAY), null],
    ['arrived before it', t(-2 * DAY), t(-DAY), 'BEFORE_REPORT'],
    ['in the future wins over the rest', t(1), t(2), 'FUTURE'],
  ])('against the report date: %s', (_case, receivedAt, datedAt, expected) => {
    expect(checkReceivedAt(receivedAt, now, 14, datedAt)).toBe(expected);
  });
});
