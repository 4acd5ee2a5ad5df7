import { useEffect, useState } from 'react';
import { ClockDeadline, clockLevel, clockText } from './clock';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

/** What a clock needs to show where a report or talk stands against a deadline. */
graphql(`
  fragment ClockDeadlineFields on Deadline {
    id
    kind
    startsAt
    dueAt
    metAt
    status
  }
`);

const TICK_MS = 60_000;

/** Re-renders once a minute: a clock, not a stopwatch. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

export function Clock({
  deadline,
  now,
  reminderPercents,
}: {
  deadline: ClockDeadline | null;
  now: number;
  reminderPercents: readonly number[];
}) {
  const { t, formatDateTime } = useI18n();
  if (!deadline) return <span className="clock">{t.clock.none}</span>;
  const level = clockLevel(deadline, now, reminderPercents);
  const kind = deadline.kind ? t.deadlineKinds[deadline.kind] : '';
  return (
    <span className={`clock clock-${level}`} data-level={level} title={formatDateTime(deadline.dueAt)}>
      <span aria-hidden="true" className="clock-dot" />
      <span>
        {kind}: {clockText(deadline, now, t)}
      </span>
    </span>
  );
}
