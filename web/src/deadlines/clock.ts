import { RunningClock, timeLeft } from '../../../domain/deadlines/deadline-clock';
import type { Messages } from '../i18n/messages';

export { clockLevel, type ClockLevel } from '../../../domain/deadlines/deadline-clock';

export interface ClockDeadline extends RunningClock {
  kind?: string | null;
}

/** "6 h kvar", "2 dagar sen". */
export function clockText(d: ClockDeadline, now: number, t: Messages): string {
  if (!d.dueAt) return '';
  const left = timeLeft(d.dueAt, now);
  const amount = t.clock[left.unit](left.amount);
  return left.late ? t.clock.late(amount) : t.clock.left(amount);
}

/** The clock that matters now: the open deadline due first. */
export function nextOpenDeadline<D extends ClockDeadline>(deadlines: readonly D[] | null | undefined): D | null {
  const open = (deadlines ?? []).filter((d) => (d.status === 'OPEN' || d.status === 'OVERDUE') && d.dueAt);
  open.sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
  return open[0] ?? null;
}
