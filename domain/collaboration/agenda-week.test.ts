import { mondayOfIsoWeek, weekWindow } from './agenda-week';

describe('mondayOfIsoWeek', () => {
  it.each<[string, string | null]>([
    ['2026-W01', '2025-12-29'],
    ['2026-W49', '2026-11-30'],
    ['2026-W53', '2026-12-28'],
    ['2027-W53', null],
    ['2027-W52', '2027-12-27'],
    ['2026-W00', null],
    ['2026-49', null],
    ['week 49', null],
  ])('%s → %s', (week, monday) => {
    const m = mondayOfIsoWeek(week);
    expect(m ? `${m.year}-${String(m.month).padStart(2, '0')}-${String(m.day).padStart(2, '0')}` : null).toBe(monday);
  });
});

describe('weekWindow in Europe/Stockholm', () => {
  it.each<[string, string, string]>([
    ['2026-W49', '2026-11-29T23:00:00.000Z', '2026-12-06T23:00:00.000Z'],
    ['2026-W27', '2026-06-28T22:00:00.000Z', '2026-07-05T22:00:00.000Z'],
    ['2026-W13', '2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
  ])('%s', (week, start, end) => {
    const w = weekWindow(week, 'Europe/Stockholm')!;
    expect([w.start.toISOString(), w.end.toISOString()]).toEqual([start, end]);
  });
});
