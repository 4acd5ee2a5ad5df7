import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Radio,
  Fieldset,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { parsePersonalIdentityNumber } from '../../../domain/children/personal-identity-number';
import { calendarDateAt } from '../../../domain/time/calendar-date';
import { useDistrictTimeZone } from '../components/district-time';
import { localToIso, useFormErrors } from '../components/FormErrors';
import { takeField } from '../errors';
import { graphql } from '../gql';
import type { ReportCategory, ReportChannel, ReporterKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

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
const CATEGORIES: ReportCategory[] = [
  'UNSUITABLE_ENVIRONMENT',
  'CRIMINAL_BEHAVIOUR',
  'SUSPECTED_CRIME',
  'DRUGS',
  'SCHOOL_ABSENCE',
  'OTHER',
];

/** The form's fields in page order: the error summary lists them in this order and links to their inputs. */
const FIELD_IDS: Record<string, string> = {
  channel: 'register-channel',
  receivedAt: 'register-received-at',
  reporterKind: 'register-reporter-kind',
  reporterName: 'register-reporter-name',
  reporterContact: 'register-reporter-contact',
  'child.personalIdentityNumber': 'register-pin',
  'child.givenName': 'register-given-name',
  'child.familyName': 'register-family-name',
  category: 'register-category',
  description: 'register-description',
  observedAt: 'register-observed-at',
  feedbackRequested: 'register-feedback-yes',
};

/** Social services register a report that came by phone, letter, e-mail or in person, on the reporter's behalf. */
export function RegisterConcernPage() {
  const { t } = useI18n();
  const timeZone = useDistrictTimeZone();
  const [channel, setChannel] = useState('');
  const [receivedAt, setReceivedAt] = useState('');
  const [reporterKind, setReporterKind] = useState('');
  const [reporterName, setReporterName] = useState('');
  const [reporterContact, setReporterContact] = useState('');
  const [pin, setPin] = useState('');
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [observedAt, setObservedAt] = useState('');
  const [feedback, setFeedback] = useState<'yes' | 'no'>('no');
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [register, { data, loading, error, reset }] = useMutation(REGISTER_CONCERN);
  const summary = useRef<HTMLDivElement>(null);

  const pinCheck = useMemo(() => (pin.trim() ? parsePersonalIdentityNumber(pin, calendarDateAt(new Date())) : null), [pin]);
  const local: Record<string, string> = {};
  if (submitted) {
    if (pinCheck && !pinCheck.ok) local['child.personalIdentityNumber'] = t.pin[pinCheck.reason];
    if (!channel) local.channel = t.required;
    if (!reporterKind) local.reporterKind = t.required;
    if (!reporterContact.trim()) local.reporterContact = t.required;
    if (!pin.trim() && !(givenName.trim() && familyName.trim())) local['child.givenName'] = t.pin.nameNeeded;
    if (!category) local.category = t.required;
    if (!description.trim()) local.description = t.required;
  }
  const server = useFormErrors(error, t.fields);
  const fieldError = (name: string) => local[name] ?? takeField(server, name, ...(name.startsWith('child.') ? ['child'] : []));
  const listed = Object.keys(FIELD_IDS)
    .map((name) => ({ name, message: fieldError(name) }))
    .filter((e): e is { name: string; message: string } => !!e.message);
  const general = [
    ...server.general,
    ...Object.entries(server.byField)
      .filter(([f]) => !(f in FIELD_IDS) && f !== 'child')
      .map(([, m]) => m),
  ];
  const hasErrors = listed.length > 0 || general.length > 0;

  // The summary takes focus after each failed attempt, so a screen reader hears what to correct.
  useEffect(() => {
    if (attempt && hasErrors) summary.current?.focus();
  }, [attempt, hasErrors, error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setAttempt((n) => n + 1);
    reset();
    const blocking =
      (pinCheck && !pinCheck.ok) ||
      !channel ||
      !reporterKind ||
      !reporterContact.trim() ||
      (!pin.trim() && !(givenName.trim() && familyName.trim())) ||
      !category ||
      !description.trim();
    if (blocking) return;
    await register({
      variables: {
        input: {
          channel: channel as ReportChannel,
          reporterKind: reporterKind as ReporterKind,
          reporterName: reporterName.trim() || null,
          reporterContact: reporterContact.trim(),
          receivedAt: localToIso(receivedAt, timeZone),
          observedAt: localToIso(observedAt, timeZone),
          child: {
            personalIdentityNumber: pinCheck?.ok ? pinCheck.value.normalized : null,
            givenName: givenName.trim() || null,
            familyName: familyName.trim() || null,
          },
          category: category as ReportCategory,
          description: description.trim(),
          feedbackRequested: feedback === 'yes',
          idempotencyKey,
        },
      },
    }).catch(() => undefined);
    setAttempt((n) => n + 1);
  };

  if (data) {
    return (
      <section aria-labelledby="register-title">
        <Heading level={1} data-size="lg" id="register-title">
          {t.register.title}
        </Heading>
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
              for (const set of [setChannel, setReceivedAt, setReporterKind, setReporterName, setReporterContact, setPin]) set('');
              for (const set of [setGivenName, setFamilyName, setCategory, setDescription, setObservedAt]) set('');
              setFeedback('no');
              setSubmitted(false);
              setIdempotencyKey(crypto.randomUUID());
            }}
          >
            {t.register.another}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="register-title" className="narrow">
      <Heading level={1} data-size="lg" id="register-title">
        {t.register.title}
      </Heading>
      <Paragraph>{t.register.intro}</Paragraph>
      {hasErrors && (
        <Alert data-color="danger" ref={summary} tabIndex={-1} aria-labelledby="register-errors" data-testid="error-summary">
          <Heading level={2} data-size="xs" id="register-errors">
            {t.register.errorSummary}
          </Heading>
          <ul>
            {listed.map(({ name, message }) => (
              <li key={name}>
                <a href={`#${FIELD_IDS[name]}`}>{`${t.fields[name] ?? name}: ${message}`}</a>
              </li>
            ))}
            {general.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="form">
        <div className="row">
          <Field>
            <Label>{t.fields.channel}</Label>
            <Select
              id={FIELD_IDS.channel}
              value={channel}
              onChange={(e) => setChannel(e.target.value)}
              aria-invalid={fieldError('channel') ? true : undefined}
            >
              <Select.Option value="">{t.flag.choose}</Select.Option>
              {CHANNELS.map((c) => (
                <Select.Option key={c} value={c}>
                  {t.register.channels[c]}
                </Select.Option>
              ))}
            </Select>
            {fieldError('channel') && <ValidationMessage>{fieldError('channel')}</ValidationMessage>}
          </Field>
          <Textfield
            id={FIELD_IDS.receivedAt}
            type="datetime-local"
            label={t.fields.receivedAt}
            description={t.register.receivedAtHint}
            value={receivedAt}
            onChange={(e) => setReceivedAt(e.target.value)}
            error={fieldError('receivedAt')}
          />
        </div>
        <Field>
          <Label>{t.fields.reporterKind}</Label>
          <Select
            id={FIELD_IDS.reporterKind}
            value={reporterKind}
            onChange={(e) => setReporterKind(e.target.value)}
            aria-invalid={fieldError('reporterKind') ? true : undefined}
          >
            <Select.Option value="">{t.flag.choose}</Select.Option>
            {REPORTER_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t.register.reporterKinds[k]}
              </Select.Option>
            ))}
          </Select>
          {fieldError('reporterKind') && <ValidationMessage>{fieldError('reporterKind')}</ValidationMessage>}
        </Field>
        <div className="row">
          <Textfield
            id={FIELD_IDS.reporterName}
            label={t.fields.reporterName}
            description={t.register.reporterNameHint}
            value={reporterName}
            autoComplete="off"
            onChange={(e) => setReporterName(e.target.value)}
            error={fieldError('reporterName')}
          />
          <Textfield
            id={FIELD_IDS.reporterContact}
            label={t.fields.reporterContact}
            description={t.register.reporterContactHint}
            value={reporterContact}
            autoComplete="off"
            onChange={(e) => setReporterContact(e.target.value)}
            error={fieldError('reporterContact')}
          />
        </div>
        <Textfield
          id={FIELD_IDS['child.personalIdentityNumber']}
          label={t.fields['child.personalIdentityNumber']}
          description={t.register.childHint}
          value={pin}
          inputMode="numeric"
          autoComplete="off"
          onChange={(e) => setPin(e.target.value)}
          error={fieldError('child.personalIdentityNumber')}
        />
        <div className="row">
          <Textfield
            id={FIELD_IDS['child.givenName']}
            label={t.fields['child.givenName']}
            value={givenName}
            autoComplete="off"
            onChange={(e) => setGivenName(e.target.value)}
            error={fieldError('child.givenName')}
          />
          <Textfield
            id={FIELD_IDS['child.familyName']}
            label={t.fields['child.familyName']}
            value={familyName}
            autoComplete="off"
            onChange={(e) => setFamilyName(e.target.value)}
            error={fieldError('child.familyName')}
          />
        </div>
        <Field>
          <Label>{t.fields.category}</Label>
          <Select
            id={FIELD_IDS.category}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            aria-invalid={fieldError('category') ? true : undefined}
          >
            <Select.Option value="">{t.flag.choose}</Select.Option>
            {CATEGORIES.map((c) => (
              <Select.Option key={c} value={c}>
                {t.categories[c]}
              </Select.Option>
            ))}
          </Select>
          {fieldError('category') && <ValidationMessage>{fieldError('category')}</ValidationMessage>}
        </Field>
        <Textfield
          id={FIELD_IDS.description}
          multiline
          rows={5}
          label={t.fields.description}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={fieldError('description')}
        />
        <Textfield
          id={FIELD_IDS.observedAt}
          type="datetime-local"
          label={t.fields.observedAt}
          description={t.register.observedAtHint}
          value={observedAt}
          onChange={(e) => setObservedAt(e.target.value)}
          error={fieldError('observedAt')}
        />
        <Fieldset>
          <Fieldset.Legend>{t.fields.feedbackRequested}</Fieldset.Legend>
          <Fieldset.Description>{t.flag.feedbackHelp}</Fieldset.Description>
          <Radio
            id={FIELD_IDS.feedbackRequested}
            name="feedback"
            value="yes"
            label={t.yes}
            checked={feedback === 'yes'}
            onChange={() => setFeedback('yes')}
            aria-invalid={fieldError('feedbackRequested') ? true : undefined}
          />
          <Radio
            name="feedback"
            value="no"
            label={t.no}
            checked={feedback === 'no'}
            onChange={() => setFeedback('no')}
            aria-invalid={fieldError('feedbackRequested') ? true : undefined}
          />
          {fieldError('feedbackRequested') && <ValidationMessage>{fieldError('feedbackRequested')}</ValidationMessage>}
        </Fieldset>
        <Button type="submit" loading={loading}>
          {loading ? t.saving : t.register.submit}
        </Button>
      </form>
    </section>
  );
}
