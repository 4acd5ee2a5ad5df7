import { Button, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { SelectField, useForm } from '../components/use-form';
import { graphql } from '../gql';
import type { TalkKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { ListStatus } from '../components/Status';
import { SectionCard } from '../components/SectionCard';

const CHILD_TALKS = graphql(`
  query ChildTalks($childId: ID!) {
    talksForChild(childId: $childId) {
      id
      reference
      kind
      state
      dueAt
      scheduledAt
    }
  }
`);
const OPEN_TALK = graphql(`
  mutation OpenTalk($input: OpenTalkInput!) {
    openTalk(input: $input) {
      id
    }
  }
`);

const KINDS: TalkKind[] = ['SERIOUS_TALK', 'CONCERN_TALK', 'WORRY_TALK', 'SAFETY_TALK'];

/** On the report page: the child's talks, and a talk opened by hand for this report. */
export function ChildTalks({ childId, reportId }: { childId: string; reportId: string }) {
  const { t, formatDateTime } = useI18n();
  const { data, loading, error } = useQuery(CHILD_TALKS, { variables: { childId } });
  const [kind, setKind] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [open, openState] = useMutation(OPEN_TALK);
  const form = useForm(
    {
      kind: { id: 'open-talk-kind', label: t.talks.kind, value: kind, kind: 'choice', required: true },
      targetDate: { id: 'open-talk-target', label: t.talks.targetDate, value: targetDate, kind: 'date', when: 'future' },
    },
    { error: openState.error },
  );
  const submit = form.submit(async () => {
    const done = await open({
      variables: { input: { reportId, kind: kind as TalkKind, targetDate: targetDate || null, idempotencyKey } },
    });
    if (done.data) navigate(`/talks/${done.data.openTalk.id}`);
  });
  const talks = data?.talksForChild ?? [];
  return (
    <SectionCard id="child-talks-title" title={t.talks.childTalksTitle}>
      <ListStatus data={data} loading={loading} error={error} count={talks.length} empty={t.talks.childTalksEmpty} />
      {talks.length > 0 && (
        <ul className="plain-list">
          {talks.map((talk) => (
            <li key={talk.id}>
              <Link href={`/talks/${talk.id}`}>{t.talks.title(talk.reference ?? '')}</Link>
              {' · '}
              {talk.kind ? t.talks.kinds[talk.kind] : ''}
              {' · '}
              {talk.state ? t.talks.states[talk.state] : ''}
              {talk.scheduledAt && ` · ${formatDateTime(talk.scheduledAt)}`}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="form">
        {form.summary}
        <div className="row align-end">
          <SelectField field={form.field('kind')} value={kind} onChange={setKind}>
            {KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t.talks.kinds[k]}
              </Select.Option>
            ))}
          </SelectField>
          <Textfield
            type="date"
            {...form.field('targetDate')}
            description={t.talks.targetDateHint}
            value={targetDate}
            onChange={(e) => setTargetDate(e.target.value)}
          />
          <Button type="submit" variant="secondary" loading={openState.loading}>
            {t.talks.open}
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}
