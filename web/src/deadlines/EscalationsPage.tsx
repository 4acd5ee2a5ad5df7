import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { ErrorAlert, Loading } from '../components/Status';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useNow } from './Clock';
import { PageSection } from '../components/PageSection';

const ESCALATIONS = graphql(`
  query Escalations {
    escalations {
      id
      kind
      reference
      reportId
      talkId
      dueAt
      escalatedAt
      escalationLevel
      responsible {
        id
        displayName
      }
    }
  }
`);

/** Supervisors: what was escalated to them and is still not done, oldest first, each one click from its report or talk. */
export function EscalationsPage() {
  const { t, formatDateTime } = useI18n();
  const now = useNow();
  const { data, loading, error } = useQuery(ESCALATIONS, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorAlert error={error} />;
  const rows = data.escalations;
  return (
    <PageSection id="escalations-title" title={t.escalations.title}>
      <Paragraph>{t.escalations.intro}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph role="status">{t.escalations.empty}</Paragraph>
      ) : (
        <Table className="data-table">
          <caption className="visually-hidden">{t.escalations.title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.escalations.what}</Table.HeaderCell>
              <Table.HeaderCell>{t.escalations.why}</Table.HeaderCell>
              <Table.HeaderCell>{t.escalations.since}</Table.HeaderCell>
              <Table.HeaderCell>{t.escalations.responsible}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((e) => {
              const href = e.reportId ? `/reports/${e.reportId}` : `/talks/${e.talkId}`;
              const days = e.escalatedAt ? Math.floor((now - Date.parse(e.escalatedAt)) / 86_400_000) : 0;
              return (
                <Table.Row key={e.id} data-reference={e.reference ?? ''}>
                  <Table.Cell data-label={t.escalations.what}>
                    <Link href={href}>{e.reference}</Link>
                  </Table.Cell>
                  <Table.Cell data-label={t.escalations.why}>
                    {t.escalations.reason(e.kind ? t.deadlineKinds[e.kind] : '–', formatDateTime(e.dueAt))}
                  </Table.Cell>
                  <Table.Cell data-label={t.escalations.since}>
                    {formatDateTime(e.escalatedAt)} ({t.escalations.daysAgo(days)})
                  </Table.Cell>
                  <Table.Cell data-label={t.escalations.responsible}>{e.responsible?.displayName ?? t.intake.unassigned}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </PageSection>
  );
}
