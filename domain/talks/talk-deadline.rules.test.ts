import { DistrictPolicy } from '../districts/district-policy';
import { DEFAULT_DISTRICT_POLICY, DS_2024_30_POLICY } from '../../platform/districts/district-settings';
import { TalkDeadlineMode } from './talks.settings';
import {
  weekBounds,
  clockForTargetDate,
  clocksAtOpen,
  clocksAtSummons,
  isLate,
  officerNoticeAt,
  TalkClockKind,
} from './talk-deadline.rules';

const learnedAt = new Date('2026-03-27T10:00:00Z');
const policy = (change: Partial<DistrictPolicy>): DistrictPolicy => ({ ...DEFAULT_DISTRICT_POLICY, ...change });

describe('clocksAtOpen', () => {
  it.each<[string, DistrictPolicy, { kind: TalkClockKind; dueAt: string }[]]>([
    ['HELD_WITHIN_HOURS 48', DEFAULT_DISTRICT_POLICY, [{ kind: TalkClockKind.TALK_HELD, dueAt: '2026-03-29T10:00:00.000Z' }]],
    ['HELD_WITHIN_HOURS 24', policy({ talkDeadlineHours: 24 }), [{ kind: TalkClockKind.TALK_HELD, dueAt: '2026-03-28T10:00:00.000Z' }]],
    [
      'SUMMONS_WITHIN_HOURS 24: the summons clock only',
      DS_2024_30_POLICY,
      [{ kind: TalkClockKind.TALK_SUMMONS, dueAt: '2026-03-28T10:00:00.000Z' }],
    ],
    // 29 March 2026 is the spring DST change in Stockholm: 7 calendar days keep the wall-clock time (11:00 → 12:00 local is not wanted).
    [
      'HELD_WITHIN_DAYS 7 across DST',
      policy({ talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_DAYS, talkDeadlineDays: 7 }),
      [{ kind: TalkClockKind.TALK_HELD, dueAt: '2026-04-03T09:00:00.000Z' }],
    ],
    ['FORUM_DECIDES: no clock', policy({ talkDeadlineMode: TalkDeadlineMode.FORUM_DECIDES, talkDeadlineHours: null }), []],
  ])('%s', (_case, p, expected) => {
    const clocks = clocksAtOpen(p, learnedAt);
    expect(clocks.map((c) => ({ kind: c.kind, dueAt: c.dueAt.toISOString() }))).toEqual(expected);
    for (const c of clocks) expect(c.startsAt).toEqual(learnedAt);
  });
});

describe('clocksAtSummons', () => {
  const summonedAt = new Date('2026-03-28T16:00:00Z');
  it('starts the talk clock in the summons mode', () => {
    expect(clocksAtSummons({ ...DS_2024_30_POLICY, talkSummonsToTalkHours: 72 }, summonedAt, false)).toEqual([
      { kind: TalkClockKind.TALK_HELD, startsAt: summonedAt, dueAt: new Date('2026-03-31T16:00:00Z') },
    ]);
  });
  it.each<[string, DistrictPolicy, boolean]>([
    ['the 48 h mode', DEFAULT_DISTRICT_POLICY, false],
    ['a talk that already has a held clock (forum target date)', DS_2024_30_POLICY, true],
  ])('starts nothing in %s', (_case, p, hasHeld) => {
    expect(clocksAtSummons(p, summonedAt, hasHeld)).toEqual([]);
  });
});

describe('clockForTargetDate', () => {
  it.each([
    ['winter', { year: 2026, month: 12, day: 10 }, '2026-12-10T23:00:00.000Z'],
    ['summer', { year: 2026, month: 6, day: 10 }, '2026-06-10T22:00:00.000Z'],
    ['the last day of a month', { year: 2026, month: 1, day: 31 }, '2026-01-31T23:00:00.000Z'],
  ])('is due at the end of the local target day (%s)', (_case, target, due) => {
    const clock = clockForTargetDate(DEFAULT_DISTRICT_POLICY, target, learnedAt);
    expect(clock).toEqual({ kind: TalkClockKind.TALK_HELD, startsAt: learnedAt, dueAt: new Date(due) });
  });
});

describe('officerNoticeAt', () => {
  const at = new Date('2026-12-10T13:00:00Z');
  it.each([
    ['24 h before by default', DEFAULT_DISTRICT_POLICY, new Date('2026-12-01T00:00:00Z'), '2026-12-09T13:00:00.000Z'],
    ["the district's own notice", policy({ talkOfficerNoticeHours: 48 }), new Date('2026-12-01T00:00:00Z'), '2026-12-08T13:00:00.000Z'],
    [
      'at once when the talk is sooner than the notice',
      DEFAULT_DISTRICT_POLICY,
      new Date('2026-12-10T08:00:00Z'),
      '2026-12-10T08:00:00.000Z',
    ],
  ])('%s', (_case, p, now, expected) => {
    expect(officerNoticeAt(p, at, now).toISOString()).toBe(expected);
  });
});

describe('isLate', () => {
  const due = new Date('2026-12-10T13:00:00Z');
  it.each<[string, Date, Date | null, boolean]>([
    ['before', new Date('2026-12-10T12:59:59Z'), due, false],
    ['at the due time', due, due, false],
    ['after', new Date('2026-12-10T13:00:01Z'), due, true],
    ['without a clock', new Date('2027-01-01T00:00:00Z'), null, false],
  ])('%s', (_case, heldAt, dueAt, expected) => {
    expect(isLate(heldAt, dueAt)).toBe(expected);
  });
});

describe('weekBounds', () => {
  it.each([
    ['a Tuesday in winter', '2026-12-01T10:00:00Z', ['2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z', '2026-12-06T23:00:00.000Z']],
    [
      'Monday just after local midnight',
      '2026-11-29T23:30:00Z',
      ['2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z', '2026-12-06T23:00:00.000Z'],
    ],
    ['Sunday evening', '2026-12-06T20:00:00Z', ['2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z', '2026-12-06T23:00:00.000Z']],
    [
      'the week of the spring DST change',
      '2026-03-31T10:00:00Z',
      ['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z'],
    ],
  ])('%s', (_case, now, [last, current, next]) => {
    const w = weekBounds(new Date(now), 'Europe/Stockholm');
    expect([w.lastWeekStart, w.thisWeekStart, w.nextWeekStart].map((d) => d.toISOString())).toEqual([last, current, next]);
  });
});
