import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { ErrorAlert, ListStatus } from '../components/Status';
import { appendEdges, LoadMore } from '../components/LoadMore';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { graphql } from '../gql';
import type { FeedbackFilter } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { hasRole, useViewer } from '../viewer';
import { PoliceDecisions } from './PoliceDecisions';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { SectionCard } from '../components/SectionCard';
import { PageSection } from '../components/PageSection';

const MY_REPORTS = graphql(`
  query MyReports($first: Int!, $after: String, $filter: ReportFilterInput) {
    myReports(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          reference
          policeReference
          childAsReported
          category
          receivedAt
          feedbackStatus
          feedbackDueAt
          feedback {
            value
            givenAt
          }
          guardianContactOnHold
          preInvestigationRunning
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const REPORT_FEEDBACK = graphql(`
  query ReportFeedback($policeReference: String!) {
    reportFeedback(policeReference: $policeReference) {
      id
      reference
      policeReference
      feedbackStatus
      feedbackDueAt
      feedback {
        value
        givenAt
      }
    }
  }
`);

/** The reporter's filter, labelled like the status it selects. */
const FILTERS: { value: FeedbackFilter; status: string }[] = [
  { value: 'AWAITING', status: 'PENDING' },
  { value: 'OVERDUE', status: 'OVERDUE' },
  { value: 'GIVEN', status: 'GIVEN' },
];
const PAGE_SIZE = 20;
const STATUS_COLOR: Record<string, 'success' | 'warning' | 'danger' | 'neutral'> = {
  GIVEN: 'success',
  PENDING: 'warning',
  OVERDUE: 'danger',
  NOT_REQUESTED: 'neutral',
};

export function FeedbackTag({ status }: { status: string | null | undefined }) {
  const { t } = useI18n();
  if (!status) return null;
  return <Tag data-color={STATUS_COLOR[status] ?? 'neutral'}>{t.feedbackStatus[status]}</Tag>;
}

function PoliceSearch() {
  const { t, formatDate } = useI18n();
  const [reference, setReference] = useState('');
  const [search, { data, loading, error, called, variables }] = useLazyQuery(REPORT_FEEDBACK, { fetchPolicy: 'network-only' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reference.trim()) search({ variables: { policeReference: reference.trim() } }).catch(() => undefined);
  };
  const notFound = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'NOT_FOUND');
  const reports = data?.reportFeedback ?? [];
  return (
    <SectionCard id="search-title" title={t.reports.searchTitle}>
      <form role="search" onSubmit={submit} className="row align-end">
        <Textfield
          label={t.reports.searchLabel}
          description={t.reports.searchHint}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
        <Button type="submit" loading={loading}>
          {t.reports.search}
        </Button>
      </form>
      <div aria-live="polite" className="search-result">
        {called &&
          !loading &&
          reports.map((report) => (
            <Alert
              key={report.id}
              data-color={report.feedbackStatus === 'GIVEN' ? 'success' : report.feedbackStatus === 'OVERDUE' ? 'danger' : 'info'}
            >
              <Heading level={3} data-size="xs">
                {report.policeReference} · {report.reference}
              </Heading>
              <Paragraph>
                <strong>{t.feedbackStatus[report.feedbackStatus ?? 'NOT_REQUESTED']}</strong>
                {report.feedback?.value
                  ? `: ${t.reports.givenOn(t.feedbackValue[report.feedback.value], formatDate(report.feedback.givenAt))}`
                  : ''}
                {report.feedbackStatus === 'PENDING' && report.feedbackDueAt
                  ? ` (${t.reports.dueBy(formatDate(report.feedbackDueAt))})`
                  : ''}
              </Paragraph>
            </Alert>
          ))}
        {called && !loading && notFound && (
          <Alert data-color="warning">
            <Paragraph>{t.reports.notFound(variables?.policeReference ?? '')}</Paragraph>
          </Alert>
        )}
        {called && !loading && error && !notFound && <ErrorAlert error={error} />}
      </div>
    </SectionCard>
  );
}

export function MyReportsPage() {
  const { t, formatDate } = useI18n();
  const viewer = useViewer();
  const police = hasRole(viewer, 'POLICE_OFFICER');
  const [status, setStatus] = useState('');
  const filter = status ? { feedbackStatus: status as FeedbackFilter } : null;
  const { data, loading, error, fetchMore, refetch } = useQuery(MY_REPORTS, { variables: { first: PAGE_SIZE, filter } });
  const edges = data?.myReports.edges ?? [];
  const title = police ? t.nav.policeReports : t.reports.mineTitle;
  return (
    <PageSection id="reports-title" title={title}>
      <Paragraph>{t.reports.mineIntro}</Paragraph>
      {police && <PoliceSearch />}
      <div className="toolbar">
        <Field>
          <Label>{t.fields.feedbackFilter}</Label>
          <Select value={status} onChange={(e) => setStatus(e.target.value)} width="auto">
            <Select.Option value="">{t.reports.allStatuses}</Select.Option>
            {FILTERS.map((f) => (
              <Select.Option key={f.value} value={f.value}>
                {t.feedbackStatus[f.status]}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <ListStatus data={data} loading={loading} error={error} onRetry={refetch} count={edges.length} empty={t.reports.empty} />
      {edges.length > 0 && (
        <ResponsiveTable zebra className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.reports.reference}</Table.HeaderCell>
              {police && <Table.HeaderCell>{t.reports.policeReference}</Table.HeaderCell>}
              <Table.HeaderCell>{t.reports.child}</Table.HeaderCell>
              <Table.HeaderCell>{t.reports.category}</Table.HeaderCell>
              <Table.HeaderCell>{t.reports.submitted}</Table.HeaderCell>
              <Table.HeaderCell>{t.reports.feedback}</Table.HeaderCell>
              {police && <Table.HeaderCell>{t.policeDecisions.title}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {edges.map(({ node: r }) => (
              <Table.Row key={r.id} data-reference={r.reference}>
                <Table.Cell>{r.reference}</Table.Cell>
                {police && <Table.Cell>{r.policeReference ?? '–'}</Table.Cell>}
                <Table.Cell>{r.childAsReported}</Table.Cell>
                <Table.Cell>{r.category ? t.categories[r.category] : '–'}</Table.Cell>
                <Table.Cell>{formatDate(r.receivedAt)}</Table.Cell>
                <Table.Cell>
                  <FeedbackTag status={r.feedbackStatus} />
                  {r.feedback?.value && (
                    <div className="small">{t.reports.givenOn(t.feedbackValue[r.feedback.value], formatDate(r.feedback.givenAt))}</div>
                  )}
                </Table.Cell>
                {police && (
                  <Table.Cell>
                    <PoliceDecisions
                      reportId={r.id}
                      reference={r.reference ?? ''}
                      guardianContactOnHold={r.guardianContactOnHold}
                      preInvestigationRunning={r.preInvestigationRunning}
                    />
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </ResponsiveTable>
      )}
      <LoadMore
        pageInfo={data?.myReports.pageInfo}
        shown={data?.myReports.edges.length}
        fetchMore={(after) => fetchMore({ variables: { after }, updateQuery: appendEdges('myReports') })}
      />
    </PageSection>
  );
}
