import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Select,
  Textfield,
  Field,
  Label,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { FormEvent, useMemo, useState } from 'react';
import { parsePersonalIdentityNumber } from '../../../domain/children/personal-identity-number';
import { apiErrors, FieldErrors, takeField } from '../errors';
import { graphql } from '../gql';
import type { ReportCategory } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useViewer } from '../viewer';
import { calendarDateAt } from '../../../domain/time/calendar-date';

const FLAG_CONCERN = graphql(`
  mutation FlagConcern($input: FlagConcernInput!) {
    flagConcern(input: $input) {
      id
      reference
      feedbackStatus
    }
  }
`);

const CATEGORIES: ReportCategory[] = [
  'UNSUITABLE_ENVIRONMENT',
  'CRIMINAL_BEHAVIOUR',
  'SUSPECTED_CRIME',
  'DRUGS',
  'SCHOOL_ABSENCE',
  'OTHER',
];
const NO_ERRORS: FieldErrors = { byField: {}, general: [] };

const today = () => calendarDateAt(new Date());

export function FlagConcernPage() {
  const { t, lang } = useI18n();
  const [pin, setPin] = useState('');
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  // Only reporters under the duty to report are owed feedback; others are not asked (the API would refuse it).
  const owedFeedback = useViewer().agency?.dutyToReport !== false;
  const [feedback, setFeedback] = useState<'yes' | 'no' | ''>(owedFeedback ? '' : 'no');
  const [submitted, setSubmitted] = useState(false);
  // One key per form: a retried submission returns the first report instead of a second one.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [flag, { data, loading, error, reset }] = useMutation(FLAG_CONCERN);

  const pinCheck = useMemo(() => (pin.trim() ? parsePersonalIdentityNumber(pin, today()) : null), [pin]);
  const local: Record<string, string> = {};
  if (pinCheck && !pinCheck.ok) local['child.personalIdentityNumber'] = t.pin[pinCheck.reason];
  if (submitted) {
    if (!pin.trim() && !(givenName.trim() && familyName.trim())) local['child.givenName'] = t.pin.nameNeeded;
    if (!category) local.category = t.required;
    if (!description.trim()) local.description = t.required;
    if (!feedback) local.feedbackRequested = t.required;
  }
  const server = error ? apiErrors(error, lang, t.unexpectedError, t.fields) : NO_ERRORS;
  const fieldError = (...names: string[]) => local[names[0]] ?? takeField(server, ...names);
  const shown = new Set([
    'child.personalIdentityNumber',
    'child',
    'child.givenName',
    'child.familyName',
    'category',
    'description',
    'feedbackRequested',
  ]);
  const general = [
    ...server.general,
    ...Object.entries(server.byField)
      .filter(([f]) => !shown.has(f))
      .map(([, m]) => m),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const blocking =
      (pinCheck && !pinCheck.ok) ||
      (!pin.trim() && !(givenName.trim() && familyName.trim())) ||
      !category ||
      !description.trim() ||
      !feedback;
    if (blocking) return;
    await flag({
      variables: {
        input: {
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
  };

  if (data) {
    return (
      <section aria-labelledby="flag-title">
        <Heading level={1} data-size="lg" id="flag-title">
          {t.flag.title}
        </Heading>
        <Alert data-color="success" role="status">
          <Paragraph>{t.flag.sent(data.flagConcern.reference ?? '')}</Paragraph>
        </Alert>
        <div className="actions">
          <Link href="/reports/mine">{t.nav.myReports}</Link>
          <Button
            variant="secondary"
            onClick={() => {
              reset();
              setPin('');
              setGivenName('');
              setFamilyName('');
              setCategory('');
              setDescription('');
              setFeedback(owedFeedback ? '' : 'no');
              setSubmitted(false);
              setIdempotencyKey(crypto.randomUUID());
            }}
          >
            {t.flag.another}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="flag-title" className="narrow">
      <Heading level={1} data-size="lg" id="flag-title">
        {t.flag.title}
      </Heading>
      <Paragraph>{t.flag.intro}</Paragraph>
      <form onSubmit={submit} noValidate className="form">
        <Textfield
          label={t.fields['child.personalIdentityNumber']}
          description={t.pin.hint}
          value={pin}
          inputMode="numeric"
          autoComplete="off"
          onChange={(e) => setPin(e.target.value)}
          error={fieldError('child.personalIdentityNumber', 'child')}
        />
        {pinCheck?.ok && (
          <Paragraph data-size="sm" role="status" className="success-text">
            {t.pin.ok(
              `${pinCheck.value.birthDate.year}-${String(pinCheck.value.birthDate.month).padStart(2, '0')}-${String(pinCheck.value.birthDate.day).padStart(2, '0')}`,
              pinCheck.value.isCoordinationNumber,
            )}
          </Paragraph>
        )}
        <div className="row">
          <Textfield
            label={t.fields['child.givenName']}
            value={givenName}
            autoComplete="off"
            onChange={(e) => setGivenName(e.target.value)}
            error={fieldError('child.givenName')}
          />
          <Textfield
            label={t.fields['child.familyName']}
            value={familyName}
            autoComplete="off"
            onChange={(e) => setFamilyName(e.target.value)}
            error={fieldError('child.familyName')}
          />
        </div>
        <Field>
          <Label>{t.fields.category}</Label>
          <Select value={category} onChange={(e) => setCategory(e.target.value)} aria-invalid={fieldError('category') ? true : undefined}>
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
          multiline
          rows={5}
          label={t.fields.description}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={fieldError('description')}
        />
        {owedFeedback ? (
          <Fieldset>
            <Fieldset.Legend>{t.fields.feedbackRequested}</Fieldset.Legend>
            <Fieldset.Description>{t.flag.feedbackHelp}</Fieldset.Description>
            <Radio
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
        ) : (
          <Paragraph>{t.flag.noFeedbackRight}</Paragraph>
        )}
        {general.length > 0 && (
          <Alert data-color="danger" role="alert">
            {general.map((m) => (
              <Paragraph key={m}>{m}</Paragraph>
            ))}
          </Alert>
        )}
        <Button type="submit" loading={loading}>
          {loading ? t.saving : t.flag.submit}
        </Button>
      </form>
    </section>
  );
}
