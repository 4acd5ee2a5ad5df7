import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useForm } from '../components/use-form';
import { graphql } from '../gql';
import type { ReportCategory } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useViewer } from '../viewer';
import { CategoryField, ChildEntry, ChildFields, childInput, childRules, emptyChild, FeedbackField } from './concern-fields';
import { PageSection } from '../components/PageSection';

const FLAG_CONCERN = graphql(`
  mutation FlagConcern($input: FlagConcernInput!) {
    flagConcern(input: $input) {
      id
      reference
      feedbackStatus
    }
  }
`);

export function FlagConcernPage() {
  const { t } = useI18n();
  const [child, setChild] = useState<ChildEntry>(emptyChild);
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  // Only reporters under the duty to report are owed feedback; others are not asked (the API would refuse it).
  const owedFeedback = useViewer().agency?.dutyToReport !== false;
  const [feedback, setFeedback] = useState<'yes' | 'no' | ''>(owedFeedback ? '' : 'no');
  // One key per form: a retried submission returns the first report instead of a second one.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [flag, { data, loading, error, reset }] = useMutation(FLAG_CONCERN);
  const form = useForm(
    {
      ...childRules(child, 'flag', t),
      category: { id: 'flag-category', label: t.fields.category, value: category, kind: 'choice', required: true },
      description: { id: 'flag-description', label: t.fields.description, value: description, required: true },
      feedbackRequested: owedFeedback
        ? {
            id: 'flag-feedback-yes',
            label: t.fields.feedbackRequested,
            value: feedback,
            required: true,
            emptyMessage: t.flag.chooseFeedback,
          }
        : null,
    },
    { error },
  );
  const feedbackField = owedFeedback ? form.field('feedbackRequested') : null;

  const submit = form.submit(() =>
    flag({
      variables: {
        input: {
          child: childInput(child),
          category: category as ReportCategory,
          description: description.trim(),
          feedbackRequested: feedback === 'yes',
          idempotencyKey,
        },
      },
    }),
  );

  if (data) {
    return (
      <PageSection id="flag-title" title={t.flag.title}>
        <Alert data-color="success" role="status">
          <Paragraph>{t.flag.sent(data.flagConcern.reference ?? '')}</Paragraph>
        </Alert>
        <div className="actions">
          <Link href="/reports/mine">{t.nav.myReports}</Link>
          <Button
            variant="secondary"
            onClick={() => {
              reset();
              setChild(emptyChild());
              setCategory('');
              setDescription('');
              setFeedback(owedFeedback ? '' : 'no');
              form.reset();
              setIdempotencyKey(crypto.randomUUID());
            }}
          >
            {t.flag.another}
          </Button>
        </div>
      </PageSection>
    );
  }

  return (
    <PageSection id="flag-title" title={t.flag.title} className="narrow">
      <Paragraph>{t.flag.intro}</Paragraph>
      <form onSubmit={submit} noValidate className="form">
        {form.summary}
        <ChildFields
          form={form}
          names={{ pin: 'pin', givenName: 'givenName', familyName: 'familyName' }}
          child={child}
          onChange={(patch) => setChild((c) => ({ ...c, ...patch }))}
        />
        <CategoryField form={form} value={category} onChange={setCategory} />
        <Textfield multiline rows={5} {...form.field('description')} value={description} onChange={(e) => setDescription(e.target.value)} />
        {feedbackField ? (
          <FeedbackField field={feedbackField} value={feedback} onChange={setFeedback} />
        ) : (
          <Paragraph>{t.flag.noFeedbackRight}</Paragraph>
        )}
        <Button type="submit" loading={loading}>
          {loading ? t.saving : t.flag.submit}
        </Button>
      </form>
    </PageSection>
  );
}
