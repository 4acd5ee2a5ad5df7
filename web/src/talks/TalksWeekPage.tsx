import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Clock, useNow } from '../deadlines/Clock';
import { DistrictChoice, useViewerDistrict } from '../components/DistrictChoice';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { nextOpenDeadline } from '../deadlines/clock';
import { graphql } from '../gql';
import type { TalksDueQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { addDays, isoWeek, localDateKey, weekStart } from './talks';
import { reminderPercentsFor, useViewer } from '../viewer';
import { talkWeekDay } from '../../../domain/talks/talk-week.rules';
import { formatCalendarDate, STOCKHOLM_TIME_ZONE } from '../../../domain/time/calendar-date';
import { PageSection } from '../components/PageSection';

const TALKS_DUE = graphql(`
  query TalksDue($districtId: ID!, $from: DateTime!, $to: DateTime!) {
    talksDue(districtId: $districtId, from: $from, to: $to) {
      dueThisWeek
      heldLastWeek
      talks {
        id
        reference
        kind
        state
        childName
        dueAt
        scheduledAt
        responsible {
          id
          displayName
        }
        deadlines {
          id
          kind
          startsAt
          dueAt
          status
        }
      }
    }
  }
`);

type DueTalk = TalksDueQuery['talksDue']['talks'][number];

function TalkItem({ talk, now, percents }: { talk: DueTalk; now: number; percents: readonly number[] }) {
  const { t, formatTime } = useI18n();
  return (
    <li className="week-talk" data-reference={talk.reference}>
      {talk.scheduledAt && (
        <span className="week-talk-time" data-testid="booked-time">
          {t.talks.bookedAt(formatTime(talk.scheduledAt))}
        </span>
      )}
      <Link href={`/talks/${talk.id}`}>{talk.reference}</Link>
      <span>{talk.childName}</span>
      <span className="muted">
        {talk.state ? t.talks.states[talk.state] : ''}
        {talk.responsible ? ` · ${talk.responsible.displayName}` : ` · ${t.intake.unassigned}`}
      </span>
      <Clock deadline={nextOpenDeadline(talk.deadlines) ?? { dueAt: talk.dueAt, kind: null }} now={now} reminderPercents={percents} />
    </li>
  );
}

/** talksDue as a week: a day per column, the overdue from earlier weeks first; prev/next week. */
export function TalksWeekPage() {
  const { t, lang, formatDate } = useI18n();
  const viewer = useViewer();
  const now = useNow();
  const [offset, setOffset] = useState(0);
  const [districtId, setDistrictId] = useViewerDistrict();
  const from = weekStart(new Date(now), offset);
  const to = addDays(from, 7);
  const { data, loading, error, refetch } = useQuery(TALKS_DUE, {
    variables: { districtId, from: from.toISOString(), to: new Date(to.getTime() + 1).toISOString() },
    skip: !districtId,
    pollInterval: 60_000,
  });
  const percents = reminderPercentsFor(viewer, districtId);
  const talks = data?.talksDue.talks ?? [];
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  const byDay = new Map<string, DueTalk[]>();
  const overdue: DueTalk[] = [];
  const weekKeys = new Set(Array.from({ length: 7 }, (_, i) => localDateKey(addDays(from, i))));
  for (const talk of talks) {
    const filed = talkWeekDay(
      { scheduledAt: talk.scheduledAt ? new Date(talk.scheduledAt) : null, dueAt: talk.dueAt ? new Date(talk.dueAt) : null },
      STOCKHOLM_TIME_ZONE,
    );
    const key = filed ? formatCalendarDate(filed) : null;
    if (key && weekKeys.has(key)) byDay.set(key, [...(byDay.get(key) ?? []), talk]);
    // talksDue lists everything due before the week's end; of the earlier ones only the overdue belong here.
    else if (key && key < localDateKey(from) && talk.dueAt && Date.parse(talk.dueAt) < now) overdue.push(talk);
  }
  // Booked talks in a day by their time; the others after them.
  for (const list of byDay.values()) list.sort((a, b) => (a.scheduledAt ?? '\uffff').localeCompare(b.scheduledAt ?? '\uffff'));
  const weekLabel = t.talks.week(isoWeek(from), formatDate(from.toISOString()), formatDate(addDays(from, 6).toISOString()));
  const weekday = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'long' });
  return (
    <PageSection id="week-title" title={t.talks.weekTitle}>
      <Paragraph>{t.talks.weekIntro}</Paragraph>
      <div className="toolbar">
        <DistrictChoice label={t.talks.district} value={districtId} onChange={setDistrictId} />
        <nav aria-label={t.talks.weekTitle} className="week-nav">
          <Button variant="secondary" onClick={() => setOffset(offset - 1)}>
            {t.talks.prevWeek}
          </Button>
          <Button variant="tertiary" onClick={() => setOffset(0)} aria-pressed={offset === 0}>
            {t.talks.thisWeek}
          </Button>
          <Button variant="secondary" onClick={() => setOffset(offset + 1)}>
            {t.talks.nextWeek}
          </Button>
        </nav>
      </div>
      <Heading level={2} data-size="md" aria-live="polite" data-testid="week-heading">
        {weekLabel}
      </Heading>
      {data && <Paragraph data-size="sm">{t.talks.load(data.talksDue.dueThisWeek, data.talksDue.heldLastWeek)}</Paragraph>}
      <ErrorAlert error={error} onRetry={refetch} />
      {loading && !data && <Loading />}
      {overdue.length > 0 && (
        <section aria-labelledby="week-overdue" className="card week-overdue">
          <Heading level={3} data-size="xs" id="week-overdue">
            {t.talks.overdueBefore} <Tag data-color="danger">{overdue.length}</Tag>
          </Heading>
          <ul className="plain-list">
            {overdue.map((talk) => (
              <TalkItem key={talk.id} talk={talk} now={now} percents={percents} />
            ))}
          </ul>
        </section>
      )}
      {data && (
        <div className="week-grid">
          {days.map((day) => {
            const key = localDateKey(day);
            const list = byDay.get(key) ?? [];
            return (
              <section key={key} aria-labelledby={`day-${key}`} className="week-day" data-day={key}>
                <Heading level={3} data-size="xs" id={`day-${key}`}>
                  <span className="capitalize">{weekday.format(day)}</span> {formatDate(day.toISOString())}
                </Heading>
                {list.length === 0 ? (
                  <Empty>{t.talks.noneThisDay}</Empty>
                ) : (
                  <ul className="plain-list">
                    {list.map((talk) => (
                      <TalkItem key={talk.id} talk={talk} now={now} percents={percents} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </PageSection>
  );
}
