import {
  Button,
  Details,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { FormErrorSummary, problemsOf, useErrorSummary } from '../components/ErrorSummary';
import { GeneralErrors, useFormErrors } from '../components/FormErrors';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { takeField } from '../errors';
import { graphql } from '../gql';
import type { RecordsPageQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { childName } from '../children/child-summary';

/** The API's bounds for a hold's or a decision's reason (domain/retention/retention-rules.ts). */
const REASON_MIN = 5;
const REASON_MAX = 1000;

const RECORDS = graphql(`
  query RecordsPage($id: ID!) {
    child(id: $id) {
      id
      givenName
      familyName
      collaborationCases {
        id
        reference
      }
    }
    legalHolds(childId: $id) {
      id
      caseId
      reason
      placedAt
    }
    registerExtracts(childId: $id) {
      id
      requestedAt
      ready
      parts {
        key
        title
        marks
        rowCount
        content
        decision
        reason
      }
    }
  }
`);
const PLACE = graphql(`
  mutation PlaceLegalHold($input: PlaceLegalHoldInput!) {
    placeLegalHold(input: $input) {
      id
    }
  }
`);
const LIFT = graphql(`
  mutation LiftLegalHold($input: LiftLegalHoldInput!) {
    liftLegalHold(input: $input) {
      id
      liftedAt
    }
  }
`);
const REQUEST = graphql(`
  mutation RequestRegisterExtract($childId: ID!) {
    childDataExport(childId: $childId) {
      id
    }
  }
`);
const DECIDE = graphql(`
  mutation DecideExtractPart($input: DecideExtractPartInput!) {
    decideExtractPart(input: $input) {
      id
      ready
      parts {
        key
        decision
        reason
      }
    }
  }
`);
const DOCUMENT = graphql(`
  query RegisterExtractDocument($id: ID!) {
    registerExtract(id: $id) {
      id
      document
    }
  }
`);

type Child = RecordsPageQuery['child'];
type Hold = RecordsPageQuery['legalHolds'][number];
type Extract = RecordsPageQuery['registerExtracts'][number];
type Part = NonNullable<Extract['parts']>[number];

function useReasonCheck() {
  const { t } = useI18n();
  return (reason: string) => {
    const r = reason.trim();
    if (!r) return t.required;
    if (r.length < REASON_MIN) return t.retention.reasonTooShort(REASON_MIN);
    if (r.length > REASON_MAX) return t.retention.reasonTooLong(REASON_MAX);
    return undefined;
  };
}

function PlaceHold({ child }: { child: Child }) {
  const { t } = useI18n();
  const check = useReasonCheck();
  const [caseId, setCaseId] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const summary = useErrorSummary();
  const [place, { loading, error, data }] = useMutation(PLACE, { refetchQueries: ['RecordsPage'], awaitRefetchQueries: true });
  const server = useFormErrors(error, { reason: t.retention.holdReason, caseId: t.retention.holdScope });
  const reasonError = (tried ? check(reason) : undefined) ?? takeField(server, 'reason');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (check(reason)) return summary.failed();
    place({ variables: { input: caseId ? { caseId, reason: reason.trim() } : { childId: child.id, reason: reason.trim() } } }).then(
      () => {
        setReason('');
        setTried(false);
      },
      () => undefined,
    );
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="place-hold-title">
      <Heading level={3} data-size="xs" id="place-hold-title">
        {t.retention.placeTitle}
      </Heading>
      <FormErrorSummary problems={problemsOf([['hold-reason-field', reasonError]])} attempt={summary.attempt} />
      <Field>
        <Label>{t.retention.holdScope}</Label>
        <Select value={caseId} onChange={(e) => setCaseId(e.target.value)}>
          <Select.Option value="">{t.retention.wholeChild}</Select.Option>
          {(child.collaborationCases ?? []).map((k) => (
            <Select.Option key={k.id} value={k.id}>
              {t.cases.caseTitle(k.reference ?? '')}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor="hold-reason-field">{t.retention.holdReason}</Label>
        <Paragraph data-size="sm" className="muted">
          {t.retention.holdReasonHint}
        </Paragraph>
        <Textarea
          id="hold-reason-field"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
        />
        {reasonError && <ValidationMessage>{reasonError}</ValidationMessage>}
      </Field>
      <GeneralErrors errors={server} />
      {data && !error && <Paragraph role="status">{t.retention.placed}</Paragraph>}
      <div>
        <Button type="submit" loading={loading}>
          {t.retention.place}
        </Button>
      </div>
    </form>
  );
}

function LiftHold({ hold }: { hold: Hold }) {
  const { t } = useI18n();
  const check = useReasonCheck();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [lift, { loading, error }] = useMutation(LIFT, { refetchQueries: ['RecordsPage'], awaitRefetchQueries: true });
  const server = useFormErrors(error, { liftReason: t.retention.liftReason });
  const reasonError = (tried ? check(reason) : undefined) ?? takeField(server, 'liftReason');
  const id = `lift-reason-${hold.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (check(reason)) return;
    lift({ variables: { input: { holdId: hold.id, liftReason: reason.trim() } } }).catch(() => undefined);
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <Field>
        <Label htmlFor={id}>{t.retention.liftReason}</Label>
        <Textarea
          id={id}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
        />
        {reasonError && <ValidationMessage>{reasonError}</ValidationMessage>}
      </Field>
      <GeneralErrors errors={server} />
      <div>
        <Button type="submit" variant="secondary" loading={loading}>
          {t.retention.lift}
        </Button>
      </div>
    </form>
  );
}

function Holds({ child, holds }: { child: Child; holds: Hold[] }) {
  const { t, formatDate } = useI18n();
  const caseRef = (caseId: string | null | undefined) =>
    caseId ? t.cases.caseTitle((child.collaborationCases ?? []).find((k) => k.id === caseId)?.reference ?? '') : t.retention.wholeChild;
  return (
    <section aria-labelledby="holds-title" className="card">
      <Heading level={2} data-size="sm" id="holds-title">
        {t.retention.holdsTitle}
      </Heading>
      <Paragraph data-size="sm">{t.retention.holdsIntro}</Paragraph>
      {holds.length === 0 ? (
        <Empty>{t.retention.noHolds}</Empty>
      ) : (
        <ResponsiveTable className="data-table" data-testid="legal-holds">
          <caption className="visually-hidden">{t.retention.holdsTitle}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.retention.holdScope}</Table.HeaderCell>
              <Table.HeaderCell>{t.retention.holdReason}</Table.HeaderCell>
              <Table.HeaderCell>{t.retention.placedAt}</Table.HeaderCell>
              <Table.HeaderCell>{t.retention.lift}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {holds.map((h) => (
              <Table.Row key={h.id} data-hold={h.id}>
                <Table.Cell>{caseRef(h.caseId)}</Table.Cell>
                <Table.Cell>{h.reason}</Table.Cell>
                <Table.Cell>{h.placedAt ? formatDate(h.placedAt) : '–'}</Table.Cell>
                <Table.Cell>
                  <LiftHold hold={h} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ResponsiveTable>
      )}
      <PlaceHold child={child} />
    </section>
  );
}

function DecidePart({ extractId, part }: { extractId: string; part: Part }) {
  const { t } = useI18n();
  const check = useReasonCheck();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [decide, { loading, error }] = useMutation(DECIDE);
  const server = useFormErrors(error, { reason: t.retention.decisionReason });
  const reasonError = (tried ? check(reason) : undefined) ?? takeField(server, 'reason');
  const id = `decision-reason-${part.key}`;
  const send = (release: boolean) => {
    setTried(true);
    if (check(reason)) return;
    decide({ variables: { input: { extractId, key: part.key, release, reason: reason.trim() } } }).catch(() => undefined);
  };
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="form">
      <Field>
        <Label htmlFor={id}>{t.retention.decisionReason}</Label>
        <Textarea
          id={id}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
        />
        {reasonError && <ValidationMessage>{reasonError}</ValidationMessage>}
      </Field>
      <GeneralErrors errors={server} />
      <div className="actions">
        <Button type="button" variant="secondary" loading={loading} onClick={() => send(true)}>
          {t.retention.release}
        </Button>
        <Button type="button" variant="secondary" data-color="danger" loading={loading} onClick={() => send(false)}>
          {t.retention.withhold}
        </Button>
      </div>
    </form>
  );
}

function ExtractReview({ extract }: { extract: Extract }) {
  const { t, formatDateTime } = useI18n();
  const client = useApolloClient();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const parts = extract.parts ?? [];
  const pending = parts.filter((p) => p.decision === 'PENDING').length;
  const download = async () => {
    setDownloadError(null);
    setDownloading(true);
    try {
      const { data } = await client.query({ query: DOCUMENT, variables: { id: extract.id }, fetchPolicy: 'network-only' });
      const text = data?.registerExtract?.document;
      if (!text) throw new Error(t.retention.downloadFailed);
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `registerutdrag-${extract.id}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <section aria-labelledby={`extract-${extract.id}`} className="card" data-extract={extract.id}>
      <Heading level={3} data-size="xs" id={`extract-${extract.id}`}>
        {t.retention.extractTitle(extract.requestedAt ? formatDateTime(extract.requestedAt) : '')}
      </Heading>
      <Paragraph role="status" data-testid="extract-state">
        {extract.ready ? t.retention.ready : t.retention.pending(pending)}
      </Paragraph>
      <ResponsiveTable className="data-table">
        <caption className="visually-hidden">{t.retention.partsCaption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.retention.part}</Table.HeaderCell>
            <Table.HeaderCell>{t.retention.marks}</Table.HeaderCell>
            <Table.HeaderCell>{t.retention.rows}</Table.HeaderCell>
            <Table.HeaderCell>{t.retention.decision}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {parts.map((p) => (
            <Table.Row key={p.key} data-part={p.key}>
              <Table.Cell>
                {p.title}
                {!!p.rowCount && p.content && (
                  <Details>
                    <Details.Summary>{t.retention.showRecords}</Details.Summary>
                    <Details.Content>
                      <pre className="extract-content">{JSON.stringify(JSON.parse(p.content), null, 2)}</pre>
                    </Details.Content>
                  </Details>
                )}
              </Table.Cell>
              <Table.Cell>{p.marks?.length ? p.marks.map((m) => t.retention.markNames[m]).join(', ') : '–'}</Table.Cell>
              <Table.Cell>{p.rowCount ?? '–'}</Table.Cell>
              <Table.Cell>
                {p.decision === 'PENDING' || !p.decision ? (
                  <>
                    <Tag data-color="warning">{t.retention.decisions.PENDING}</Tag>
                    <DecidePart extractId={extract.id} part={p} />
                  </>
                ) : (
                  <>
                    <Tag data-color={p.decision === 'RELEASED' ? 'success' : 'danger'}>{t.retention.decisions[p.decision]}</Tag>
                    {p.reason && <span className="small"> {p.reason}</span>}
                  </>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ResponsiveTable>
      <div className="actions">
        <Button type="button" disabled={!extract.ready} loading={downloading} onClick={() => void download()}>
          {t.retention.download}
        </Button>
      </div>
      <ErrorAlert error={downloadError} />
    </section>
  );
}

function Extracts({ childId, extracts }: { childId: string; extracts: Extract[] }) {
  const { t } = useI18n();
  const [request, { loading, error }] = useMutation(REQUEST, { refetchQueries: ['RecordsPage'], awaitRefetchQueries: true });
  return (
    <section aria-labelledby="extracts-title" className="card">
      <Heading level={2} data-size="sm" id="extracts-title">
        {t.retention.extractsTitle}
      </Heading>
      <Paragraph data-size="sm">{t.retention.extractsIntro}</Paragraph>
      <div>
        <Button
          type="button"
          variant="secondary"
          loading={loading}
          onClick={() => request({ variables: { childId } }).catch(() => undefined)}
        >
          {t.retention.requestExtract}
        </Button>
      </div>
      <ErrorAlert error={error} />
      {extracts.length === 0 ? <Empty>{t.retention.noExtracts}</Empty> : extracts.map((x) => <ExtractReview key={x.id} extract={x} />)}
    </section>
  );
}

/** Supervisor: the child's legal holds and register extracts (issue 26). */
export function ChildRecordsPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(RECORDS, { variables: { id }, fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorAlert error={error} onRetry={refetch} />;
  return (
    <article aria-labelledby="records-title">
      <Heading level={1} data-size="lg" id="records-title">
        {t.retention.title(childName(data.child))}
      </Heading>
      <Paragraph>
        <Link href={`/children/${id}`}>{t.retention.back}</Link>
      </Paragraph>
      <Holds child={data.child} holds={data.legalHolds} />
      <Extracts childId={id} extracts={data.registerExtracts} />
    </article>
  );
}
