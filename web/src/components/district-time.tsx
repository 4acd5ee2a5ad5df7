import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { STOCKHOLM_TIME_ZONE } from '../../../domain/time/calendar-date';
import { instantAtLocal, wallClockIn } from '../../../domain/time/local-time';
import { useI18n } from '../i18n/i18n';
import { useViewer } from '../viewer';

/**
 * Dates and times as the district's clock shows them, whatever the computer's zone: a form's "10:00" is 10:00 in
 * the district, and a "valid through" date lasts to the end of that day there.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The zone of the child's district, else the viewer's first district's, else Swedish time. */
export function useDistrictTimeZone(districtId?: string | null): string {
  const viewer = useViewer();
  const district = viewer.districts.find((d) => d.id === districtId) ?? viewer.districts[0];
  return district?.policy.timeZone ?? STOCKHOLM_TIME_ZONE;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "2026-12-08" and "10:00" in `timeZone` → ISO instant; null when either is empty or malformed. */
export function zonedToIso(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  return instantAtLocal(Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2]), timeZone, Number(t[3] ?? 0)).toISOString();
}

/** A date field's value as an instant at the start of that day in `timeZone`. */
export function startOfDayIso(date: string, timeZone: string): string | null {
  return zonedToIso(date, '00:00', timeZone);
}

/** "Through this date": the instant the next day starts in `timeZone`, so the whole day counts (end exclusive). */
export function endOfDayIso(date: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return null;
  return instantAtLocal(Number(d[1]), Number(d[2]), Number(d[3]) + 1, 0, 0, timeZone).toISOString();
}

/** The last moment before an exclusive end: formatted as a date, the last day it covers. */
export function lastMoment(endIso: string): string {
  return new Date(Date.parse(endIso) - 1).toISOString();
}

/** An instant as the district's date field value (YYYY-MM-DD). */
export function dateValue(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const w = wallClockIn(new Date(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** An instant as the district's time field value (HH:MM). */
export function timeValue(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const w = wallClockIn(new Date(iso), timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Says which zone the times are in, only when the computer's zone is another one. */
export function ZoneNote({ timeZone, id }: { timeZone: string; id?: string }) {
  const { t } = useI18n();
  if (browserTimeZone() === timeZone) return null;
  return (
    <Paragraph data-size="sm" className="muted" id={id} data-testid="zone-note">
      {t.forms.timesIn(zoneName(timeZone, t.forms.swedishTime))}
    </Paragraph>
  );
}

function zoneName(timeZone: string, swedish: string): string {
  return timeZone === STOCKHOLM_TIME_ZONE ? swedish : timeZone;
}

interface DateTimeFieldsProps {
  timeZone: string;
  date: string;
  time: string;
  onDate(value: string): void;
  onTime(value: string): void;
  dateLabel: string;
  timeLabel: string;
  dateId?: string;
  timeId?: string;
  dateError?: string;
  timeError?: string;
  required?: boolean;
  /** Seconds in the time field (a held talk's exact time). */
  seconds?: boolean;
}

/** A date and a time field read in the district's zone, with the zone named when the computer is elsewhere. */
export function DateTimeFields(props: DateTimeFieldsProps) {
  const { t } = useI18n();
  const noteId = useId();
  const differs = browserTimeZone() !== props.timeZone;
  const mark = (label: string) => (props.required ? `${label} ${t.forms.requiredMark}` : label);
  return (
    <div>
      <div className="row">
        <Textfield
          id={props.dateId}
          type="date"
          label={mark(props.dateLabel)}
          value={props.date}
          required={props.required}
          aria-describedby={differs ? noteId : undefined}
          onChange={(e) => props.onDate(e.target.value)}
          error={props.dateError}
        />
        <Textfield
          id={props.timeId}
          type="time"
          step={props.seconds ? 1 : undefined}
          label={mark(props.timeLabel)}
          value={props.time}
          required={props.required}
          aria-describedby={differs ? noteId : undefined}
          onChange={(e) => props.onTime(e.target.value)}
          error={props.timeError}
        />
      </div>
      <ZoneNote timeZone={props.timeZone} id={noteId} />
    </div>
  );
}
