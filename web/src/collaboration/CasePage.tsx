import { useEffect, useRef } from 'react';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorAlert, Loading } from '../components/Status';
import { PrintButton, usePrintHeader } from '../components/Print';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { COLLABORATION_CASE, REFETCH_CASE } from './case.queries';
import { ClosePanel } from './ClosePanel';
import { ConsentPanel } from '../consent/ConsentPanel';
import { GoalsPanel } from './GoalsPanel';
import { MeetingsPanel } from './MeetingsPanel';
import { PlanBoard } from './PlanBoard';
import { TeamPanel } from './TeamPanel';
import { childName } from '../children/child-summary';

/** The page's sections in order; each panel's section carries the id. */
const SECTIONS = ['facts', 'consent', 'team', 'goals', 'plan', 'meetings', 'close'] as const;

/** A link or reload with `#plan` lands on the plan once the case has loaded (the browser looked before it existed). */
function useScrollToHash(loaded: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (!loaded || done.current) return;
    done.current = true;
    const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    target?.scrollIntoView();
  }, [loaded]);
}

function sectionTitle(t: ReturnType<typeof useI18n>['t'], section: (typeof SECTIONS)[number]): string {
  const titles = {
    facts: t.cases.facts,
    consent: t.cases.consentTitle,
    team: t.cases.teamTitle,
    goals: t.cases.goalsTitle,
    plan: t.cases.planTitle,
    meetings: t.cases.meetingsTitle,
    close: t.cases.closeTitle,
  };
  return titles[section];
}

export function isNotFound(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'NOT_FOUND');
}

/** The coordinator's case: consent, team, goals, plan, meetings and closure. */
export function CasePage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { data, loading, error } = useQuery(COLLABORATION_CASE, { variables: { id }, fetchPolicy: 'cache-and-network' });
  usePrintHeader(data?.collaborationCase.reference);
  useScrollToHash(Boolean(data));
  if (loading && !data) return <Loading />;
  if (!data) {
    return isNotFound(error) ? (
      <section>
        <Paragraph role="alert">{t.cases.notFound}</Paragraph>
        <Link href="/cases">{t.cases.back}</Link>
      </section>
    ) : (
      <ErrorAlert error={error} />
    );
  }
  const c = data.collaborationCase;
  return (
    <article aria-labelledby="case-title">
      <Paragraph data-size="sm">
        <Link href="/cases">{t.cases.back}</Link> <PrintButton />
      </Paragraph>
      <Heading level={1} data-size="lg" id="case-title">
        {t.cases.caseTitle(c.reference ?? '')}{' '}
        {c.state && (
          <Tag data-color={c.state === 'CLOSED' ? 'neutral' : 'info'} data-testid="case-state">
            {t.cases.states[c.state]}
          </Tag>
        )}
      </Heading>
      <nav aria-label={t.cases.sectionsMenu} className="case-menu no-print">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{sectionTitle(t, s)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section id="facts" aria-labelledby="facts-title" className="card case-section">
        <Heading level={2} data-size="sm" id="facts-title">
          {t.cases.facts}
        </Heading>
        <dl className="facts">
          <dt>{t.cases.child}</dt>
          <dd>
            {c.child ? (
              <>
                <Link href={`/children/${c.child.id}`}>{childName(c.child)}</Link>
                {c.child.age != null ? `, ${t.cases.age(c.child.age)}` : ''}
              </>
            ) : (
              '–'
            )}
          </dd>
          <dt>{t.cases.model}</dt>
          <dd>{c.model ?? '–'}</dd>
          <dt>{t.cases.coordinator}</dt>
          <dd>{c.coordinator?.displayName ?? '–'}</dd>
          <dt>{t.cases.opened}</dt>
          <dd>{formatDate(c.openedAt)}</dd>
          <dt>{t.cases.nextFollowUp}</dt>
          <dd>{c.nextFollowUpAt ? formatDate(c.nextFollowUpAt) : '–'}</dd>
          <dt>{t.cases.concern}</dt>
          <dd className="prewrap">{c.concern}</dd>
        </dl>
        {c.suggestedModel && <Paragraph role="note">{t.cases.suggestedModel(c.suggestedModel)}</Paragraph>}
      </section>
      <ConsentPanel theCase={c} refetch={REFETCH_CASE} />
      <TeamPanel theCase={c} />
      <GoalsPanel theCase={c} />
      <PlanBoard theCase={c} />
      <MeetingsPanel theCase={c} />
      <ClosePanel theCase={c} />
    </article>
  );
}
