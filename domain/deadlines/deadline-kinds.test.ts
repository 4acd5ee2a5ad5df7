import { DEFAULT_DISTRICT_POLICY, DistrictPolicy } from '../districts/district-policy';
import { DeadlineKind, computeDueAt } from './deadline-kinds';

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
      expect(computeDueAt(DeadlineKind.PROTECTION_ASSESSMENT, { ...DEFAULT_DISTRICT_POLICY, timeZone }, beforeSpringForward).toISOString())
        .toBe('2027-03-28T09:00:00.000Z');
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

  it('computes a due time after the start for every kind', () => {
    for (const kind of Object.values(DeadlineKind)) {
      expect(computeDueAt(kind, DEFAULT_DISTRICT_POLICY, start).getTime()).toBeGreaterThan(start.getTime());
    }
  });

  it('does not change the start', () => {
    for (const kind of Object.values(DeadlineKind)) computeDueAt(kind, changed, start);
    expect(start.toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });
});
