import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { parsePersonalIdentityNumber } from '../../../domain/children/personal-identity-number';
import { calendarDateAt } from '../../../domain/time/calendar-date';
import { apiErrors, FieldErrors } from '../errors';
import { graphql } from '../gql';
import type { ReportCategory } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

const REPORT_CONCERN = graphql(`
  mutation PoliceReportConcern($input: ReportConcernInput!) {
    reportConcern(input: $input) {
      id
      reference
    }
  }
`);

const CATEGORIES: ReportCategory[] = ['SUSPECTED_CRIME', 'CRIMINAL_BEHAVIOUR', 'UNSUITABLE_ENVIRONMENT', 'DRUGS', 'OTHER'];
const FLAGS = ['offenceCanLeadToPrison', 'firstKnownSuspicion', 'preInvestigationRunning', 'guardianContactOnHold'] as const;
type Flag = (typeof FLAGS)[number];

interface ChildRow {
  pin: string;
  givenName: string;
  familyName: string;
}
const emptyChild = (): ChildRow => ({ pin: '', givenName: '', familyName: '' });

/**
 * The police report one incident under one K-number for one or several children: one report per child (each child's
 * report is its own, with its own clocks), sent one after the other with a key per child, so sending again after an
 * error files only the children not yet filed.
 */
export function PoliceReportPage() {
  const { t, lang } = useI18n();
  const [children, setChildren] = useState<ChildRow[]>([emptyChild()]);
  const [policeReference, setPoliceReference] = useState('');
  const [category, setCategory] = useState('');
  const [offence, setOffence] = useState('');
  const [description, setDescription] = useState('');
  const [flags, setFlags] = useState<Record<Flag, boolean>>({
    offenceCanLeadToPrison: false,
    firstKnownSuspicion: false,
    preInvestigationRunning: false,
    guardianContactOnHold: false,
  });
  const [feedback, setFeedback] = useState(true);
  const [tried, setTried] = useState(false);
  const [formKey] = useState(() => crypto.randomUUID());
  const [filed, setFiled] = useState<Record<number, string>>({});
  const [failed, setFailed] = useState<{ index: number; errors: FieldErrors } | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const [report] = useMutation(REPORT_CONCERN);

  const today = calendarDateAt(new Date());
  const childProblem = (c: ChildRow): string | undefined => {
    if (c.pin.trim()) {
      const parsed = parsePersonalIdentityNumber(c.pin, today);
      return parsed.ok ? undefined : t.pin[parsed.reason];
    }
    return c.givenName.trim() && c.familyName.trim() ? undefined : t.pin.nameNeeded;
  };
  const needsReference = category === 'SUSPECTED_CRIME' || !!offence.trim();
  const local: Record<string, string | undefined> = tried
    ? {
        policeReference: needsReference && !policeReference.trim() ? t.police.referenceNeeded : undefined,
        category: category ? undefined : t.required,
        description: description.trim() ? undefined : t.required,
      }
    : {};
  const serverField = (index: number | null, field: string) =>
    failed && (index === null || failed.index === index) ? failed.errors.byField[field] : undefined;
  const error = (field: string) => local[field] ?? serverField(null, field);

  const update = (index: number, patch: Partial<ChildRow>) =>
    setChildren((rows) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(local).some(Boolean) || (needsReference && !policeReference.trim()) || !category || !description.trim()) return;
    if (children.some((c, i) => !filed[i] && childProblem(c))) return;
    setSending(true);
    setFailed(null);
    const references = { ...filed };
    for (const [index, child] of children.entries()) {
      if (references[index]) continue;
      const pin = child.pin.trim() ? parsePersonalIdentityNumber(child.pin, today) : null;
      try {
        const result = await report({
          variables: {
            input: {
              policeReference: policeReference.trim() || null,
              child: {
                personalIdentityNumber: pin?.ok ? pin.value.normalized : null,
                givenName: child.givenName.trim() || null,
                familyName: child.familyName.trim() || null,
              },
              category: category as ReportCategory,
              description: description.trim(),
              suspectedOffence: offence.trim() || null,
              ...flags,
              feedbackRequested: feedback,
              idempotencyKey: `${formKey}-${index}`,
            },
          },
        });
        references[index] = result.data?.reportConcern.reference ?? '';
        setFiled({ ...references });
      } catch (e) {
        setFailed({ index, errors: apiErrors(e, lang, t.unexpectedError, t.fields) });
        setSending(false);
        return;
      }
    }
    setSending(false);
    setDone(true);
  };

  if (done) {
    return (
      <section aria-labelledby="police-title">
        <Heading level={1} data-size="lg" id="police-title">
          {t.police.title}
        </Heading>
        <Alert data-color="success" role="status">
          <Paragraph>{t.police.sent(Object.values(filed))}</Paragraph>
        </Alert>
        <Link href="/reports/mine">{t.nav.policeReports}</Link>
      </section>
    );
  }

  const childFieldError = (index: number, field: string) =>
    (tried && !filed[index] && field === 'child.personalIdentityNumber' ? childProblem(children[index]) : undefined) ??
    serverField(index, field) ??
    (field === 'child.personalIdentityNumber' ? serverField(index, 'child') : undefined);
  const general = failed
    ? [
        ...failed.errors.general,
        ...Object.entries(failed.errors.byField)
          .filter(([f]) => !f.startsWith('child') && !['policeReference', 'category', 'description', 'suspectedOffence'].includes(f))
          .map(([, m]) => m),
      ]
    : [];

  return (
    <section aria-labelledby="police-title" className="narrow">
      <Heading level={1} data-size="lg" id="police-title">
        {t.police.title}
      </Heading>
      <Paragraph>{t.police.intro}</Paragraph>
      <form onSubmit={submit} noValidate className="form">
        <Textfield
          label={t.fields.policeReference}
          description={t.police.referenceHelp}
          value={policeReference}
          autoComplete="off"
          onChange={(e) => setPoliceReference(e.target.value)}
          error={error('policeReference')}
        />
        <Field>
          <Label>{t.fields.category}</Label>
          <Select value={category} onChange={(e) => setCategory(e.target.value)} aria-invalid={error('category') ? true : undefined}>
            <Select.Option value="">{t.flag.choose}</Select.Option>
            {CATEGORIES.map((c) => (
              <Select.Option key={c} value={c}>
                {t.categories[c]}
              </Select.Option>
            ))}
          </Select>
          {error('category') && <ValidationMessage>{error('category')}</ValidationMessage>}
        </Field>
        <Textfield
          label={t.fields.suspectedOffence}
          value={offence}
          onChange={(e) => setOffence(e.target.value)}
          error={error('suspectedOffence')}
        />
        <Fieldset>
          <Fieldset.Legend>{t.police.facts}</Fieldset.Legend>
          {FLAGS.map((f) => (
            <Checkbox
              key={f}
              label={t.fields[f]}
              description={t.police.flagHelp[f]}
              checked={flags[f]}
              onChange={(e) => setFlags((all) => ({ ...all, [f]: e.target.checked }))}
            />
          ))}
        </Fieldset>
        <Textfield
          multiline
          rows={5}
          label={t.fields.description}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={error('description')}
        />
        {children.map((child, index) => (
          <Fieldset key={index} className="card">
            <Fieldset.Legend>{t.police.child(index + 1)}</Fieldset.Legend>
            {filed[index] ? (
              <Paragraph role="status">{t.police.childFiled(filed[index])}</Paragraph>
            ) : (
              <>
                <Textfield
                  label={t.fields['child.personalIdentityNumber']}
                  description={t.pin.hint}
                  value={child.pin}
                  inputMode="numeric"
                  autoComplete="off"
                  onChange={(e) => update(index, { pin: e.target.value })}
                  error={childFieldError(index, 'child.personalIdentityNumber')}
                />
                <div className="row">
                  <Textfield
                    label={t.fields['child.givenName']}
                    value={child.givenName}
                    autoComplete="off"
                    onChange={(e) => update(index, { givenName: e.target.value })}
                    error={childFieldError(index, 'child.givenName')}
                  />
                  <Textfield
                    label={t.fields['child.familyName']}
                    value={child.familyName}
                    autoComplete="off"
                    onChange={(e) => update(index, { familyName: e.target.value })}
                    error={childFieldError(index, 'child.familyName')}
                  />
                </div>
                {children.length > 1 && (
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => setChildren((rows) => rows.filter((_, i) => i !== index))}
                  >
                    {t.police.removeChild(index + 1)}
                  </Button>
                )}
              </>
            )}
          </Fieldset>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => setChildren((rows) => [...rows, emptyChild()])}
          disabled={Object.keys(filed).length > 0}
        >
          {t.police.addChild}
        </Button>
        <Checkbox
          label={t.police.feedback}
          description={t.flag.feedbackHelp}
          checked={feedback}
          onChange={(e) => setFeedback(e.target.checked)}
        />
        {general.length > 0 && (
          <Alert data-color="danger" role="alert">
            {general.map((m) => (
              <Paragraph key={m}>{m}</Paragraph>
            ))}
          </Alert>
        )}
        <Button type="submit" loading={sending}>
          {sending ? t.saving : t.police.submit(children.length)}
        </Button>
      </form>
    </section>
  );
}
