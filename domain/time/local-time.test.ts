import { addHours, addLocalDays, addLocalMonths, formatForMessage, formatLocal, instantAtLocal, wallClockIn } from './local-time';

const STOCKHOLM = 'Europe/Stockholm';
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

// Europe/Stockholm: CET (UTC+1) in winter, CEST (UTC+2) in summer.
// Spring forward: 2027-03-28 02:00 CET → 03:00 CEST (01:00Z). Fall back: 2026-10-25 03:00 CEST → 02:00 CET (01:00Z).

describe('addHours', () => {
  it.each([
    ['a plain day', '2026-06-01T08:00:00.000Z', 24, '2026-06-02T08:00:00.000Z'],
    ['across spring forward: 24 elapsed hours, 25 on the wall clock', '2027-03-27T09:00:00.000Z', 24, '2027-03-28T09:00:00.000Z'],
    ['across fall back: 24 elapsed hours, 23 on the wall clock', '2026-10-24T08:00:00.000Z', 24, '2026-10-25T08:00:00.000Z'],
    ['48 hours', '2026-11-02T08:00:00.000Z', 48, '2026-11-04T08:00:00.000Z'],
    ['zero hours', '2026-11-02T08:00:00.123Z', 0, '2026-11-02T08:00:00.123Z'],
    ['a fraction of an hour', '2026-11-02T08:00:00.000Z', 0.5, '2026-11-02T08:30:00.000Z'],
    ['negative hours', '2026-11-02T08:00:00.000Z', -3, '2026-11-02T05:00:00.000Z'],
  ])('%s', (_case, start, hours, expected) => {
    expect(addHours(at(start), hours).toISOString()).toBe(expected);
  });

  it('shows the wall-clock shift of elapsed hours across both DST changes', () => {
    // 10:00 CET + 24 h = 11:00 CEST; 10:00 CEST + 24 h = 09:00 CET.
    expect(formatLocal(addHours(at('2027-03-27T09:00:00Z'), 24), STOCKHOLM)).toBe('2027-03-28 11:00');
    expect(formatLocal(addHours(at('2026-10-24T08:00:00Z'), 24), STOCKHOLM)).toBe('2026-10-25 09:00');
  });

  it('does not change its argument', () => {
    const start = at('2026-11-02T08:00:00Z');
    addHours(start, 5);
    expect(start.toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });
});

describe('addLocalDays', () => {
  it.each([
    // case, start (UTC), days, expected (UTC), expected local, elapsed hours
    ['no DST change', '2026-06-01T08:00:00.000Z', 14, '2026-06-15T08:00:00.000Z', '2026-06-15 10:00', 14 * 24],
    [
      '10:00 CET + 14 days over spring forward stays 10:00',
      '2027-03-20T09:00:00.000Z',
      14,
      '2027-04-03T08:00:00.000Z',
      '2027-04-03 10:00',
      14 * 24 - 1,
    ],
    [
      '10:00 CEST + 14 days over fall back stays 10:00',
      '2026-10-18T08:00:00.000Z',
      14,
      '2026-11-01T09:00:00.000Z',
      '2026-11-01 10:00',
      14 * 24 + 1,
    ],
    [
      'the day before spring forward + 1 day is 23 hours',
      '2027-03-27T09:00:00.000Z',
      1,
      '2027-03-28T08:00:00.000Z',
      '2027-03-28 10:00',
      23,
    ],
    ['the day before fall back + 1 day is 25 hours', '2026-10-24T08:00:00.000Z', 1, '2026-10-25T09:00:00.000Z', '2026-10-25 10:00', 25],
    [
      'negative days back over spring forward',
      '2027-04-03T08:00:00.000Z',
      -14,
      '2027-03-20T09:00:00.000Z',
      '2027-03-20 10:00',
      -(14 * 24 - 1),
    ],
    ['month and year wrap', '2026-12-25T09:00:00.000Z', 14, '2027-01-08T09:00:00.000Z', '2027-01-08 10:00', 14 * 24],
    ['into a leap day', '2028-02-15T09:00:00.000Z', 14, '2028-02-29T09:00:00.000Z', '2028-02-29 10:00', 14 * 24],
    [
      'counts from the local date, not the UTC date (00:30 local is the previous UTC day)',
      '2026-05-31T22:30:00.000Z',
      1,
      '2026-06-01T22:30:00.000Z',
      '2026-06-02 00:30',
      24,
    ],
    [
      "counts from the local date at 23:30 local on new year's eve",
      '2026-12-31T22:30:00.000Z',
      1,
      '2027-01-01T22:30:00.000Z',
      '2027-01-01 23:30',
      24,
    ],
    ['zero days', '2026-11-02T08:00:00.000Z', 0, '2026-11-02T08:00:00.000Z', '2026-11-02 09:00', 0],
  ])('%s', (_case, start, days, expected, expectedLocal, elapsedHours) => {
    const due = addLocalDays(at(start), days, STOCKHOLM);
    expect(due.toISOString()).toBe(expected);
    expect(formatLocal(due, STOCKHOLM)).toBe(expectedLocal);
    expect((due.getTime() - at(start).getTime()) / HOUR).toBe(elapsedHours);
  });

  it('keeps seconds and milliseconds', () => {
    expect(addLocalDays(at('2027-03-20T09:15:42.123Z'), 14, STOCKHOLM).toISOString()).toBe('2027-04-03T08:15:42.123Z');
  });

  it.each([
    ['02:30 on the spring-forward day', '2027-03-27T01:30:00.000Z', 1, '2027-03-28T01:30:00.000Z', '2027-03-28 03:30'],
    ['02:00 on the spring-forward day', '2027-03-27T01:00:00.000Z', 1, '2027-03-28T01:00:00.000Z', '2027-03-28 03:00'],
    ['02:59 on the spring-forward day', '2027-03-27T01:59:00.000Z', 1, '2027-03-28T01:59:00.000Z', '2027-03-28 03:59'],
    ['02:30 fourteen days before the spring-forward day', '2027-03-14T01:30:00.000Z', 14, '2027-03-28T01:30:00.000Z', '2027-03-28 03:30'],
  ])('moves a wall-clock time that does not exist (%s) forward past the gap', (_case, start, days, expected, expectedLocal) => {
    const due = addLocalDays(at(start), days, STOCKHOLM);
    expect(due.toISOString()).toBe(expected);
    expect(formatLocal(due, STOCKHOLM)).toBe(expectedLocal);
  });

  it('leaves the times around the spring-forward gap alone', () => {
    expect(formatLocal(addLocalDays(at('2027-03-27T00:59:00Z'), 1, STOCKHOLM), STOCKHOLM)).toBe('2027-03-28 01:59');
    expect(formatLocal(addLocalDays(at('2027-03-27T02:00:00Z'), 1, STOCKHOLM), STOCKHOLM)).toBe('2027-03-28 03:00');
  });

  it('moves a skipped time forward in a time zone west of UTC too (America/New_York, 2027-03-14 02:00 → 03:00)', () => {
    // 2027-03-13 02:30 EST (UTC-5) + 1 day: 02:30 does not exist on the 14th; 03:30 EDT is 07:30Z.
    const due = addLocalDays(at('2027-03-13T07:30:00Z'), 1, 'America/New_York');
    expect(formatLocal(due, 'America/New_York')).toBe('2027-03-14 03:30');
    expect(due.toISOString()).toBe('2027-03-14T07:30:00.000Z');
  });

  it('resolves a wall-clock time that occurs twice (02:30 on the fall-back day) to the later one', () => {
    // 02:30 CEST is 00:30Z, 02:30 CET is 01:30Z.
    const due = addLocalDays(at('2026-10-24T00:30:00Z'), 1, STOCKHOLM);
    expect(formatLocal(due, STOCKHOLM)).toBe('2026-10-25 02:30');
    expect(due.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('never moves a deadline before its start when adding zero days in the repeated hour', () => {
    for (const start of ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
      const same = addLocalDays(at(start), 0, STOCKHOLM);
      expect(formatLocal(same, STOCKHOLM)).toBe('2026-10-25 02:30');
      expect(same.getTime()).toBeGreaterThanOrEqual(at(start).getTime());
    }
  });

  it('keeps the wall clock for every quarter hour around both DST changes, except inside the gap', () => {
    const windows = [
      ['2027-03-26T23:00:00Z', '2027-03-29T00:00:00Z'],
      ['2026-10-23T22:00:00Z', '2026-10-26T00:00:00Z'],
    ];
    let checked = 0;
    for (const [from, to] of windows) {
      for (let t = Date.parse(from); t < Date.parse(to); t += 15 * 60_000) {
        const start = new Date(t);
        for (const days of [-14, -1, 1, 14]) {
          const due = addLocalDays(start, days, STOCKHOLM);
          const startTime = formatLocal(start, STOCKHOLM).slice(11);
          const dueTime = formatLocal(due, STOCKHOLM).slice(11);
          const inGap = due.toISOString().startsWith('2027-03-28') && startTime >= '02:00' && startTime < '03:00';
          expect(dueTime).toBe(inGap ? `03${startTime.slice(2)}` : startTime);
          // A calendar day is 23, 24 or 25 hours long.
          const elapsed = (due.getTime() - t) / HOUR;
          expect(Math.abs(elapsed - days * 24)).toBeLessThanOrEqual(1);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('uses the time zone it is given', () => {
    // The same instant and day count in UTC does not follow Stockholm's DST change.
    expect(addLocalDays(at('2027-03-20T09:00:00Z'), 14, 'UTC').toISOString()).toBe('2027-04-03T09:00:00.000Z');
    expect(addLocalDays(at('2027-03-20T09:00:00Z'), 14, STOCKHOLM).toISOString()).toBe('2027-04-03T08:00:00.000Z');
  });
});

describe('addLocalMonths', () => {
  it.each([
    ['a plain month', '2026-06-15T08:00:00.000Z', 1, '2026-07-15 10:00'],
    ['31 Jan + 1 month clamps to 28 Feb', '2027-01-31T09:00:00.000Z', 1, '2027-02-28 10:00'],
    ['31 Jan + 1 month clamps to 29 Feb in a leap year', '2028-01-31T09:00:00.000Z', 1, '2028-02-29 10:00'],
    ['29 Feb + 12 months clamps to 28 Feb', '2028-02-29T09:00:00.000Z', 12, '2029-02-28 10:00'],
    ['31 Mar + 1 month clamps to 30 Apr (and crosses into CEST)', '2027-03-31T08:00:00.000Z', 1, '2027-04-30 10:00'],
    ['30 Nov + 3 months wraps the year and clamps', '2026-11-30T09:00:00.000Z', 3, '2027-02-28 10:00'],
    ['15 Nov + 4 months wraps the year', '2026-11-15T09:00:00.000Z', 4, '2027-03-15 10:00'],
    ['31 Oct + 4 months (an investigation) clamps to 28 Feb', '2026-10-31T09:00:00.000Z', 4, '2027-02-28 10:00'],
    ['31 Dec + 12 months', '2026-12-31T09:00:00.000Z', 12, '2027-12-31 10:00'],
    ['31 Mar − 1 month clamps to 28 Feb', '2027-03-31T08:00:00.000Z', -1, '2027-02-28 10:00'],
    ['15 Jan − 2 months goes back a year', '2027-01-15T09:00:00.000Z', -2, '2026-11-15 10:00'],
    ['zero months', '2027-01-31T09:00:00.000Z', 0, '2027-01-31 10:00'],
    ['30 Jan + 1 month clamps to 28 Feb', '2027-01-30T09:00:00.000Z', 1, '2027-02-28 10:00'],
    ['28 Jan + 1 month is not clamped', '2027-01-28T09:00:00.000Z', 1, '2027-02-28 10:00'],
    ['15 Jan + 24 months', '2027-01-15T09:00:00.000Z', 24, '2029-01-15 10:00'],
  ])('%s', (_case, start, months, expectedLocal) => {
    expect(formatLocal(addLocalMonths(at(start), months, STOCKHOLM), STOCKHOLM)).toBe(expectedLocal);
  });

  it('keeps the wall-clock time across DST changes', () => {
    // 10:00 CET → 10:00 CEST is 09:00Z → 08:00Z; and back again in autumn.
    expect(addLocalMonths(at('2027-01-15T09:00:00Z'), 4, STOCKHOLM).toISOString()).toBe('2027-05-15T08:00:00.000Z');
    expect(addLocalMonths(at('2026-08-15T08:00:00Z'), 4, STOCKHOLM).toISOString()).toBe('2026-12-15T09:00:00.000Z');
  });

  it('counts from the local date, not the UTC date', () => {
    // 2027-03-31 00:30 CEST is 2027-03-30 22:30Z.
    const due = addLocalMonths(at('2027-03-30T22:30:00Z'), 1, STOCKHOLM);
    expect(formatLocal(due, STOCKHOLM)).toBe('2027-04-30 00:30');
    expect(due.toISOString()).toBe('2027-04-29T22:30:00.000Z');
  });

  it('moves a skipped wall-clock time forward and does not throw', () => {
    // 2027-02-28 02:30 CET + 1 month → 2027-03-28 02:30, which does not exist.
    expect(formatLocal(addLocalMonths(at('2027-02-28T01:30:00Z'), 1, STOCKHOLM), STOCKHOLM)).toBe('2027-03-28 03:30');
  });

  it('keeps seconds and milliseconds', () => {
    expect(addLocalMonths(at('2027-01-31T09:15:42.123Z'), 1, STOCKHOLM).toISOString()).toBe('2027-02-28T09:15:42.123Z');
  });
});

describe('formatLocal', () => {
  it.each([
    ['winter time (CET, UTC+1)', '2026-12-07T09:00:00Z', STOCKHOLM, '2026-12-07 10:00'],
    ['summer time (CEST, UTC+2)', '2026-07-01T08:00:00Z', STOCKHOLM, '2026-07-01 10:00'],
    ['local midnight is 00:00 of the next local day', '2026-07-01T22:00:00Z', STOCKHOLM, '2026-07-02 00:00'],
    ['pads single digits', '2027-01-05T08:05:00Z', STOCKHOLM, '2027-01-05 09:05'],
    ['drops seconds without rounding up', '2027-01-05T08:05:59.999Z', STOCKHOLM, '2027-01-05 09:05'],
    ['the local year can differ from the UTC year', '2026-12-31T23:30:00Z', STOCKHOLM, '2027-01-01 00:30'],
    ['the first 02:30 on the fall-back day', '2026-10-25T00:30:00Z', STOCKHOLM, '2026-10-25 02:30'],
    ['the second 02:30 on the fall-back day', '2026-10-25T01:30:00Z', STOCKHOLM, '2026-10-25 02:30'],
    ['the instant of spring forward', '2027-03-28T01:00:00Z', STOCKHOLM, '2027-03-28 03:00'],
    ['another time zone', '2026-12-07T09:00:00Z', 'UTC', '2026-12-07 09:00'],
    ['a time zone west of UTC', '2026-12-07T09:00:00Z', 'America/New_York', '2026-12-07 04:00'],
  ])('%s', (_case, instant, timeZone, expected) => {
    expect(formatLocal(at(instant), timeZone)).toBe(expected);
  });
});

describe('forms and messages in the district zone', () => {
  it('a wall-clock date and time in Stockholm is one instant whatever the computer says, and reads back the same', () => {
    expect(instantAtLocal(2026, 12, 8, 10, 0, STOCKHOLM).toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(instantAtLocal(2026, 7, 8, 10, 0, STOCKHOLM).toISOString()).toBe('2026-07-08T08:00:00.000Z');
    // Day overflow: 32 December is 1 January (the end of a "valid through 31 December" day).
    expect(instantAtLocal(2026, 12, 32, 0, 0, STOCKHOLM).toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(wallClockIn(new Date('2026-12-08T09:00:00Z'), STOCKHOLM)).toEqual({ year: 2026, month: 12, day: 8, hour: 10, minute: 0 });
  });

  it('messages show times as the pages do', () => {
    expect(formatForMessage(new Date('2026-12-07T11:10:00Z'), STOCKHOLM)).toBe('7 dec. 2026 12:10');
  });
});
