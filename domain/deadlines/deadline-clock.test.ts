import { clockLevel, timeLeft } from './deadline-clock';

const START = '2026-12-01T08:00:00Z';
const DUE = '2026-12-02T08:00:00Z';
const at = (iso: string) => Date.parse(iso);

describe('clockLevel', () => {
  it.each([
    ['just started', '2026-12-01T09:00:00Z', [50, 80], 'ok'],
    ['before the first reminder step', '2026-12-01T19:59:00Z', [50, 80], 'ok'],
    ['at the first reminder step', '2026-12-01T20:00:00Z', [50, 80], 'warning'],
    ['past the last reminder step', '2026-12-02T07:00:00Z', [50, 80], 'warning'],
    ['a district reminding at 80 % only', '2026-12-01T20:00:00Z', [80], 'ok'],
    ['a district without reminders', '2026-12-02T07:59:00Z', [], 'ok'],
    ['past due', '2026-12-02T08:00:01Z', [50, 80], 'late'],
  ] as const)('%s', (_name, now, percents, expected) => {
    expect(clockLevel({ startsAt: START, dueAt: DUE, status: 'OPEN' }, at(now), percents)).toBe(expected);
  });

  it('trusts the API when it already says OVERDUE', () => {
    expect(clockLevel({ startsAt: START, dueAt: DUE, status: 'OVERDUE' }, at(START), [50])).toBe('late');
  });

  it('has no colour without a due time', () => {
    expect(clockLevel({ startsAt: START, dueAt: null }, at(DUE), [50])).toBe('ok');
  });
});

describe('timeLeft', () => {
  it.each([
    ['6 hours left', '2026-12-02T02:00:00Z', { unit: 'hours', amount: 6, late: false }],
    ['just under a day', '2026-12-01T08:00:01Z', { unit: 'hours', amount: 23, late: false }],
    ['two days late', '2026-12-04T09:00:00Z', { unit: 'days', amount: 2, late: true }],
    ['59 minutes left', '2026-12-02T07:01:00Z', { unit: 'minutes', amount: 59, late: false }],
    ['due this second', DUE, { unit: 'minutes', amount: 1, late: false }],
    ['30 hours late', '2026-12-03T14:00:00Z', { unit: 'hours', amount: 30, late: true }],
  ] as const)('%s', (_name, now, expected) => {
    expect(timeLeft(DUE, at(now))).toEqual(expected);
  });
});
