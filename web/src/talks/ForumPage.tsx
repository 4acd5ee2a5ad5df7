import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { RadiosField, SelectField, useForm } from '../components/use-form';
import { useNow } from '../deadlines/Clock';
import { DistrictChoice, useViewerDistrict } from '../components/DistrictChoice';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { graphql } from '../gql';
import type { ForumMeetingsQuery, ForumNoReason, TalkHolderKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { addDays, localDateKey, weekStart } from './talks';
import { hasRole, SOCIAL_SERVICES_ROLES, useViewer } from '../viewer';
import { PageSection } from '../components/PageSection';

const FORUM_MEETINGS = graphql(`
  query ForumMeetings($districtId: ID!, $from: String!, $to: String!, $handles: Boolean!) {
    forumMeetings(districtId: $districtId, from: $from, to: $to) {
      id
      meetsOn
      items {
        id
        reportReference
        childName
        childAge
        category
        suspectedOffence
        preInvestigationRunning
        earlierReports
        earlierTalks
        holdTalk
        withUniformedPolice
        holderKind
        targetDate
        decidedAt
        noReason
        decidedBy @include(if: $handles)
        noReasonText @include(if: $handles)
        report @include(if: $handles) {
          id
        }
        talk @include(if: $handles) {
          id
          reference
        }
      }
    }
  }
`);
const CREATE_MEETING = graphql(`
  mutation CreateForumMeeting($input: CreateForumMeetingInput!) {
    createForumMeeting(input: $input) {
      id
    }
  }
`);
const DECIDE = graphql(`
  mutation DecideForumItem($input: DecideForumItemInput!) {
    decideForumItem(input: $input) {
      id
    }
  }
`);

type Meeting = ForumMeetingsQuery['forumMeetings'][number];
type Item = NonNullable<Meeting['items']>[number];

const HOLDERS: TalkHolderKind[] = ['SOCIAL_SERVICES', 'SOCIAL_WORKER_AT_POLICE', 'FIELD_TEAM'];
const REASONS: ForumNoReason[] = ['ALREADY_IN_CONTACT', 'NOT_A_STRATEGIC_OFFENCE', 'SUSPICION_DROPPED', 'OUTSIDE_AGE_BAND', 'OTHER'];
/** The earlier minutes the page shows: half a year. */
const HISTORY_DAYS = 182;

/** The weekly LUL forum of a district: this week's agenda with a decision per report, and the earlier minutes; prints on A4. */
export function ForumPage() {
  const { t } = useI18n();
  const viewer = useViewer();
  const now = useNow();
  const [districtId, setDistrictId] = useViewerDistrict();
  const monday = weekStart(new Date(now));
  const sunday = addDays(monday, 6);
  // Social services handle the reports and decide; the police and the coordinator read the agenda's need-to-know facts only.
  const decides = hasRole(viewer, ...SOCIAL_SERVICES_ROLES);
  const variables = { districtId, from: localDateKey(addDays(monday, -HISTORY_DAYS)), to: localDateKey(sunday), handles: decides };
  const { data, loading, error, refetch } = useQuery(FORUM_MEETINGS, { variables, skip: !districtId });
  const [create, creating] = useMutation(CREATE_MEETING);
  const meetings = data?.forumMeetings ?? [];
  const current = meetings.find((m) => (m.meetsOn ?? '') >= localDateKey(monday));
  const earlier = meetings.filter((m) => m !== current);
  const createMeeting = async () => {
    const done = await create({ variables: { input: { districtId, meetsOn: localDateKey(new Date(now)) } } }).catch(() => null);
    if (done?.data) await refetch();
  };
  return (
    <PageSection id="forum-title" title={t.forum.title} className="forum-page">
      <Paragraph className="no-print">{t.forum.intro}</Paragraph>
      <div className="toolbar no-print">
        <DistrictChoice label={t.forum.district} value={districtId} onChange={setDistrictId} />
        <Button variant="secondary" onClick={() => window.print()}>
          {t.forum.print}
        </Button>
      </div>
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      {data && (
        <section aria-labelledby="forum-this-week" className="forum-week">
          <Heading level={2} data-size="md" id="forum-this-week">
            {t.forum.thisWeek}
          </Heading>
          {current ? (
            <MeetingMinutes meeting={current} decides={decides} onDecided={() => refetch()} />
          ) : (
            <>
              <Paragraph>{t.forum.noMeeting}</Paragraph>
              {decides && (
                <Button className="no-print" onClick={createMeeting} loading={creating.loading}>
                  {t.forum.create}
                </Button>
              )}
              <ErrorAlert error={creating.error} />
            </>
          )}
        </section>
      )}
      {data && (
        <section aria-labelledby="forum-earlier" className="forum-earlier">
          <Heading level={2} data-size="md" id="forum-earlier">
            {t.forum.earlier}
          </Heading>
          {earlier.length === 0 ? (
            <Empty>{t.forum.earlierEmpty}</Empty>
          ) : (
            earlier.map((m) => <MeetingMinutes key={m.id} meeting={m} decides={false} onDecided={() => undefined} />)
          )}
        </section>
      )}
    </PageSection>
  );
}

function MeetingMinutes({ meeting, decides, onDecided }: { meeting: Meeting; decides: boolean; onDecided: () => void }) {
  const { t, formatDate } = useI18n();
  const items = meeting.items ?? [];
  const headingId = `meeting-${meeting.id}`;
  return (
    <section aria-labelledby={headingId} className="forum-meeting" data-meets-on={meeting.meetsOn}>
      <Heading level={3} data-size="sm" id={headingId}>
        {t.forum.meeting(formatDate(meeting.meetsOn ?? ''))}
      </Heading>
      {items.length === 0 ? (
        <Empty>{t.forum.agendaEmpty}</Empty>
      ) : (
        <ol className="plain-list forum-agenda">
          {items.map((item) => (
            <AgendaItem key={item.id} item={item} decides={decides} onDecided={onDecided} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AgendaItem({ item, decides, onDecided }: { item: Item; decides: boolean; onDecided: () => void }) {
  const { t } = useI18n();
  const reference = item.reportReference ?? '';
  const titleId = `item-${item.id}`;
  const title = t.forum.report(reference);
  return (
    <li className="card forum-item" data-reference={reference} aria-labelledby={titleId}>
      <Heading level={4} data-size="xs" id={titleId}>
        {item.report ? <Link href={`/reports/${item.report.id}`}>{title}</Link> : title}
        {item.childName ? ` · ${item.childName}` : ''}
      </Heading>
      <dl className="facts">
        <dt>{t.forum.age}</dt>
        <dd>{item.childAge != null ? t.talks.age(item.childAge) : t.forum.unknown}</dd>
        <dt>{t.forum.suspicion}</dt>
        <dd>{[item.category ? t.categories[item.category] : null, item.suspectedOffence].filter(Boolean).join(': ') || t.forum.unknown}</dd>
        <dt>{t.forum.preInvestigation}</dt>
        <dd>
          {item.preInvestigationRunning == null ? t.forum.unknown : item.preInvestigationRunning ? t.forum.running : t.forum.notRunning}
        </dd>
        <dt>{t.forum.earlierReports}</dt>
        <dd>{item.earlierReports ?? '–'}</dd>
        <dt>{t.forum.earlierTalks}</dt>
        <dd>{item.earlierTalks ?? '–'}</dd>
      </dl>
      {item.decidedAt ? (
        <Decision item={item} />
      ) : decides ? (
        <DecisionForm item={item} onDecided={onDecided} />
      ) : (
        <Paragraph data-testid="forum-decision">{t.forum.undecided}</Paragraph>
      )}
    </li>
  );
}

function Decision({ item }: { item: Item }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const reason = item.noReason ? t.forum.reasons[item.noReason] : '';
  return (
    <div data-testid="forum-decision" data-decision={item.holdTalk ? 'yes' : 'no'}>
      <Paragraph>
        <strong>{t.forum.decision}: </strong>
        {item.holdTalk
          ? t.forum.decidedYes(formatDate(item.targetDate ?? ''), item.withUniformedPolice)
          : t.forum.decidedNo(item.noReasonText ? `${reason} (${item.noReasonText})` : reason)}
        {item.holdTalk && item.holderKind && ` ${t.forum.holder}: ${t.forum.holders[item.holderKind]}.`}
      </Paragraph>
      {item.talk && (
        <Paragraph>
          <Link href={`/talks/${item.talk.id}`}>{t.forum.talkLink(item.talk.reference ?? '')}</Link>
        </Paragraph>
      )}
      <Paragraph data-size="sm" className="muted">
        {t.forum.decidedBy(formatDateTime(item.decidedAt), item.decidedBy ?? null)}
      </Paragraph>
    </div>
  );
}

function DecisionForm({ item, onDecided }: { item: Item; onDecided: () => void }) {
  const { t } = useI18n();
  const [hold, setHold] = useState<'' | 'yes' | 'no'>('');
  const [uniformed, setUniformed] = useState(false);
  const [holderKind, setHolderKind] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [noReason, setNoReason] = useState('');
  const [noReasonText, setNoReasonText] = useState('');
  const [decide, state] = useMutation(DECIDE);
  const form = useForm(
    {
      holdTalk: { id: `hold-${item.id}-yes`, label: t.forum.decision, value: hold, kind: 'choice', required: true },
      targetDate:
        hold === 'yes'
          ? {
              id: `decision-${item.id}-target`,
              label: t.forum.targetDate,
              value: targetDate,
              kind: 'date',
              required: true,
              emptyMessage: t.forum.targetDateMissing,
            }
          : null,
      noReason:
        hold === 'no'
          ? {
              id: `decision-${item.id}-reason`,
              label: t.forum.noReason,
              value: noReason,
              kind: 'choice',
              required: true,
              emptyMessage: t.forum.noReasonMissing,
            }
          : null,
      noReasonText:
        hold === 'no'
          ? { id: `decision-${item.id}-reason-text`, label: t.forum.noReasonText, value: noReasonText, required: noReason === 'OTHER' }
          : null,
    },
    { error: state.error },
  );
  const submit = form.submit(async () => {
    const input =
      hold === 'yes'
        ? {
            itemId: item.id,
            holdTalk: true,
            withUniformedPolice: uniformed,
            holderKind: (holderKind || null) as TalkHolderKind | null,
            targetDate: targetDate || null,
          }
        : {
            itemId: item.id,
            holdTalk: false,
            noReason: (noReason || null) as ForumNoReason | null,
            noReasonText: noReasonText.trim() || null,
          };
    const done = await decide({ variables: { input } });
    if (done.data) onDecided();
  });
  return (
    <form onSubmit={submit} noValidate className="form no-print forum-decision-form">
      {form.summary}
      <RadiosField
        field={form.field('holdTalk')}
        name={`hold-${item.id}`}
        options={[
          { value: 'yes', label: t.forum.hold },
          { value: 'no', label: t.forum.noTalk },
        ]}
        value={hold}
        onChange={setHold}
      />
      {hold === 'yes' && (
        <div className="row align-end">
          <Textfield type="date" {...form.field('targetDate')} value={targetDate} onChange={(e) => setTargetDate(e.target.value)} />
          <Field>
            <Label>{t.forum.holder}</Label>
            <Select value={holderKind} onChange={(e) => setHolderKind(e.target.value)}>
              <Select.Option value="">{t.flag.choose}</Select.Option>
              {HOLDERS.map((h) => (
                <Select.Option key={h} value={h}>
                  {t.forum.holders[h]}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Checkbox label={t.forum.uniformed} checked={uniformed} onChange={(e) => setUniformed(e.target.checked)} />
        </div>
      )}
      {hold === 'no' && (
        <>
          <SelectField field={form.field('noReason')} value={noReason} onChange={setNoReason}>
            {REASONS.map((r) => (
              <Select.Option key={r} value={r}>
                {t.forum.reasons[r]}
              </Select.Option>
            ))}
          </SelectField>
          <Textfield
            multiline
            rows={2}
            {...form.field('noReasonText')}
            description={t.forum.noReasonTextHint}
            value={noReasonText}
            onChange={(e) => setNoReasonText(e.target.value)}
          />
        </>
      )}
      <Button type="submit" variant="secondary" loading={state.loading}>
        {t.forum.save}
      </Button>
    </form>
  );
}
