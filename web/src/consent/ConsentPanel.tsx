import { Button, Checkbox, Details, Fieldset, Heading, Paragraph, Radio, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { endOfDayIso, lastMoment, useDistrictTimeZone } from '../components/district-time';
import { ErrorAlert } from '../components/Status';
import { CheckboxesField, useForm } from '../components/use-form';
import { graphql } from '../gql';
import type { CollaborationCaseQuery, ConsentForm, InformationCategory } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { useViewer } from '../viewer';

const CONSENT_CHOICES = graphql(`
  query ConsentChoices($childId: ID!) {
    child(id: $childId) {
      id
      guardians {
        id
        name
        relation
      }
    }
    agencies {
      id
      name
      kind
      districts {
        id
      }
    }
  }
`);
const RECORD_CONSENT = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      id
      state
    }
  }
`);
const WITHDRAW_CONSENT = graphql(`
  mutation WithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) {
      id
      withdrawnAt
      valid
    }
  }
`);

const CATEGORIES: InformationCategory[] = ['BASIC_FACTS', 'SCHOOL', 'LEISURE', 'POLICE_CONTACTS', 'SOCIAL_SERVICES_CONTACTS'];
type CaseData = CollaborationCaseQuery['collaborationCase'];
type Consent = NonNullable<CaseData['consents']>[number];
/** What the case page reads again after a change, so every panel shows what the API now holds. */
interface Refetch {
  readonly refetchQueries: string[];
  readonly awaitRefetchQueries: boolean;
}

function WithdrawButton({ consent, refetch }: { consent: Consent; refetch: Refetch }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const [withdraw, { loading, error }] = useMutation(WITHDRAW_CONSENT, refetch);
  if (!confirming)
    return (
      <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
        {t.cases.withdraw}
      </Button>
    );
  return (
    <div className="form">
      <Paragraph>{t.cases.withdrawHelp}</Paragraph>
      <Textfield label={t.cases.withdrawNote} value={note} onChange={(e) => setNote(e.target.value)} />
      <ErrorAlert error={error} />
      <div className="actions">
        <Button
          data-color="danger"
          loading={loading}
          onClick={() => withdraw({ variables: { input: { consentId: consent.id, note: note.trim() || null } } }).catch(() => undefined)}
        >
          {t.cases.withdrawConfirm}
        </Button>
        <Button variant="tertiary" onClick={() => setConfirming(false)}>
          {t.cases.cancel}
        </Button>
      </div>
    </div>
  );
}

function ConsentSummary({ consent, refetch }: { consent: Consent; refetch: Refetch }) {
  const { t, formatDate } = useI18n();
  return (
    <li className="card consent" data-testid="consent" data-valid={consent.valid ? 'true' : 'false'}>
      <Paragraph>
        <Tag data-color={consent.valid ? 'success' : 'neutral'}>{consent.valid ? t.cases.consentValid : t.cases.consentNotValid}</Tag>{' '}
        {consent.form && t.cases.forms[consent.form]} · {t.cases.consentGiven(formatDate(consent.givenAt))}
        {' · '}
        {consent.endsAt ? t.cases.consentEnds(formatDate(lastMoment(consent.endsAt))) : t.cases.consentNoEnd}
      </Paragraph>
      {consent.withdrawnAt && (
        <Paragraph>
          <strong>{t.cases.consentWithdrawnAt(formatDate(consent.withdrawnAt))}</strong>
        </Paragraph>
      )}
      {consent.complete === false && <Paragraph>{t.cases.consentIncomplete}</Paragraph>}
      <dl className="facts">
        <dt>{t.cases.consentedBy}</dt>
        <dd>{t.cases.consentBy(!!consent.givenByYouth, consent.guardianCount ?? 0)}</dd>
        <dt>{t.cases.consentScope}</dt>
        <dd>{(consent.agencies ?? []).map((a) => a.name).join(', ') || '–'}</dd>
        <dt>{t.cases.consentCategories}</dt>
        <dd>{(consent.categories ?? []).map((c) => t.cases.categories[c]).join(', ') || '–'}</dd>
        {consent.documentReference && (
          <>
            <dt>{t.cases.documentReference}</dt>
            <dd>{consent.documentReference}</dd>
          </>
        )}
        {consent.oralNote && (
          <>
            <dt>{t.cases.oralNote}</dt>
            <dd>{consent.oralNote}</dd>
          </>
        )}
      </dl>
      {consent.valid && <WithdrawButton consent={consent} refetch={refetch} />}
    </li>
  );
}

function RecordConsentForm({ theCase, refetch }: { theCase: CaseData; refetch: Refetch }) {
  const { t } = useI18n();
  const zone = useDistrictTimeZone();
  const viewer = useViewer();
  const choices = useQuery(CONSENT_CHOICES, { variables: { childId: theCase.child?.id ?? '' }, skip: !theCase.child?.id });
  const [givenByYouth, setGivenByYouth] = useState(true);
  const [guardianIds, setGuardianIds] = useState<string[]>([]);
  const [consentForm, setConsentForm] = useState<ConsentForm>('WRITTEN');
  const [documentReference, setDocumentReference] = useState('');
  const [oralNote, setOralNote] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [categories, setCategories] = useState<InformationCategory[]>(['BASIC_FACTS']);
  const [record, { loading, error }] = useMutation(RECORD_CONSENT, refetch);
  // The agencies that work where the coordinator does; the municipality's central office shares nothing about a youth.
  const districtIds = new Set(viewer.districts.map((d) => d.id));
  const agencies = (choices.data?.agencies ?? []).filter(
    (a) => a.kind !== 'MUNICIPALITY' && a.districts.some((d) => districtIds.has(d.id)),
  );
  const form = useForm(
    {
      guardianIds: { id: 'consent-guardian-0', label: t.cases.guardians, value: guardianIds },
      documentReference:
        consentForm === 'WRITTEN' ? { id: 'consent-document', label: t.cases.documentReference, value: documentReference } : null,
      oralNote: consentForm === 'ORAL' ? { id: 'consent-oral-note', label: t.cases.oralNote, value: oralNote, required: true } : null,
      endsAt: { id: 'consent-ends-at', label: t.cases.endsAt, value: endsAt, kind: 'date', when: 'future', api: ['endsAt', 'givenAt'] },
      agencyIds: { id: 'consent-agency-0', label: t.cases.agencies, value: agencyIds, kind: 'choices', required: true },
      categories: { id: 'consent-category-0', label: t.cases.consentCategories, value: categories, kind: 'choices', required: true },
    },
    { error, timeZone: zone },
  );
  const submit = form.submit(() =>
    record({
      variables: {
        input: {
          caseId: theCase.id,
          givenByYouth,
          guardianIds,
          form: consentForm,
          agencyIds,
          categories,
          documentReference: documentReference.trim() || null,
          oralNote: oralNote.trim() || null,
          endsAt: endsAt ? endOfDayIso(endsAt, zone) : null,
        },
      },
    }).then(form.reset),
  );
  return (
    <form onSubmit={submit} noValidate className="form" aria-label={t.cases.recordTitle}>
      {form.summary}
      <Checkbox label={t.cases.givenByYouth} checked={givenByYouth} onChange={(e) => setGivenByYouth(e.target.checked)} />
      <CheckboxesField
        field={form.field('guardianIds')}
        options={(choices.data?.child.guardians ?? []).map((g) => ({ value: g.id, label: `${g.name ?? ''} (${g.relation ?? ''})` }))}
        selected={guardianIds}
        onChange={setGuardianIds}
      />
      <Fieldset>
        <Fieldset.Legend>{t.cases.form}</Fieldset.Legend>
        {(['WRITTEN', 'ORAL'] as const).map((f) => (
          <Radio
            key={f}
            name="consent-form"
            value={f}
            label={t.cases.forms[f]}
            checked={consentForm === f}
            onChange={() => setConsentForm(f)}
          />
        ))}
      </Fieldset>
      {consentForm === 'WRITTEN' ? (
        <Textfield {...form.field('documentReference')} value={documentReference} onChange={(e) => setDocumentReference(e.target.value)} />
      ) : (
        <Textfield multiline rows={2} {...form.field('oralNote')} value={oralNote} onChange={(e) => setOralNote(e.target.value)} />
      )}
      <Textfield type="date" {...form.field('endsAt')} value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
      <CheckboxesField
        field={form.field('agencyIds')}
        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        selected={agencyIds}
        onChange={setAgencyIds}
      />
      <CheckboxesField
        field={form.field('categories')}
        options={CATEGORIES.map((c) => ({ value: c, label: t.cases.categories[c] }))}
        selected={categories}
        onChange={setCategories}
      />
      <div>
        <Button type="submit" loading={loading}>
          {t.cases.record}
        </Button>
      </div>
    </form>
  );
}

/** Scope, validity and withdrawal of the consents, and a form to record one. */
export function ConsentPanel({ theCase, refetch }: { theCase: CaseData; refetch: Refetch }) {
  const { t } = useI18n();
  const consents = theCase.consents ?? [];
  const closed = theCase.state === 'CLOSED';
  return (
    <section id="consent" aria-labelledby="consent-title" className="card case-section">
      <Heading level={2} data-size="sm" id="consent-title">
        {t.cases.consentTitle}
      </Heading>
      {consents.length === 0 ? (
        <Paragraph>{t.cases.consentNone}</Paragraph>
      ) : (
        <ul className="plain-list">
          {consents.map((c) => (
            <ConsentSummary key={c.id} consent={c} refetch={refetch} />
          ))}
        </ul>
      )}
      {!closed &&
        (consents.some((c) => c.valid) ? (
          <Details>
            <Details.Summary>{t.cases.recordTitle}</Details.Summary>
            <Details.Content>
              <RecordConsentForm theCase={theCase} refetch={refetch} />
            </Details.Content>
          </Details>
        ) : (
          <>
            <Heading level={3} data-size="xs">
              {t.cases.recordTitle}
            </Heading>
            <RecordConsentForm theCase={theCase} refetch={refetch} />
          </>
        ))}
    </section>
  );
}
