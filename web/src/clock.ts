import type { Messages } from './i18n/messages';

export type ClockLevel = 'ok' | 'warning' | 'late';

export interface ClockDeadline {
  kind?: string | null;
  startsAt?: string | null;
  dueAt?: string | null;
  status?: string | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Amber from the district's first reminder step, red past the due time. */
export function clockLevel(d: ClockDeadline, now: number, reminderPercents: readonly number[]): ClockLevel {
  if (!d.dueAt) return 'ok';
  const due = Date.parse(d.dueAt);
  if (now > due || d.status === 'OVERDUE') return 'late';
  const start = d.startsAt ? Date.parse(d.startsAt) : due;
  const firstStep = reminderPercents.length ? Math.min(...reminderPercents) : 80;
  const elapsed = due > start ? ((now - start) / (due - start)) * 100 : 0;
  return elapsed >= firstStep ? 'warning' : 'ok';
}

export function clockText(d: ClockDeadline, now: number, t: Messages): string {
  if (!d.dueAt) return '';
  const diff = Date.parse(d.dueAt) - now;
  const abs = Math.abs(diff);
  const amount = abs >= 2 * DAY ? t.clock.days(Math.floor(abs / DAY))
    : abs >= HOUR ? t.clock.hours(Math.floor(abs / HOUR))
      : t.clock.minutes(Math.max(1, Math.floor(abs / MINUTE)));
  return diff >= 0 ? t.clock.left(amount) : t.clock.late(amount);
}

/** The clock that matters now: the open deadline due first. */
export function nextOpenDeadline<D extends ClockDeadline>(deadlines: readonly D[] | null | undefined): D | null {
  const open = (deadlines ?? []).filter((d) => (d.status === 'OPEN' || d.status === 'OVERDUE') && d.dueAt);
  open.sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
  return open[0] ?? null;
}
