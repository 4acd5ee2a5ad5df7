import { Alert, Button, Checkbox, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FieldRule, useForm } from '../components/use-form';
import { graphql } from '../gql';
import type { ReportCategory } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { CategoryField, ChildEntry, ChildFields, childInput, childRules, emptyChild } from './concern-fields';
import { PageSection } from '../components/PageSection';

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

/**
 * The police report one incident under one K-number for one or several children: one report per child (each child's
 * report is its own, with its own clocks), sent one after the other with a key per child, so sending again after an
 * error files only the children not yet filed.
 */
export function PoliceReportPage() {
  const { t } = useI18n();
  const [children, setChildren] = useState<ChildEntry[]>([emptyChild()]);
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
  const [formKey] = useState(() => crypto.randomUUID());
  const [filed, setFiled] = useState<Record<number, string>>({});
  // The API's refusal of one child's report: its field errors belong to that child's fields only.
  const [failed, setFailed] = useState<{ index: number; error: unknown } | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const [report] = useMutation(REPORT_CONCERN);

  const needsReference = category === 'SUSPECTED_CRIME' || !!offence.trim();
  const childFields: Record<string, FieldRule | null> = {};
  children.forEach((child, index) => {
    const rules = childRules(child, `police-child-${index}`, t);
    for (const [name, rule] of Object.entries(rules)) {
      childFields[`${name}${index}`] = filed[index] ? null : { ...rule, api: failed?.index === index ? rule.api : [] };
    }
  });
  const form = useForm(
    {
      policeReference: {
        id: 'police-reference',
        label: t.fields.policeReference,
        value: policeReference,
        required: needsReference,
        emptyMessage: t.police.referenceNeeded,
      },
      category: { id: 'police-category', label: t.fields.category, value: category, kind: 'choice', required: true },
      suspectedOffence: { id: 'police-offence', label: t.fields.suspectedOffence, value: offence },
      description: { id: 'police-description', label: t.fields.description, value: description, required: true },
      ...childFields,
    },
    { error: failed?.error },
  );

  const submit = form.submit(async () => {
    setSending(true);
    setFailed(null);
    const references = { ...filed };
    for (const [index, child] of children.entries()) {
      if (references[index]) continue;
      try {
        const result = await report({
          variables: {
            input: {
              policeReference: policeReference.trim() || null,
              child: childInput(child),
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
      } catch (error) {
        setFailed({ index, error });
        setSending(false);
        throw error;
      }
    }
    setSending(false);
    setDone(true);
  });

  if (done) {
    return (
      <PageSection id="police-title" title={t.police.title}>
        <Alert data-color="success" role="status">
          <Paragraph>{t.police.sent(Object.values(filed))}</Paragraph>
        </Alert>
        <Link href="/reports/mine">{t.nav.policeReports}</Link>
      </PageSection>
    );
  }

  return (
    <PageSection id="police-title" title={t.police.title} className="narrow">
      <Paragraph>{t.police.intro}</Paragraph>
      <form onSubmit={submit} noValidate className="form">
        {form.summary}
        <Textfield
          {...form.field('policeReference')}
          description={t.police.referenceHelp}
          value={policeReference}
          autoComplete="off"
          onChange={(e) => setPoliceReference(e.target.value)}
        />
        <CategoryField form={form} value={category} onChange={setCategory} categories={CATEGORIES} />
        <Textfield {...form.field('suspectedOffence')} value={offence} onChange={(e) => setOffence(e.target.value)} />
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
        <Textfield multiline rows={5} {...form.field('description')} value={description} onChange={(e) => setDescription(e.target.value)} />
        {children.map((child, index) => (
          <Fieldset key={index} className="card">
            <Fieldset.Legend>{t.police.child(index + 1)}</Fieldset.Legend>
            {filed[index] ? (
              <Paragraph role="status">{t.police.childFiled(filed[index])}</Paragraph>
            ) : (
              <>
                <ChildFields
                  form={form}
                  names={{ pin: `pin${index}`, givenName: `givenName${index}`, familyName: `familyName${index}` }}
                  child={child}
                  onChange={(patch) => setChildren((rows) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r)))}
                />
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
        <Button type="submit" loading={sending}>
          {sending ? t.saving : t.police.submit(children.length)}
        </Button>
      </form>
    </PageSection>
  );
}
