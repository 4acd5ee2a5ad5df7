import { escapeText, talksCalendar } from './talk-calendar';

describe('talksCalendar', () => {
  const now = new Date('2026-12-01T08:00:00Z');

  it('writes one event per talk with its reference, time and place, in CRLF lines', () => {
    const ics = talksCalendar(
      [
        {
          id: 'a1',
          reference: 'SA-2026-000001',
          scheduledAt: new Date('2026-12-03T13:30:00Z'),
          location: 'Polishuset, rum 3',
          sequence: 0,
          cancelled: false,
        },
      ],
      now,
    );
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Samverka//Samtal//SV',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Samverka samtal',
      'BEGIN:VEVENT',
      'UID:talk-a1@samverka',
      'SEQUENCE:0',
      'STATUS:CONFIRMED',
      'DTSTAMP:20261201T080000Z',
      'DTSTART:20261203T133000Z',
      'DTEND:20261203T143000Z',
      'SUMMARY:Samtal SA-2026-000001',
      'LOCATION:Polishuset\\, rum 3',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('a moved or cancelled talk is the same event (UID) with a higher sequence; a cancellation e-mail asks to cancel it', () => {
    const talk = { id: 'a1', reference: 'SA-1', scheduledAt: now, location: null, sequence: 2, cancelled: true };
    const lines = talksCalendar([talk], now, 'CANCEL').split('\r\n');
    expect(lines).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'UID:talk-a1@samverka', 'SEQUENCE:2', 'STATUS:CANCELLED']));
  });

  it('is an empty calendar without talks', () => {
    expect(talksCalendar([], now)).toContain('BEGIN:VCALENDAR\r\nVERSION:2.0');
    expect(talksCalendar([], now)).not.toContain('VEVENT');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const ics = talksCalendar(
      [{ id: 'b', reference: 'SA-1', scheduledAt: now, location: 'Å'.repeat(60), sequence: 0, cancelled: false }],
      now,
    );
    const location = ics.split('\r\n').filter((l) => l.startsWith('LOCATION') || l.startsWith(' '));
    expect(location.length).toBeGreaterThan(1);
    for (const l of location) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(location.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`LOCATION:${'Å'.repeat(60)}`);
  });

  it.each([
    ['a;b', 'a\\;b'],
    ['a,b', 'a\\,b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
  ])('escapes %p', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});
