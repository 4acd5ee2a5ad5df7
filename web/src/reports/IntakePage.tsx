import { Button, Checkbox, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useFormErrors } from '../components/FormErrors';
import { takeField } from '../errors';
import type { IntakeRowFieldsFragment } from '../gql/graphql';
import { Clock, useNow } from '../deadlines/Clock';
import { appendEdges, LoadMore } from '../components/LoadMore';
import { ErrorAlert, ListStatus, Loading } from '../components/Status';
import { IdentityMarkers } from './IdentityPanel';
import { clockLevel, ClockLevel, nextOpenDeadline } from '../deadlines/clock';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { reminderPercentsFor, useViewer } from '../viewer';
import { childName } from '../children/child-summary';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { PageSection } from '../components/PageSection';

export const INTAKE_ROW = graphql(`
  fragment IntakeRowFields on Report {
    id
    reference
    category
    submittedAt
    responsible {
      id
      displayName
    }
    child {
      id
      givenName
      familyName
      district {
        id
      }
    }
    deadlines {
      id
      kind
      startsAt
      dueAt
      status
    }
    identityStatus
    arrivedIntoOpenCase
    identityMismatch {
      __typename
    }
  }
`);

const INTAKE_QUEUE = graphql(`
  query IntakeQueue($first: Int!, $after: String, $filter: ReportFilterInput) {
    intakeQueue(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...IntakeRowFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const INTAKE_SEARCH = graphql(`
  query IntakeSearch($search: String, $assignedToMe: Boolean) {
    intakeSearch(search: $search, assignedToMe: $assignedToMe) {
      ...IntakeRowFields
    }
  }
`);

type IntakeRow = IntakeRowFieldsFragment;

const PAGE_SIZE = 20;

/** The intake queue (`overdue` false) or the district's overdue items (true). */
export function IntakePage({ overdue = false }: { overdue?: boolean }) {
  const { t, formatDateTime } = useI18n();
  const viewer = useViewer();
  const now = useNow();
  const [openOnly, setOpenOnly] = useState(true);
  const [mineOnly, setMineOnly] = useState(false);
  const [searchText, setSearchText] = useState('');
  // What was searched for; null shows the queue.
  const [term, setTerm] = useState<string | null>(null);
  const filter = overdue ? { overdueOnly: true } : { openOnly, assignedToMe: mineOnly || null };
  const searching = !overdue && term !== null;
  const { data, loading, error, fetchMore, refetch } = useQuery(INTAKE_QUEUE, {
    variables: { first: PAGE_SIZE, filter },
    pollInterval: 60_000,
    skip: searching,
  });
  const search = useQuery(INTAKE_SEARCH, {
    variables: { search: term || null, assignedToMe: mineOnly || null },
    skip: !searching,
    fetchPolicy: 'network-only',
  });
  const searchError = useFormErrors(search.error);
  const nodes: IntakeRow[] = searching ? (search.data?.intakeSearch ?? []) : (data?.intakeQueue.edges ?? []).map((e) => e.node);
  const rows = nodes.map((node) => {
    const deadline = nextOpenDeadline(node.deadlines);
    const percents = reminderPercentsFor(viewer, node.child?.district?.id);
    return { node, deadline, percents, level: deadline ? clockLevel(deadline, now, percents) : ('ok' as ClockLevel) };
  });

  // Announce a clock only when it changes colour, politely, not at every tick.
  const previous = useRef(new Map<string, ClockLevel>());
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const changes: string[] = [];
    for (const { node, deadline, level } of rows) {
      const before = previous.current.get(node.id);
      if (before && before !== level && level !== 'ok' && deadline?.kind) {
        changes.push(
          t.clock.announce(
            node.reference ?? '',
            t.deadlineKinds[deadline.kind],
            level === 'late' ? t.clock.levelLate : t.clock.levelWarning,
          ),
        );
      }
      previous.current.set(node.id, level);
    }
    if (changes.length) setAnnouncement(changes.join('. '));
  });

  const title = overdue ? t.intake.overdueTitle : t.intake.title;
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    const text = searchText.trim();
    const next = text || (mineOnly ? '' : null);
    // The same search again asks again: the answer may have changed since (a report assigned, a new one in).
    if (next !== null && next === term) void search.refetch();
    setTerm(next);
  };
  return (
    <PageSection id="intake-title" title={title}>
      <Paragraph>{overdue ? t.intake.overdueIntro : t.intake.intro}</Paragraph>
      <div aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="clock-announcer">
        {announcement}
      </div>
      {!overdue && (
        <>
          <div className="actions">
            <Link href="/intake/register">{t.intake.register}</Link>
          </div>
          <div role="search">
            <form onSubmit={submitSearch} className="search-form">
              <Textfield
                label={t.intake.search}
                description={t.intake.searchHint}
                type="search"
                autoComplete="off"
                value={searchText}
                onChange={(e) => setSearchText(e.target.value)}
                error={takeField(searchError, 'search')}
              />
              <Button type="submit" variant="secondary">
                {t.intake.searchButton}
              </Button>
            </form>
          </div>
          <div className="toolbar">
            {!searching && <Checkbox label={t.intake.openOnly} checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />}
            <Checkbox label={t.intake.mineOnly} checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)} />
            {searching && (
              <Button
                variant="tertiary"
                onClick={() => {
                  setTerm(null);
                  setSearchText('');
                }}
              >
                {t.intake.clearSearch}
              </Button>
            )}
          </div>
        </>
      )}
      <div role="status" data-testid="search-status">
        {searching && search.data && (nodes.length ? t.intake.searchResults(nodes.length, term ?? '') : t.intake.searchEmpty)}
      </div>
      {searching ? (
        <>
          {searchError.general.length > 0 && <ErrorAlert error={search.error} />}
          {search.loading && <Loading />}
        </>
      ) : (
        <>
          <ListStatus
            data={data}
            loading={loading}
            error={error}
            onRetry={refetch}
            count={nodes.length}
            empty={overdue ? t.intake.overdueEmpty : t.intake.empty}
          />
        </>
      )}
      {rows.length > 0 && (
        <ResponsiveTable zebra className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.reports.reference}</Table.HeaderCell>
              <Table.HeaderCell>{t.reports.child}</Table.HeaderCell>
              <Table.HeaderCell>{t.reports.category}</Table.HeaderCell>
              <Table.HeaderCell>{t.reports.submitted}</Table.HeaderCell>
              <Table.HeaderCell>{t.reports.clock}</Table.HeaderCell>
              <Table.HeaderCell>{t.reports.responsible}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map(({ node, deadline, percents }) => (
              <Table.Row key={node.id} data-reference={node.reference}>
                <Table.Cell>
                  <Link href={`/reports/${node.id}`}>{node.reference}</Link>
                </Table.Cell>
                <Table.Cell>
                  {node.child ? childName(node.child) : '–'}
                  <IdentityMarkers report={node} />
                </Table.Cell>
                <Table.Cell>{node.category ? t.categories[node.category] : '–'}</Table.Cell>
                <Table.Cell>{formatDateTime(node.submittedAt)}</Table.Cell>
                <Table.Cell>
                  <Clock deadline={deadline} now={now} reminderPercents={percents} />
                </Table.Cell>
                <Table.Cell>{node.responsible?.displayName ?? <span className="muted">{t.intake.unassigned}</span>}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ResponsiveTable>
      )}
      <LoadMore
        pageInfo={searching ? undefined : data?.intakeQueue.pageInfo}
        shown={searching ? undefined : data?.intakeQueue.edges.length}
        fetchMore={(after) => fetchMore({ variables: { after }, updateQuery: appendEdges('intakeQueue') })}
      />
    </PageSection>
  );
}
