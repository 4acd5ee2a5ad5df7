import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { Fragment, useState } from 'react';
import { localToIso } from '../components/FormErrors';
import { useDistrictTimeZone, ZoneNote } from '../components/district-time';
import { useForm } from '../components/use-form';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { CaseData, REFETCH_CASE } from './case.queries';

const SET_GOALS = graphql(`
  mutation SetGoals($input: SetGoalsInput!) {
    setGoals(input: $input) {
      id
      state
    }
  }
`);

/** The agencies that can hold a goal: those on the team. */
function teamAgencies(theCase: CaseData): { id: string; name: string }[] {
  const agencies = new Map<string, string>();
  for (const m of theCase.team ?? []) if (m.agency) agencies.set(m.agency.id, m.agency.name);
  for (const g of theCase.agencyGoals ?? []) if (g.agency) agencies.set(g.agency.id, g.agency.name);
  return [...agencies].map(([id, name]) => ({ id, name }));
}

function GoalsForm({ theCase }: { theCase: CaseData }) {
  const { t } = useI18n();
  const zone = useDistrictTimeZone();
  const agencies = teamAgencies(theCase);
  const [youthGoals, setYouthGoals] = useState((theCase.youthGoals ?? []).join('\n'));
  const [agencyGoals, setAgencyGoals] = useState<Record<string, string>>(() =>
    Object.fromEntries((theCase.agencyGoals ?? []).map((g) => [g.agency?.id ?? '', g.text ?? ''])),
  );
  const [firstFollowUpAt, setFirstFollowUpAt] = useState('');
  const needsFollowUp = theCase.state === 'MAPPING' && !theCase.nextFollowUpAt;
  const [save, { loading, error, data }] = useMutation(SET_GOALS, REFETCH_CASE);
  const form = useForm(
    {
      youthGoals: { id: 'goals-youth', label: t.cases.youthGoals, value: youthGoals },
      agencyGoals: { id: 'goals-agency-0', label: t.cases.goalsTitle, value: '' },
      firstFollowUpAt: needsFollowUp
        ? { id: 'goals-follow-up', label: t.cases.firstFollowUp, value: firstFollowUpAt, kind: 'datetime', required: true, when: 'future' }
        : null,
    },
    { error, timeZone: zone },
  );
  const submit = form.submit(() =>
    save({
      variables: {
        input: {
          caseId: theCase.id,
          youthGoals: youthGoals
            .split('\n')
            .map((g) => g.trim())
            .filter(Boolean),
          agencyGoals: agencies.filter((a) => agencyGoals[a.id]?.trim()).map((a) => ({ agencyId: a.id, text: agencyGoals[a.id].trim() })),
          firstFollowUpAt: localToIso(firstFollowUpAt, zone),
        },
      },
    }),
  );
  const agencyGoalsError = form.field('agencyGoals').error;
  return (
    <form onSubmit={submit} noValidate className="form">
      {form.summary}
      <Textfield multiline rows={3} {...form.field('youthGoals')} value={youthGoals} onChange={(e) => setYouthGoals(e.target.value)} />
      {agencies.map((a, i) => (
        <Textfield
          key={a.id}
          id={i === 0 ? 'goals-agency-0' : undefined}
          label={t.cases.agencyGoal(a.name)}
          value={agencyGoals[a.id] ?? ''}
          onChange={(e) => setAgencyGoals((g) => ({ ...g, [a.id]: e.target.value }))}
          error={i === 0 ? agencyGoalsError : undefined}
        />
      ))}
      {needsFollowUp && (
        <Textfield
          type="datetime-local"
          {...form.field('firstFollowUpAt')}
          value={firstFollowUpAt}
          onChange={(e) => setFirstFollowUpAt(e.target.value)}
        />
      )}
      {needsFollowUp && <ZoneNote timeZone={zone} />}
      {data && !error && <Paragraph role="status">{t.cases.saved}</Paragraph>}
      <div>
        <Button type="submit" loading={loading}>
          {t.cases.saveGoals}
        </Button>
      </div>
    </form>
  );
}

export function GoalsPanel({ theCase }: { theCase: CaseData }) {
  const { t } = useI18n();
  const early = theCase.state === 'INTAKE' || theCase.state === 'CONSENT_PENDING';
  const youth = theCase.youthGoals ?? [];
  const agencyGoals = theCase.agencyGoals ?? [];
  return (
    <section id="goals" aria-labelledby="goals-title" className="card case-section">
      <Heading level={2} data-size="sm" id="goals-title">
        {t.cases.goalsTitle}
      </Heading>
      {youth.length === 0 && agencyGoals.length === 0 && <Paragraph>{t.cases.noGoals}</Paragraph>}
      {youth.length > 0 && (
        <ul>
          {youth.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      )}
      {agencyGoals.length > 0 && (
        <dl className="facts">
          {agencyGoals.map((g) => (
            <Fragment key={g.agency?.id}>
              <dt>{g.agency?.name}</dt>
              <dd>{g.text}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {early ? (
        <Paragraph className="muted">{t.cases.goalsLater}</Paragraph>
      ) : (
        theCase.state !== 'CLOSED' && <GoalsForm key={String(theCase.youthGoals)} theCase={theCase} />
      )}
    </section>
  );
}
