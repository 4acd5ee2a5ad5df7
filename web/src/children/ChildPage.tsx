import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { Clock, useNow } from '../deadlines/Clock';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { hasRole, reminderPercentsFor, useViewer } from '../viewer';
import { childName } from './child-summary';

const CHILD = graphql(`
  query ChildPage($id: ID!) {
    child(id: $id) {
      id
      givenName
      familyName
      personalIdentityNumber
      age
      district {
        id
        name
      }
      school {
        id
        name
      }
      guardians {
        id
        name
        relation
      }
      openDeadlines {
        id
        kind
        subjectReference
        dueAt
        startsAt
        status
      }
      reports {
        id
        reference
        category
        receivedAt
      }
      talks {
        id
        reference
        kind
        state
        scheduledAt
      }
      collaborationCases {
        id
        reference
        model
        state
      }
    }
  }
`);

/** The social worker's page for one child: who the child is, the clocks running, and every report, talk and case. */
export function ChildPage({ id }: { id: string }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const viewer = useViewer();
  const now = useNow();
  // A case the viewer may not read every field of (its model, without consent) comes back with those fields null and a
  // FORBIDDEN entry; the page shows the rest rather than failing.
  const { data, loading, error } = useQuery(CHILD, { variables: { id }, fetchPolicy: 'cache-and-network', errorPolicy: 'all' });
  if (loading && !data) return <Loading />;
  if (!data?.child) return <ErrorAlert error={error} />;
  const c = data.child;
  const percents = reminderPercentsFor(viewer, c.district?.id);
  const coordinator = hasRole(viewer, 'SSPF_COORDINATOR');
  const supervisor = hasRole(viewer, 'SOCIAL_SERVICES_SUPERVISOR');
  const clocks = c.openDeadlines ?? [];
  const reports = c.reports ?? [];
  const talks = c.talks ?? [];
  const cases = c.collaborationCases ?? [];
  return (
    <article aria-labelledby="child-title">
      <Heading level={1} data-size="lg" id="child-title">
        {childName(c)}
      </Heading>
      {supervisor && (
        <Paragraph>
          <Link href={`/children/${c.id}/records`}>{t.retention.link}</Link>
        </Paragraph>
      )}
      <section aria-labelledby="child-facts-title" className="card">
        <Heading level={2} data-size="sm" id="child-facts-title">
          {t.child.facts}
        </Heading>
        <dl className="facts">
          <dt>{t.child.personalIdentityNumber}</dt>
          <dd>{c.personalIdentityNumber ?? t.child.unknown}</dd>
          <dt>{t.child.age}</dt>
          <dd>{c.age != null ? t.cases.age(c.age) : t.child.unknown}</dd>
          <dt>{t.child.district}</dt>
          <dd>{c.district?.name ?? '–'}</dd>
          <dt>{t.child.school}</dt>
          <dd>{c.school?.name ?? '–'}</dd>
          <dt>{t.child.guardians}</dt>
          <dd>{c.guardians?.length ? c.guardians.map((g) => [g.name, g.relation].filter(Boolean).join(', ')).join('; ') : '–'}</dd>
        </dl>
      </section>
      <section aria-labelledby="child-clocks-title" className="card">
        <Heading level={2} data-size="sm" id="child-clocks-title">
          {t.child.clocks}
        </Heading>
        {clocks.length === 0 ? (
          <Empty>{t.child.noClocks}</Empty>
        ) : (
          <ul className="plain-list" data-testid="child-clocks">
            {clocks.map((d) => (
              <li key={d.id}>
                {d.subjectReference}: <Clock deadline={d} now={now} reminderPercents={percents} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="child-reports-title" className="card">
        <Heading level={2} data-size="sm" id="child-reports-title">
          {t.child.reports}
        </Heading>
        {reports.length === 0 ? (
          <Empty>{t.child.noReports}</Empty>
        ) : (
          <ul className="plain-list">
            {reports.map((r) => (
              <li key={r.id}>
                <Link href={`/reports/${r.id}`}>{r.reference}</Link>
                {r.category && ` · ${t.categories[r.category]}`}
                {r.receivedAt && ` · ${t.child.received(formatDate(r.receivedAt))}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="child-talks-title" className="card">
        <Heading level={2} data-size="sm" id="child-talks-title">
          {t.child.talks}
        </Heading>
        {talks.length === 0 ? (
          <Empty>{t.talks.childTalksEmpty}</Empty>
        ) : (
          <ul className="plain-list">
            {talks.map((talk) => (
              <li key={talk.id}>
                <Link href={`/talks/${talk.id}`}>{t.talks.title(talk.reference ?? '')}</Link>
                {talk.kind && ` · ${t.talks.kinds[talk.kind]}`}
                {talk.state && ` · ${t.talks.states[talk.state]}`}
                {talk.scheduledAt && ` · ${formatDateTime(talk.scheduledAt)}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="child-cases-title" className="card">
        <Heading level={2} data-size="sm" id="child-cases-title">
          {t.child.cases}
        </Heading>
        {cases.length === 0 ? (
          <Empty>{t.child.noCases}</Empty>
        ) : (
          <ul className="plain-list">
            {cases.map((k) => (
              <li key={k.id}>
                {coordinator ? (
                  <Link href={`/cases/${k.id}`}>{t.cases.caseTitle(k.reference ?? '')}</Link>
                ) : (
                  t.cases.caseTitle(k.reference ?? '')
                )}
                {k.model && ` · ${k.model}`}{' '}
                {k.state && <Tag data-color={k.state === 'CLOSED' ? 'neutral' : 'info'}>{t.cases.states[k.state]}</Tag>}
              </li>
            ))}
          </ul>
        )}
        {!coordinator && cases.length > 0 && <Paragraph data-size="sm">{t.child.casesHint}</Paragraph>}
      </section>
    </article>
  );
}
