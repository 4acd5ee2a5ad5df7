import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { Clock, useNow } from '../deadlines/Clock';
import { ErrorAlert, Loading } from '../components/Status';
import { ItemList, SectionCard } from '../components/SectionCard';
import { graphql } from '../gql';
import type { ChildPageQuery } from '../gql/graphql';
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

type Child = NonNullable<ChildPageQuery['child']>;

function ReportLine({ report: r }: { report: NonNullable<Child['reports']>[number] }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <Link href={`/reports/${r.id}`}>{r.reference}</Link>
      {r.category && ` · ${t.categories[r.category]}`}
      {r.receivedAt && ` · ${t.child.received(formatDate(r.receivedAt))}`}
    </>
  );
}

function TalkLine({ talk }: { talk: NonNullable<Child['talks']>[number] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      <Link href={`/talks/${talk.id}`}>{t.talks.title(talk.reference ?? '')}</Link>
      {talk.kind && ` · ${t.talks.kinds[talk.kind]}`}
      {talk.state && ` · ${t.talks.states[talk.state]}`}
      {talk.scheduledAt && ` · ${formatDateTime(talk.scheduledAt)}`}
    </>
  );
}

/** Only a coordinator can open a case from here; the others see its reference. */
function CaseLine({
  collaborationCase: k,
  linked,
}: {
  collaborationCase: NonNullable<Child['collaborationCases']>[number];
  linked: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {linked ? <Link href={`/cases/${k.id}`}>{t.cases.caseTitle(k.reference ?? '')}</Link> : t.cases.caseTitle(k.reference ?? '')}
      {k.model && ` · ${k.model}`} {k.state && <Tag data-color={k.state === 'CLOSED' ? 'neutral' : 'info'}>{t.cases.states[k.state]}</Tag>}
    </>
  );
}

/** The social worker's page for one child: who the child is, the clocks running, and every report, talk and case. */
export function ChildPage({ id }: { id: string }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const now = useNow();
  // A part the viewer may not read comes back null (a case's model for a social worker not on its team): show the rest.
  const { data, loading, error } = useQuery(CHILD, { variables: { id }, errorPolicy: 'all', fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Loading />;
  const c = data?.child;
  if (!c) return <ErrorAlert error={error} />;
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
      <SectionCard id="child-facts-title" title={t.child.facts}>
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
      </SectionCard>
      <SectionCard id="child-clocks-title" title={t.child.clocks}>
        <ItemList items={clocks} empty={t.child.noClocks} testId="child-clocks">
          {(d) => (
            <>
              {d.subjectReference}: <Clock deadline={d} now={now} reminderPercents={percents} />
            </>
          )}
        </ItemList>
      </SectionCard>
      <SectionCard id="child-reports-title" title={t.child.reports}>
        <ItemList items={reports} empty={t.child.noReports}>
          {(r) => <ReportLine report={r} />}
        </ItemList>
      </SectionCard>
      <SectionCard id="child-talks-title" title={t.child.talks}>
        <ItemList items={talks} empty={t.talks.childTalksEmpty}>
          {(talk) => <TalkLine talk={talk} />}
        </ItemList>
      </SectionCard>
      <SectionCard id="child-cases-title" title={t.child.cases}>
        <ItemList items={cases} empty={t.child.noCases}>
          {(k) => <CaseLine collaborationCase={k} linked={coordinator} />}
        </ItemList>
        {!coordinator && cases.length > 0 && <Paragraph data-size="sm">{t.child.casesHint}</Paragraph>}
      </SectionCard>
    </article>
  );
}
