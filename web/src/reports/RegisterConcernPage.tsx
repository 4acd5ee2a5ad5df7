import { Alert, Button, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useDistrictTimeZone } from '../components/district-time';
import { localToIso } from '../components/FormErrors';
import { SelectField, useForm } from '../components/use-form';
import { graphql } from '../gql';
import type { ReportCategory, ReportChannel, ReporterKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { CategoryField, ChildEntry, ChildFields, childInput, childRules, emptyChild, FeedbackField } from './concern-fields';
import { PageSection } from '../components/PageSection';

const REGISTER_CONCERN = graphql(`
  mutation RegisterConcern($input: RegisterConcernInput!) {
    registerConcern(input: $input) {
      id
      reference
      receivedAt
    }
  }
`);

const CHANNELS: ReportChannel[] = ['PHONE', 'LETTER', 'EMAIL', 'IN_PERSON'];
const REPORTER_KINDS: ReporterKind[] = ['PRIVATE_PERSON', 'OTHER_PROFESSIONAL', 'SCHOOL', 'LEISURE', 'POLICE'];

/** Social services register a report that came by phone, letter, e-mail or in person, on the reporter's behalf. */
export function RegisterConcernPage() {
  const { t } = useI18n();
  const timeZone = useDistrictTimeZone();
  const [channel, setChannel] = useState('');
  const [receivedAt, setReceivedAt] = useState('');
  const [reporterKind, setReporterKind] = useState('');
  const [reporterName, setReporterName] = useState('');
  const [reporterContact, setReporterContact] = useState('');
  const [child, setChild] = useState<ChildEntry>(emptyChild);
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [observedAt, setObservedAt] = useState('');
  const [feedback, setFeedback] = useState<'yes' | 'no'>('no');
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [register, { data, loading, error, reset }] = useMutation(REGISTER_CONCERN);
  const form = useForm(
    {
      channel: { id: 'register-channel', label: t.fields.channel, value: channel, kind: 'choice', required: true },
      receivedAt: { id: 'register-received-at', label: t.fields.receivedAt, value: receivedAt, kind: 'datetime' },
      reporterKind: { id: 'register-reporter-kind', label: t.fields.reporterKind, value: reporterKind, kind: 'choice', required: true },
      reporterName: { id: 'register-reporter-name', label: t.fields.reporterName, value: reporterName },
      reporterContact: { id: 'register-reporter-contact', label: t.fields.reporterContact, value: reporterContact, required: true },
      ...childRules(child, 'register', t),
      category: { id: 'register-category', label: t.fields.category, value: category, kind: 'choice', required: true },
      description: { id: 'register-description', label: t.fields.description, value: description, required: true },
      observedAt: { id: 'register-observed-at', label: t.fields.observedAt, value: observedAt, kind: 'datetime', when: 'past' },
      feedbackRequested: { id: 'register-feedback-yes', label: t.fields.feedbackRequested, value: feedback },
    },
    { error, timeZone },
  );

  const submit = form.submit(() =>
    register({
      variables: {
        input: {
          channel: channel as ReportChannel,
          reporterKind: reporterKind as ReporterKind,
          reporterName: reporterName.trim() || null,
          reporterContact: reporterContact.trim(),
          receivedAt: localToIso(receivedAt, timeZone),
          observedAt: localToIso(observedAt, timeZone),
          child: childInput(child),
          category: category as ReportCategory,
          description: description.trim(),
          feedbackRequested: feedback === 'yes',
          idempotencyKey,
        },
      },
    }),
  );
  const feedbackField = form.field('feedbackRequested');

  if (data) {
    return (
      <PageSection id="register-title" title={t.register.title}>
        <Alert data-color="success" role="status">
          <Paragraph>{t.register.saved(data.registerConcern.reference ?? '')}</Paragraph>
        </Alert>
        <div className="actions">
          <Link href={`/reports/${data.registerConcern.id}`}>{t.register.open}</Link>
          <Link href="/intake">{t.nav.intake}</Link>
          <Button
            variant="secondary"
            onClick={() => {
              reset();
              for (const set of [setChannel, setReceivedAt, setReporterKind, setReporterName, setReporterContact]) set('');
              for (const set of [setCategory, setDescription, setObservedAt]) set('');
              setChild(emptyChild());
              setFeedback('no');
              form.reset();
              setIdempotencyKey(crypto.randomUUID());
            }}
          >
            {t.register.another}
          </Button>
        </div>
      </PageSection>
    );
  }

  return (
    <PageSection id="register-title" title={t.register.title} className="narrow">
      <Paragraph>{t.register.intro}</Paragraph>
      <form onSubmit={submit} noValidate className="form">
        {form.summary}
        <div className="row">
          <SelectField field={form.field('channel')} value={channel} onChange={setChannel}>
            {CHANNELS.map((c) => (
              <Select.Option key={c} value={c}>
                {t.register.channels[c]}
              </Select.Option>
            ))}
          </SelectField>
          <Textfield
            {...form.field('receivedAt')}
            type="datetime-local"
            description={t.register.receivedAtHint}
            value={receivedAt}
            onChange={(e) => setReceivedAt(e.target.value)}
          />
        </div>
        <SelectField field={form.field('reporterKind')} value={reporterKind} onChange={setReporterKind}>
          {REPORTER_KINDS.map((k) => (
            <Select.Option key={k} value={k}>
              {t.register.reporterKinds[k]}
            </Select.Option>
          ))}
        </SelectField>
        <div className="row">
          <Textfield
            {...form.field('reporterName')}
            description={t.register.reporterNameHint}
            value={reporterName}
            autoComplete="off"
            onChange={(e) => setReporterName(e.target.value)}
          />
          <Textfield
            {...form.field('reporterContact')}
            description={t.register.reporterContactHint}
            value={reporterContact}
            autoComplete="off"
            onChange={(e) => setReporterContact(e.target.value)}
          />
        </div>
        <ChildFields
          form={form}
          names={{ pin: 'pin', givenName: 'givenName', familyName: 'familyName' }}
          child={child}
          hint={t.register.childHint}
          onChange={(patch) => setChild((c) => ({ ...c, ...patch }))}
        />
        <CategoryField form={form} value={category} onChange={setCategory} />
        <Textfield {...form.field('description')} multiline rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />
        <Textfield
          {...form.field('observedAt')}
          type="datetime-local"
          description={t.register.observedAtHint}
          value={observedAt}
          onChange={(e) => setObservedAt(e.target.value)}
        />
        <FeedbackField field={feedbackField} value={feedback} onChange={setFeedback} />
        <Button type="submit" loading={loading}>
          {loading ? t.saving : t.register.submit}
        </Button>
      </form>
    </PageSection>
  );
}
