import { DistrictPolicy } from '../districts/district-policy';
import { DEFAULT_DISTRICT_POLICY, DS_2024_30_POLICY } from '../../platform/districts/district-settings';
import { TalkDeadlineMode } from '../talks/talks.settings';
import { DEADLINE_KINDS } from '../../platform/deadlines/deadline-clocks';
import { Clock, computeDueAt, DeadlineKind, foldClocks, resolveDueAt } from './deadline-kinds';
import { SOCIAL_SERVICES_SUPERVISORS as SUBJECT_TARGET } from './deadline-subjects';

const SUBJECT = { noun: 'ärende', escalateTo: SUBJECT_TARGET };

const REPORT_KINDS: readonly DeadlineKind[] = ['PROTECTION_ASSESSMENT', 'PRELIMINARY_ASSESSMENT', 'INVESTIGATION', 'FEEDBACK'];

const start = new Date('2026-11-02T08:00:00Z'); // Monday 09:00 CET

const changed: DistrictPolicy = {
  ...DEFAULT_DISTRICT_POLICY,
  protectionAssessmentHours: 48,
  preliminaryAssessmentDays: 21,
  investigationMonths: 6,
  feedbackDays: 7,
};

describe('computeDueAt', () => {
  it.each<[DeadlineKind, string, string]>([
    ['PROTECTION_ASSESSMENT', '24 hours', '2026-11-03T08:00:00.000Z'],
    ['PRELIMINARY_ASSESSMENT', '14 days', '2026-11-16T08:00:00.000Z'],
    ['INVESTIGATION', '4 months', '2027-03-02T08:00:00.000Z'],
    ['FEEDBACK', '14 days', '2026-11-16T08:00:00.000Z'],
  ])('%s with the default policy is due after %s', (kind, _span, expected) => {
    expect(computeDueAt(DEADLINE_KINDS[kind], DEFAULT_DISTRICT_POLICY, start).toISOString()).toBe(expected);
  });

  it.each<[DeadlineKind, string, string]>([
    ['PROTECTION_ASSESSMENT', '48 hours', '2026-11-04T08:00:00.000Z'],
    ['PRELIMINARY_ASSESSMENT', '21 days', '2026-11-23T08:00:00.000Z'],
    // 2027-05-02 09:00 CEST.
    ['INVESTIGATION', '6 months', '2027-05-02T07:00:00.000Z'],
    ['FEEDBACK', '7 days', '2026-11-09T08:00:00.000Z'],
  ])('%s with a changed policy is due after %s', (kind, _span, expected) => {
    expect(computeDueAt(DEADLINE_KINDS[kind], changed, start).toISOString()).toBe(expected);
  });

  const fieldOf: ReadonlyArray<[DeadlineKind, keyof DistrictPolicy, number]> = [
    ['PROTECTION_ASSESSMENT', 'protectionAssessmentHours', 72],
    ['PRELIMINARY_ASSESSMENT', 'preliminaryAssessmentDays', 30],
    ['INVESTIGATION', 'investigationMonths', 2],
    ['FEEDBACK', 'feedbackDays', 3],
  ];

  it.each(fieldOf)('%s follows %s and no other setting', (kind, field, value) => {
    for (const [otherKind] of fieldOf) {
      const before = computeDueAt(DEADLINE_KINDS[otherKind], DEFAULT_DISTRICT_POLICY, start).getTime();
      const after = computeDueAt(DEADLINE_KINDS[otherKind], { ...DEFAULT_DISTRICT_POLICY, [field]: value }, start).getTime();
      if (otherKind === kind) expect(after).not.toBe(before);
      else expect(after).toBe(before);
    }
  });

  it('counts the protection assessment in elapsed hours, whatever the time zone', () => {
    const beforeSpringForward = new Date('2027-03-27T09:00:00Z');
    for (const timeZone of ['Europe/Stockholm', 'UTC', 'America/New_York']) {
      expect(
        computeDueAt(DEADLINE_KINDS.PROTECTION_ASSESSMENT, { ...DEFAULT_DISTRICT_POLICY, timeZone }, beforeSpringForward).toISOString(),
      ).toBe('2027-03-28T09:00:00.000Z');
    }
  });

  it.each<[DeadlineKind, string, string]>([
    ['PRELIMINARY_ASSESSMENT', 'Europe/Stockholm', '2027-04-03T08:00:00.000Z'],
    ['PRELIMINARY_ASSESSMENT', 'UTC', '2027-04-03T09:00:00.000Z'],
    ['FEEDBACK', 'Europe/Stockholm', '2027-04-03T08:00:00.000Z'],
    ['FEEDBACK', 'UTC', '2027-04-03T09:00:00.000Z'],
    ['INVESTIGATION', 'Europe/Stockholm', '2027-07-20T08:00:00.000Z'],
    ['INVESTIGATION', 'UTC', '2027-07-20T09:00:00.000Z'],
  ])('%s counts calendar time in the policy time zone (%s)', (kind, timeZone, expected) => {
    // 2027-03-20 10:00 CET; the day-based clocks keep the wall clock over the DST change.
    expect(
      computeDueAt(DEADLINE_KINDS[kind], { ...DEFAULT_DISTRICT_POLICY, timeZone }, new Date('2027-03-20T09:00:00Z')).toISOString(),
    ).toBe(expected);
  });

  it('computes a due time after the start for every report kind', () => {
    for (const kind of REPORT_KINDS) {
      expect(computeDueAt(DEADLINE_KINDS[kind], DEFAULT_DISTRICT_POLICY, start).getTime()).toBeGreaterThan(start.getTime());
    }
  });

  it('does not change the start', () => {
    for (const kind of REPORT_KINDS) computeDueAt(DEADLINE_KINDS[kind], changed, start);
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
    ['talk held within 48 h (Stockholm)', 'TALK_HELD', DEFAULT_DISTRICT_POLICY, null, '2026-11-04T08:00:00.000Z'],
    ['talk held within 7 days', 'TALK_HELD', withinDays, null, '2026-11-09T08:00:00.000Z'],
    ['no talk clock when the forum decides', 'TALK_HELD', forum, null, null],
    ["the forum's target date when it gives one", 'TALK_HELD', forum, target, target.toISOString()],
    ['no talk-held clock under the summons mode', 'TALK_HELD', DS_2024_30_POLICY, null, null],
    ['summons within 24 h (DS 2024:30)', 'TALK_SUMMONS', DS_2024_30_POLICY, null, '2026-11-03T08:00:00.000Z'],
    ['no summons clock under the Stockholm model', 'TALK_SUMMONS', DEFAULT_DISTRICT_POLICY, null, null],
    ['no summons clock when the forum decides', 'TALK_SUMMONS', forum, null, null],
    ["an action's due date", 'PLAN_ACTION_DUE', DEFAULT_DISTRICT_POLICY, target, target.toISOString()],
    ['a follow-up date', 'FOLLOW_UP_REMINDER', DEFAULT_DISTRICT_POLICY, target, target.toISOString()],
    ["a consent's end", 'CONSENT_EXPIRY', DEFAULT_DISTRICT_POLICY, target, target.toISOString()],
    ['a case review date', 'CASE_STALE', DEFAULT_DISTRICT_POLICY, target, target.toISOString()],
    [
      "a caller's date overrides the policy (extended investigation)",
      'INVESTIGATION',
      DEFAULT_DISTRICT_POLICY,
      target,
      target.toISOString(),
    ],
  ])('%s', (_case, kind, policy, callerDueAt, expected) => {
    expect(resolveDueAt(DEADLINE_KINDS[kind], policy, start, callerDueAt)?.toISOString() ?? null).toBe(expected);
  });

  it.each((Object.keys(DEADLINE_KINDS) as DeadlineKind[]).filter((k) => DEADLINE_KINDS[k].due.from === 'caller'))(
    "%s refuses to start without the caller's due time",
    (kind) => {
      expect(() => resolveDueAt(DEADLINE_KINDS[kind], DEFAULT_DISTRICT_POLICY, start)).toThrow('needs its due time from the caller');
    },
  );

  it('computeDueAt refuses a kind the policy sets no clock for', () => {
    expect(() => computeDueAt(DEADLINE_KINDS.TALK_HELD, forum, start)).toThrow('sets no TALK_HELD clock');
  });
});

describe('foldClocks', () => {
  const rule = { label: 'x', due: { from: 'caller' as const }, escalates: false };

  it('takes <M>_CLOCKS of every domain/<m>/<m>.clocks file and names each rule by its kind', () => {
    const tables = foldClocks({
      'domain/b/b.clocks.ts': { B_CLOCKS: { kinds: { B_DUE: rule }, subjects: { B: SUBJECT } } },
      'domain/a/a.clocks.js': { A_CLOCKS: { kinds: { A_DUE: rule } } },
    });
    expect(Object.keys(tables.kinds)).toEqual(['A_DUE', 'B_DUE']);
    expect((tables.kinds as Record<string, Clock>).B_DUE).toEqual({ ...rule, kind: 'B_DUE' });
    expect(Object.keys(tables.subjects)).toEqual(['B']);
  });

  it.each<[string, Record<string, Record<string, unknown>>, string]>([
    [
      'a kind two modules declare',
      { 'domain/a/a.clocks.ts': { A_CLOCKS: { kinds: { X: rule } } }, 'domain/b/b.clocks.ts': { B_CLOCKS: { kinds: { X: rule } } } },
      'Deadline kind X is declared by domain/a/a.clocks.ts and domain/b/b.clocks.ts: keep one',
    ],
    [
      'a subject two modules declare',
      {
        'domain/a/a.clocks.ts': { A_CLOCKS: { subjects: { S: SUBJECT } } },
        'domain/b/b.clocks.ts': { B_CLOCKS: { subjects: { S: SUBJECT } } },
      },
      'Deadline subject S is declared by domain/a/a.clocks.ts and domain/b/b.clocks.ts: keep one',
    ],
    ['a clocks file without its declarations', { 'domain/a/a.clocks.ts': { CLOCKS: {} } }, 'domain/a/a.clocks.ts does not export A_CLOCKS'],
  ])('refuses %s, naming the files', (_case, files, message) => {
    expect(() => foldClocks(files)).toThrow(message);
  });

  it('finds every module that starts clocks, on disk', () => {
    expect(Object.keys(DEADLINE_KINDS)).toHaveLength(11);
    expect(DEADLINE_KINDS.TALK_HELD.kind).toBe('TALK_HELD');
  });
});
