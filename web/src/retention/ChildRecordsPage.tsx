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
import { ReactNode, useState } from 'react';
import { BoundField, FieldRule, useForm } from '../components/use-form';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { graphql } from '../gql';
import type { RecordsPageQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { childName } from '../children/child-summary';
import { SectionCard } from '../components/SectionCard';

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

/** A reason the API will take: required, and within its bounds. */
function useReasonRule() {
  const { t } = useI18n();
  return (id: string, label: string, reason: string): FieldRule => ({
    id,
    label,
    value: reason,
    required: true,
    check: () => {
      const r = reason.trim();
      if (r.length < REASON_MIN) return t.retention.reasonTooShort(REASON_MIN);
      if (r.length > REASON_MAX) return t.retention.reasonTooLong(REASON_MAX);
      return undefined;
    },
  });
}

function ReasonField(props: { field: BoundField; rows: number; value: string; onChange: (value: string) => void; hint?: ReactNode }) {
  const { field } = props;
  return (
    <Field>
      <Label htmlFor={field.id}>{field.label}</Label>
      {props.hint}
      <Textarea
        id={field.id}
        rows={props.rows}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-required={field.required || undefined}
        aria-invalid={field.error ? true : undefined}
      />
      {field.error && <ValidationMessage>{field.error}</ValidationMessage>}
    </Field>
  );
}

function PlaceHold({ child }: { child: Child }) {
  const { t } = useI18n();
  const reasonRule = useReasonRule();
  const [caseId, setCaseId] = useState('');
  const [reason, setReason] = useState('');
  const [place, { loading, error, data }] = useMutation(PLACE, { refetchQueries: ['RecordsPage'], awaitRefetchQueries: true });
  const form = useForm(
    {
      caseId: { id: 'hold-scope-field', label: t.retention.holdScope, value: caseId },
      reason: reasonRule('hold-reason-field', t.retention.holdReason, reason),
    },
    { error },
  );
  const submit = form.submit(() =>
    place({ variables: { input: caseId ? { caseId, reason: reason.trim() } : { childId: child.id, reason: reason.trim() } } }).then(() => {
      setReason('');
      form.reset();
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="place-hold-title">
      <Heading level={3} data-size="xs" id="place-hold-title">
        {t.retention.placeTitle}
      </Heading>
      {form.summary}
      <Field>
        <Label htmlFor="hold-scope-field">{t.retention.holdScope}</Label>
        <Select id="hold-scope-field" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
          <Select.Option value="">{t.retention.wholeChild}</Select.Option>
          {(child.collaborationCases ?? []).map((k) => (
            <Select.Option key={k.id} value={k.id}>
              {t.cases.caseTitle(k.reference ?? '')}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <ReasonField
        field={form.field('reason')}
        rows={3}
        value={reason}
        onChange={setReason}
        hint={
          <Paragraph data-size="sm" className="muted">
            {t.retention.holdReasonHint}
          </Paragraph>
        }
      />
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
  const reasonRule = useReasonRule();
  const [reason, setReason] = useState('');
  const [lift, { loading, error }] = useMutation(LIFT, { refetchQueries: ['RecordsPage'], awaitRefetchQueries: true });
  const form = useForm({ liftReason: reasonRule(`lift-reason-${hold.id}`, t.retention.liftReason, reason) }, { error });
  const submit = form.submit(() => lift({ variables: { input: { holdId: hold.id, liftReason: reason.trim() } } }));
  return (
    <form onSubmit={submit} noValidate className="form">
      {form.summary}
      <ReasonField field={form.field('liftReason')} rows={2} value={reason} onChange={setReason} />
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
    <SectionCard id="holds-title" title={t.retention.holdsTitle}>
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
    </SectionCard>
  );
}

function DecidePart({ extractId, part }: { extractId: string; part: Part }) {
  const { t } = useI18n();
  const reasonRule = useReasonRule();
  const [reason, setReason] = useState('');
  const [decide, { loading, error }] = useMutation(DECIDE);
  const form = useForm({ reason: reasonRule(`decision-reason-${part.key}`, t.retention.decisionReason, reason) }, { error });
  const send = (release: boolean) =>
    form.submit(() => decide({ variables: { input: { extractId, key: part.key, release, reason: reason.trim() } } }))();
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="form">
      {form.summary}
      <ReasonField field={form.field('reason')} rows={2} value={reason} onChange={setReason} />
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
    <SectionCard id="extracts-title" title={t.retention.extractsTitle}>
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
    </SectionCard>
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
