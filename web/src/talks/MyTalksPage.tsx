import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorAlert, ListStatus } from '../components/Status';
import { downloadWithToken } from '../download';
import { graphql } from '../gql';
import type { MyTalksQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { useViewer } from '../viewer';
import { PageSection } from '../components/PageSection';

/** Only what the policy lets the invited see: no child record, no notes, no child's voice. */
const MY_TALKS = graphql(`
  query MyTalks {
    myTalks {
      id
      reference
      kind
      state
      childName
      childAge
      scheduledAt
      location
      heldAt
      preInvestigationRunning
      guardianContactOnHold
      withUniformedPolice
      holderAgency {
        id
        name
      }
      participants {
        id
        role
        agency {
          id
          name
        }
        attended
        uniformed
      }
      disclosures {
        id
        agency {
          id
          name
        }
        explainedAt
      }
    }
  }
`);

const OWN_DISCLOSURE = graphql(`
  mutation RecordOwnDisclosure($input: RecordDisclosureInput!) {
    recordDisclosure(input: $input) {
      id
      disclosures {
        id
        agency {
          id
          name
        }
        explainedAt
      }
    }
  }
`);

type InvitedTalk = MyTalksQuery['myTalks'][number];
const OPEN_STATES = new Set(['PROPOSED', 'SUMMONED', 'SCHEDULED']);

function InvitedTalkCard({ talk }: { talk: InvitedTalk }) {
  const { t, formatDateTime } = useI18n();
  const viewer = useViewer();
  const [record, { loading, error }] = useMutation(OWN_DISCLOSURE);
  const own = (talk.disclosures ?? []).find((d) => d.agency?.id === viewer.agency.id);
  const titleId = `talk-${talk.id}`;
  return (
    <li className="card" data-reference={talk.reference}>
      <Heading level={2} data-size="sm" id={titleId}>
        {talk.reference} · {talk.kind ? t.talks.kinds[talk.kind] : ''}{' '}
        <Tag data-color={talk.state === 'HELD' ? 'success' : 'neutral'}>{talk.state ? t.talks.states[talk.state] : ''}</Tag>
      </Heading>
      <dl className="facts">
        <dt>{t.talks.child}</dt>
        <dd>
          {talk.childName ?? '–'}
          {talk.childAge !== null && talk.childAge !== undefined ? `, ${t.talks.age(talk.childAge)}` : ''}
        </dd>
        <dt>{t.talks.scheduled}</dt>
        <dd>{talk.scheduledAt ? formatDateTime(talk.scheduledAt) : t.talks.notScheduled}</dd>
        <dt>{t.talks.place}</dt>
        <dd>{talk.location ?? '–'}</dd>
        <dt>{t.talks.holder}</dt>
        <dd>{talk.holderAgency?.name ?? '–'}</dd>
        <dt>{t.talks.participantsTitle}</dt>
        <dd>
          {(talk.participants ?? [])
            .map((p) => `${t.talks.roles[p.role]}${p.agency ? ` (${p.agency.name})` : ''}${p.uniformed ? `, ${t.talks.uniformed}` : ''}`)
            .join('; ') || '–'}
        </dd>
      </dl>
      {talk.preInvestigationRunning && <Paragraph data-size="sm">{t.talks.preInvestigation}</Paragraph>}
      {talk.guardianContactOnHold && <Paragraph data-size="sm">{t.talks.guardianHold}</Paragraph>}
      <Heading level={3} data-size="xs">
        {t.talks.ownDisclosure}
      </Heading>
      {own ? (
        <Paragraph data-testid="own-disclosure-done">{t.talks.ownDisclosureDone(formatDateTime(own.explainedAt))}</Paragraph>
      ) : OPEN_STATES.has(talk.state ?? '') ? (
        <Button
          variant="secondary"
          loading={loading}
          onClick={() =>
            record({ variables: { input: { talkId: talk.id, agencyId: viewer.agency.id, explainedByUserId: viewer.id } } }).catch(
              () => undefined,
            )
          }
        >
          {t.talks.ownDisclosureRecord}
        </Button>
      ) : (
        <Paragraph>{t.talks.disclosureMissing}</Paragraph>
      )}
      <ErrorAlert error={error} />
    </li>
  );
}

/** Police (and coordinators): the talks they are invited to, and the calendar of the booked ones. */
export function MyTalksPage() {
  const { t, lang } = useI18n();
  const { data, loading, error, refetch } = useQuery(MY_TALKS);
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const talks = data?.myTalks ?? [];
  const downloadCalendar = async () => {
    setDownload({ busy: true, error: null });
    try {
      await downloadWithToken('/calendar/talks.ics', 'samtal.ics', lang, t.talks.calendarFailed);
      setDownload({ busy: false, error: null });
    } catch (e) {
      setDownload({ busy: false, error: e instanceof Error ? e.message : t.talks.calendarFailed });
    }
  };
  return (
    <PageSection id="my-talks-title" title={t.talks.mineTitle}>
      <Paragraph>{t.talks.mineIntro}</Paragraph>
      <div className="actions">
        <Button onClick={downloadCalendar} loading={download.busy} aria-describedby="calendar-help">
          {t.talks.calendar}
        </Button>
        <Paragraph data-size="sm" id="calendar-help" className="muted">
          {t.talks.calendarHelp}
        </Paragraph>
      </div>
      {download.error && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{download.error}</Paragraph>
        </Alert>
      )}
      <ListStatus data={data} loading={loading} error={error} onRetry={refetch} count={talks.length} empty={t.talks.mineEmpty} />
      {talks.length > 0 && (
        <ul className="plain-list">
          {talks.map((talk) => (
            <InvitedTalkCard key={talk.id} talk={talk} />
          ))}
        </ul>
      )}
    </PageSection>
  );
}
