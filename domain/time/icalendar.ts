/**
 * iCalendar (RFC 5545) from one builder for every event the product sends or publishes (talks, case meetings), so a
 * calendar sees one event per thing (the same UID) whichever way it came. Calendar files end up in phones and external
 * calendars: callers give a summary of a reference, kind, time and place, never a child's name or crime information.
 */
export interface CalendarEvent {
  /** Stable for the thing the event is: `talk-…@samverka`. */
  readonly uid: string;
  readonly summary: string;
  readonly start: Date;
  readonly minutes: number;
  readonly location: string | null;
  /** Raised at every move and at the cancellation: a calendar keeps the event with the highest (RFC 5545 3.8.7.4). */
  readonly sequence: number;
  readonly cancelled: boolean;
}

/** iTIP (RFC 5546): a feed publishes; an e-mail asks the receiver to add or update the entry, or to cancel it. */
export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/** Which calendar the events belong to, as the receiving program shows it. */
export interface CalendarName {
  readonly productId: string;
  readonly name: string;
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 3.1: lines longer than 75 octets are folded. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + ch, 'utf8') > limit) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function icalendar(events: readonly CalendarEvent[], calendar: CalendarName, now: Date, method: CalendarMethod): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.productId}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  for (const e of events) {
    const end = new Date(e.start.getTime() + e.minutes * 60_000);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `SEQUENCE:${e.sequence}`,
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(e.start)}`,
      `DTEND:${stamp(end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
