/**
 * iCalendar (RFC 5545) of talks: the viewer's feed and the entry an invitation, a move or a cancellation e-mail
 * carries, from this one builder, so a calendar sees one event per talk (the same UID) whichever way it came.
 * Calendar files end up in phones and external calendars, so an event names the talk's reference and place,
 * never the child.
 */
export interface CalendarTalk {
  readonly id: string;
  readonly reference: string;
  readonly scheduledAt: Date;
  readonly location: string | null;
  /** Raised at every move and at the cancellation: a calendar keeps the event with the highest (RFC 5545 3.8.7.4). */
  readonly sequence: number;
  readonly cancelled: boolean;
}

/** iTIP (RFC 5546): a feed publishes; an e-mail asks the receiver to add or update the entry, or to cancel it. */
export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/** A talk is booked for an hour unless the calendar says otherwise. */
export const TALK_CALENDAR_MINUTES = 60;

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

export function talksCalendar(talks: readonly CalendarTalk[], now: Date, method: CalendarMethod = 'PUBLISH'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samverka//Samtal//SV',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'X-WR-CALNAME:Samverka samtal',
  ];
  for (const t of talks) {
    const end = new Date(t.scheduledAt.getTime() + TALK_CALENDAR_MINUTES * 60_000);
    lines.push(
      'BEGIN:VEVENT',
      `UID:talk-${t.id}@samverka`,
      `SEQUENCE:${t.sequence}`,
      `STATUS:${t.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(t.scheduledAt)}`,
      `DTEND:${stamp(end)}`,
      `SUMMARY:${escapeText(`Samtal ${t.reference}`)}`,
      ...(t.location ? [`LOCATION:${escapeText(t.location)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
