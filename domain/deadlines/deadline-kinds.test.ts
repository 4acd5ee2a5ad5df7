import { DistrictPolicy } from '../districts/district-policy';
import { DEFAULT_DISTRICT_POLICY, DS_2024_30_POLICY } from '../../platform/districts/district-settings';
import { TalkDeadlineMode } from '../talks/talks.settings';
import { DEADLINE_KINDS, DeadlineKind, computeDueAt, resolveDueAt } from './deadline-kinds';

const REPORT_KINDS = [
  DeadlineKind.PROTECTION_ASSESSMENT,
  DeadlineKind.PRELIMINARY_ASSESSMENT,
  DeadlineKind.INVESTIGATION,
  DeadlineKind.FEEDBACK,
];

const start = new Date('2026-11-02T08:00:00Z'); // Monday 09:00 CET

const changed: DistrictPolicy = {
  ...DEFAULT_DISTRICT_POLICY,
  protectionAssessmentHours: 48,
  preliminaryAssessmentDays: 21,
  investigationMonths: 6,
  feedbackDays: 7,
};

describe('computeDueAt', () => {
  it.each([
    [DeadlineKind.PROTECTION_ASSESSMENT, '24 hours', '2026-11-03T08:00:00.000Z'],
    [DeadlineKind.PRELIMINARY_ASSESSMENT, '14 days', '2026-11-16T08:00:00.000Z'],
    [DeadlineKind.INVESTIGATION, '4 months', '2027-03-02T08:00:00.000Z'],
    [DeadlineKind.FEEDBACK, '14 days', '2026-11-16T08:00:00.000Z'],
  ])('%s with the default policy is due after %s', (kind, _span, expected) => {
    expect(computeDueAt(kind, DEFAULT_DISTRICT_POLICY, start).toISOString()).toBe(expected);
  });

  it.each([
    [DeadlineKind.PROTECTION_ASSESSMENT, '48 hours', '2026-11-04T08:00:00.000Z'],
    [DeadlineKind.PRELIMINARY_ASSESSMENT, '21 days', '2026-11-23T08:00:00.000Z'],
    // 2027-05-02 09:00 CEST.
    [DeadlineKind.INVESTIGATION, '6 months', '2027-05-02T07:00:00.000Z'],
    [DeadlineKind.FEEDBACK, '7 days', '2026-11-09T08:00:00.000Z'],
  ])('%s with a changed policy is due after %s', (kind, _span, expected) => {
    expect(computeDueAt(kind, changed, start).toISOString()).toBe(expected);
  });

  const fieldOf: ReadonlyArray<[DeadlineKind, keyof DistrictPolicy, number]> = [
    [DeadlineKind.PROTECTION_ASSESSMENT, 'protectionAssessmentHours', 72],
    [DeadlineKind.PRELIMINARY_ASSESSMENT, 'preliminaryAssessmentDays', 30],
    [DeadlineKind.INVESTIGATION, 'investigationMonths', 2],
    [DeadlineKind.FEEDBACK, 'feedbackDays', 3],
  ];

  it.each(fieldOf)('%s follows %s and no other setting', (kind, field, value) => {
    for (const [otherKind] of fieldOf) {
      const before = computeDueAt(otherKind, DEFAULT_DISTRICT_POLICY, start).getTime();
      const after = computeDueAt(otherKind, { ...DEFAULT_DISTRICT_POLICY, [field]: value }, start).getTime();
      if (otherKind === kind) expect(after).not.toBe(before);
      else expect(after).toBe(before);
    }
  });

  it('counts the protection assessment in elapsed hours, whatever the time zone', () => {
    const beforeSpringForward = new Date('2027-03-27T09:00:00Z');
    for (const timeZone of ['Europe/Stockholm', 'UTC', 'America/New_York']) {
      expect(
        computeDueAt(DeadlineKind.PROTECTION_ASSESSMENT, { ...DEFAULT_DISTRICT_POLICY, timeZone }, beforeSpringForward).toISOString(),
      ).toBe('2027-03-28T09:00:00.000Z');
    }
  });

  it.each([
    [DeadlineKind.PRELIMINARY_ASSESSMENT, 'Europe/Stockholm', '2027-04-03T08:00:00.000Z'],
    [DeadlineKind.PRELIMINARY_ASSESSMENT, 'UTC', '2027-04-03T09:00:00.000Z'],
    [DeadlineKind.FEEDBACK, 'Europe/Stockholm', '2027-04-03T08:00:00.000Z'],
    [DeadlineKind.FEEDBACK, 'UTC', '2027-04-03T09:00:00.000Z'],
    [DeadlineKind.INVESTIGATION, 'Europe/Stockholm', '2027-07-20T08:00:00.000Z'],
    [DeadlineKind.INVESTIGATION, 'UTC', '2027-07-20T09:00:00.000Z'],
  ])('%s counts calendar time in the policy time zone (%s)', (kind, timeZone, expected) => {
    // 2027-03-20 10:00 CET; the day-based clocks keep the wall clock over the DST change.
    expect(computeDueAt(kind, { ...DEFAULT_DISTRICT_POLICY, timeZone }, new Date('2027-03-20T09:00:00Z')).toISOString()).toBe(expected);
  });

  it('computes a due time after the start for every report kind', () => {
    for (const kind of REPORT_KINDS) {
      expect(computeDueAt(kind, DEFAULT_DISTRICT_POLICY, start).getTime()).toBeGreaterThan(start.getTime());
    }
  });

  it('does not change the start', () => {
    for (const kind of REPORT_KINDS) computeDueAt(kind, changed, start);
    expect(start.toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });
});

describe('resolveDueAt: clocks whose due time may be absent or come from the caller', () => {
  const forum: DistrictPolicy = { ...DEFAULT_DISTRICT_POLICY, talkDeadlineMode: TalkDeadlineMode.FORUM_DECIDES, talkDeadlineHours: null };
  const withinDays: DistrictPolicy = {
    ...DEFAULT_DISTRICT_POLICY,
    talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_DAYS,
    talkDeadlineHours: null,
    talkDeadlineDays: 7,
  };
  const target = new Date('2026-11-09T13:00:00Z');

  it.each<[string, DeadlineKind, DistrictPolicy, Date | null, string | null]>([
    ['talk held within 48 h (Stockholm)', DeadlineKind.TALK_HELD, DEFAULT_DISTRICT_POLICY, null, '2026-11-04T08:00:00.000Z'],
    ['talk held within 7 days', DeadlineKind.TALK_HELD, withinDays, null, '2026-11-09T08:00:00.000Z'],
    ['no talk clock when the forum decides', DeadlineKind.TALK_HELD, forum, null, null],
    ["the forum's target date when it gives one", DeadlineKind.TALK_HELD, forum, target, target.toISOString()],
    ['no talk-held clock under the summons mode', DeadlineKind.TALK_HELD, DS_2024_30_POLICY, null, null],
    ['summons within 24 h (DS 2024:30)', DeadlineKind.TALK_SUMMONS, DS_2024_30_POLICY, null, '2026-11-03T08:00:00.000Z'],
    ['no summons clock under the Stockholm model', DeadlineKind.TALK_SUMMONS, DEFAULT_DISTRICT_POLICY, null, null],
    ['no summons clock when the forum decides', DeadlineKind.TALK_SUMMONS, forum, null, null],
    ["an action's due date", DeadlineKind.PLAN_ACTION_DUE, DEFAULT_DISTRICT_POLICY, target, target.toISOString()],
    ['a follow-up date', DeadlineKind.FOLLOW_UP_REMINDER, DEFAULT_DISTRICT_POLICY, target, target.toISOString()],
    ["a consent's end", DeadlineKind.CONSENT_EXPIRY, DEFAULT_DISTRICT_POLICY, target, target.toISOString()],
    ['a case review date', DeadlineKind.CASE_STALE, DEFAULT_DISTRICT_POLICY, target, target.toISOString()],
    [
      "a caller's date overrides the policy (extended investigation)",
      DeadlineKind.INVESTIGATION,
      DEFAULT_DISTRICT_POLICY,
      target,
      target.toISOString(),
    ],
  ])('%s', (_case, kind, policy, callerDueAt, expected) => {
    expect(resolveDueAt(kind, policy, start, callerDueAt)?.toISOString() ?? null).toBe(expected);
  });

  it.each(Object.values(DeadlineKind).filter((k) => DEADLINE_KINDS[k].due.from === 'caller'))(
    "%s refuses to start without the caller's due time",
    (kind) => {
      expect(() => resolveDueAt(kind, DEFAULT_DISTRICT_POLICY, start)).toThrow('needs its due time from the caller');
    },
  );

  it('computeDueAt refuses a kind the policy sets no clock for', () => {
    expect(() => computeDueAt(DeadlineKind.TALK_HELD, forum, start)).toThrow('sets no TALK_HELD clock');
  });
});
