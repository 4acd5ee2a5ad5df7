import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { ItemList, SectionCard } from '../components/SectionCard';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { childName } from '../children/child-summary';
import { useViewer } from '../viewer';
import { ActionItem, MY_ACTIONS } from './MyActionsPage';

const PARTNER_CASE = graphql(`
  query PartnerCase($id: ID!) {
    collaborationCase(id: $id) {
      id
      reference
      child {
        id
        givenName
        familyName
        age
      }
      agencyGoals {
        id
        text
        agency {
          id
          name
        }
      }
      meetings {
        id
        kind
        scheduledAt
        heldAt
        cancelledAt
        attendees {
          id
          displayName
          agency {
            id
            name
          }
        }
      }
    }
  }
`);

/**
 * A partner's view of a case it is on: what the consent lets its agency read, no more. Denied parts come back empty
 * (the API lists only the goals, actions and meetings the agency may read), so the page shows what is there.
 */
export function PartnerCasePage({ id }: { id: string }) {
  const { t, formatDateTime } = useI18n();
  const viewer = useViewer();
  const { data, loading, error } = useQuery(PARTNER_CASE, { variables: { id }, errorPolicy: 'all', fetchPolicy: 'cache-and-network' });
  const mine = useQuery(MY_ACTIONS, { fetchPolicy: 'cache-and-network' });
  const [, setGone] = useState(false);
  const onGone = useCallback(() => {
    setGone(true);
    void mine.refetch();
  }, [mine]);
  if (loading && !data) return <Loading />;
  const c = data?.collaborationCase;
  if (!c) return <ErrorAlert error={error} />;
  const actions = (mine.data?.myActions ?? []).filter((a) => a.caseId === c.id);
  // The goals its own agency works towards; the API has already left out what the consent does not cover.
  const goals = (c.agencyGoals ?? []).filter((g) => g.agency?.id === viewer.agency?.id);
  const meetings = c.meetings ?? [];
  return (
    <article aria-labelledby="partner-case-title">
      <Paragraph data-size="sm">
        <Link href="/actions">{t.partner.back}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg" id="partner-case-title">
        {t.cases.caseTitle(c.reference ?? '')}
      </Heading>
      <SectionCard id="partner-child-title" title={t.partner.child}>
        <Paragraph data-testid="partner-child">
          {c.child ? `${childName(c.child)}${c.child.age != null ? `, ${t.cases.age(c.child.age)}` : ''}` : t.partner.noChild}
        </Paragraph>
      </SectionCard>
      <SectionCard id="partner-goals-title" title={t.partner.goals}>
        <ItemList items={goals} empty={t.partner.noGoals}>
          {(g) => g.text}
        </ItemList>
      </SectionCard>
      <section aria-labelledby="partner-actions-title">
        <Heading level={2} data-size="sm" id="partner-actions-title">
          {t.partner.actions}
        </Heading>
        <ErrorAlert error={mine.error} />
        {mine.data && actions.length === 0 && <Empty>{t.actions.empty}</Empty>}
        <ul className="plain-list">
          {actions.map((a) => (
            <ActionItem key={a.id} action={a} onGone={onGone} />
          ))}
        </ul>
      </section>
      <SectionCard id="partner-meetings-title" title={t.partner.meetings}>
        <ItemList items={meetings} empty={t.partner.noMeetings}>
          {(m) => (
            <>
              {m.kind && t.cases.meetingKinds[m.kind]} · {formatDateTime(m.scheduledAt)}
              {m.cancelledAt && ` · ${t.cases.cancelledOn(formatDateTime(m.cancelledAt))}`}
              {m.attendees?.length ? (
                <Paragraph data-size="sm">
                  {t.partner.invited(
                    m.attendees.map((a) => (a.agency?.name ? `${a.displayName} (${a.agency.name})` : a.displayName)).join(', '),
                  )}
                </Paragraph>
              ) : null}
            </>
          )}
        </ItemList>
      </SectionCard>
    </article>
  );
}
