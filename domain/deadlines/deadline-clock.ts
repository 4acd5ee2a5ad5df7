/**
 * How a running clock is shown: its colour from the district's reminder steps
 * and the time left (or late) in one rounded unit. Pure, shared with the web app.
 */
export type ClockLevel = 'ok' | 'warning' | 'late';

export interface RunningClock {
  readonly startsAt?: string | null;
  readonly dueAt?: string | null;
  readonly status?: string | null;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Amber from the district's first reminder step, red past the due time. */
export function clockLevel(clock: RunningClock, now: number, reminderPercents: readonly number[]): ClockLevel {
  if (!clock.dueAt) return 'ok';
  const due = Date.parse(clock.dueAt);
  if (now > due || clock.status === 'OVERDUE') return 'late';
  if (!reminderPercents.length) return 'ok';
  const start = clock.startsAt ? Date.parse(clock.startsAt) : due;
  const elapsedPercent = due > start ? ((now - start) / (due - start)) * 100 : 0;
  return elapsedPercent >= Math.min(...reminderPercents) ? 'warning' : 'ok';
}

export interface TimeLeft {
  readonly unit: 'minutes' | 'hours' | 'days';
  readonly amount: number;
  readonly late: boolean;
}

/** Days from two days on, hours from one hour, else minutes (at least 1); always rounded down. */
export function timeLeft(dueAt: string, now: number): TimeLeft {
  const diff = Date.parse(dueAt) - now;
  const abs = Math.abs(diff);
  const late = diff < 0;
  if (abs >= 2 * DAY_MS) return { unit: 'days', amount: Math.floor(abs / DAY_MS), late };
  if (abs >= HOUR_MS) return { unit: 'hours', amount: Math.floor(abs / HOUR_MS), late };
  return { unit: 'minutes', amount: Math.max(1, Math.floor(abs / MINUTE_MS)), late };
}
