import { talkWeekDay } from './talk-week.rules';

const zone = 'Europe/Stockholm';
const d = (iso: string) => new Date(iso);

describe('talkWeekDay', () => {
  it.each([
    [
      'booked on Wednesday, due Friday: Wednesday',
      { scheduledAt: d('2026-11-25T09:00:00Z'), dueAt: d('2026-11-27T08:00:00Z') },
      '2026-11-25',
    ],
    [
      'booked after its due day: the booked day',
      { scheduledAt: d('2026-11-30T13:00:00Z'), dueAt: d('2026-11-27T08:00:00Z') },
      '2026-11-30',
    ],
    ['booked at 00:30 Swedish time: that Swedish day', { scheduledAt: d('2026-11-24T23:30:00Z'), dueAt: null }, '2026-11-25'],
    ['not booked: its due day', { scheduledAt: null, dueAt: d('2026-11-27T08:00:00Z') }, '2026-11-27'],
    ['not booked, due at midnight: the day before', { scheduledAt: null, dueAt: d('2026-11-26T23:00:00Z') }, '2026-11-26'],
  ])('%s', (_, talk, day) => {
    const date = talkWeekDay(talk, zone)!;
    expect(`${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`).toBe(day);
  });

  it('neither booked nor due: no day', () => {
    expect(talkWeekDay({ scheduledAt: null, dueAt: null }, zone)).toBeNull();
  });
});
