import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Button, Checkbox, Paragraph, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Empty, ListStatus } from '../components/Status';
import { RadiosField, useForm } from '../components/use-form';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { childName } from '../children/child-summary';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { SectionCard } from '../components/SectionCard';
import { PageSection } from '../components/PageSection';

const MY_CASES = graphql(`
  query MyCollaborationCases($filter: CollaborationCaseFilter) {
    myCollaborationCases(filter: $filter) {
      id
      reference
      model
      state
      openedAt
      nextFollowUpAt
      child {
        id
        givenName
        familyName
        age
      }
    }
  }
`);
const FIND_CHILDREN = graphql(`
  query FindChildren($search: String!) {
    children(first: 10, search: $search) {
      edges {
        node {
          ...ChildSummaryFields
        }
      }
    }
  }
`);
const OPEN_CASE = graphql(`
  mutation OpenCollaborationCase($input: OpenCollaborationCaseInput!) {
    openCollaborationCase(input: $input) {
      id
      reference
    }
  }
`);

/** The API answers at most 200 cases at once; the page shows them a screenful at a time. */
const PAGE_SIZE = 20;

/** A second open case for the child is refused with the open one (CONFLICT, `extensions.openCase`). */
function openCaseOf(error: unknown): { id: string; reference: string } | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const found = error.errors.find((e) => e.extensions?.code === 'CONFLICT' && e.extensions?.openCase)?.extensions?.openCase;
  return (found as { id: string; reference: string } | undefined) ?? null;
}

function NewCaseForm() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [childId, setChildId] = useState('');
  const [concern, setConcern] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [find, found] = useLazyQuery(FIND_CHILDREN);
  const [open, { loading, error }] = useMutation(OPEN_CASE);
  const children = found.data?.children.edges.map((e) => e.node) ?? [];
  const form = useForm(
    {
      // Until a search has found children there is no choice to link to: the search field is where to start.
      childId: {
        id: children.length > 0 ? 'new-case-child' : 'new-case-search',
        label: t.cases.chooseChild,
        value: childId,
        required: true,
        emptyMessage: t.cases.childNeeded,
      },
      concern: {
        id: 'new-case-concern',
        label: t.cases.concern,
        value: concern,
        required: true,
        emptyMessage: t.cases.concernNeeded,
        api: ['concern', 'modelOverride'],
      },
    },
    { error },
  );
  const openCase = openCaseOf(error);
  const submit = form.submit(async () => {
    const result = await open({ variables: { input: { childId, concern: concern.trim(), idempotencyKey } } });
    if (result.data) navigate(`/cases/${result.data.openCollaborationCase.id}`);
  });
  return (
    <SectionCard id="new-case-title" title={t.cases.newTitle}>
      <form
        className="row align-end"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (search.trim()) void find({ variables: { search: search.trim() } });
        }}
      >
        <Textfield id="new-case-search" label={t.cases.childSearch} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Button type="submit" variant="secondary" loading={found.loading}>
          {t.cases.search}
        </Button>
      </form>
      <form onSubmit={submit} noValidate className="form">
        {form.summary}
        {found.data && children.length === 0 && <Empty>{t.cases.noChildren}</Empty>}
        {children.length > 0 && (
          <RadiosField
            field={form.field('childId')}
            name="child"
            options={children.map((c) => ({ value: c.id, label: `${childName(c)}, ${c.birthDate ?? ''} (${c.district?.name ?? ''})` }))}
            value={childId}
            onChange={setChildId}
          />
        )}
        {children.length === 0 && form.field('childId').error && <ValidationMessage>{form.field('childId').error}</ValidationMessage>}
        <Textfield multiline rows={3} {...form.field('concern')} value={concern} onChange={(e) => setConcern(e.target.value)} />
        {openCase && (
          <Paragraph data-testid="open-case-link">
            <Link href={`/cases/${openCase.id}`}>{t.cases.goToOpenCase(openCase.reference)}</Link>
          </Paragraph>
        )}
        <div>
          <Button type="submit" loading={loading} disabled={!childId}>
            {t.cases.open}
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}

export function CasesPage() {
  const { t, formatDate } = useI18n();
  const [openOnly, setOpenOnly] = useState(true);
  const [shown, setShown] = useState(PAGE_SIZE);
  const { data, loading, error, refetch } = useQuery(MY_CASES, { variables: { filter: { openOnly } }, fetchPolicy: 'cache-and-network' });
  const cases = data?.myCollaborationCases ?? [];
  return (
    <PageSection id="cases-title" title={t.cases.title}>
      <Paragraph>{t.cases.intro}</Paragraph>
      <div className="toolbar">
        <Checkbox label={t.cases.openOnly} checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
      </div>
      <ListStatus data={data} loading={loading} error={error} onRetry={refetch} count={cases.length} empty={t.cases.empty} />
      {cases.length > 0 && (
        <ResponsiveTable zebra className="data-table">
          <caption className="visually-hidden">{t.cases.title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.cases.reference}</Table.HeaderCell>
              <Table.HeaderCell>{t.cases.child}</Table.HeaderCell>
              <Table.HeaderCell>{t.cases.model}</Table.HeaderCell>
              <Table.HeaderCell>{t.cases.state}</Table.HeaderCell>
              <Table.HeaderCell>{t.cases.opened}</Table.HeaderCell>
              <Table.HeaderCell>{t.cases.nextFollowUp}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {cases.slice(0, shown).map((c) => (
              <Table.Row key={c.id} data-reference={c.reference}>
                <Table.Cell>
                  <Link href={`/cases/${c.id}`}>{c.reference}</Link>
                </Table.Cell>
                <Table.Cell>
                  {c.child ? `${childName(c.child)}${c.child.age != null ? `, ${t.cases.age(c.child.age)}` : ''}` : '–'}
                </Table.Cell>
                <Table.Cell>{c.model ?? '–'}</Table.Cell>
                <Table.Cell>{c.state ? t.cases.states[c.state] : '–'}</Table.Cell>
                <Table.Cell>{formatDate(c.openedAt)}</Table.Cell>
                <Table.Cell>{c.nextFollowUpAt ? formatDate(c.nextFollowUpAt) : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ResponsiveTable>
      )}
      {cases.length > shown ? (
        <Button variant="secondary" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          {t.loadMore}
        </Button>
      ) : (
        cases.length > 0 && (
          <Paragraph data-size="sm" className="muted">
            {t.noMore}
          </Paragraph>
        )
      )}
      <NewCaseForm />
    </PageSection>
  );
}
