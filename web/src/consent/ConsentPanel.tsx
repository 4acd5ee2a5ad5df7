import {
  Button,
  Checkbox,
  Details,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { GeneralErrors, useFormErrors } from '../components/FormErrors';
import { endOfDayIso, lastMoment, useDistrictTimeZone } from '../components/district-time';
import { ErrorAlert } from '../components/Status';
import { takeField } from '../errors';
import { graphql } from '../gql';
import type { ConsentForm, InformationCategory } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { useViewer } from '../viewer';
import { CaseData, REFETCH_CASE } from '../collaboration/case.queries';

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
type Consent = NonNullable<CaseData['consents']>[number];

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

function WithdrawButton({ consent }: { consent: Consent }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const [withdraw, { loading, error }] = useMutation(WITHDRAW_CONSENT, REFETCH_CASE);
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

function ConsentSummary({ consent }: { consent: Consent }) {
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
      {consent.valid && <WithdrawButton consent={consent} />}
    </li>
  );
}

function RecordConsentForm({ theCase }: { theCase: CaseData }) {
  const { t } = useI18n();
  const zone = useDistrictTimeZone();
  const viewer = useViewer();
  const choices = useQuery(CONSENT_CHOICES, { variables: { childId: theCase.child?.id ?? '' }, skip: !theCase.child?.id });
  const [givenByYouth, setGivenByYouth] = useState(true);
  const [guardianIds, setGuardianIds] = useState<string[]>([]);
  const [form, setForm] = useState<ConsentForm>('WRITTEN');
  const [documentReference, setDocumentReference] = useState('');
  const [oralNote, setOralNote] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [categories, setCategories] = useState<InformationCategory[]>(['BASIC_FACTS']);
  const [tried, setTried] = useState(false);
  const [record, { loading, error }] = useMutation(RECORD_CONSENT, REFETCH_CASE);
  const server = useFormErrors(error, {
    guardianIds: t.cases.guardians,
    oralNote: t.cases.oralNote,
    endsAt: t.cases.endsAt,
    agencyIds: t.cases.agencies,
    categories: t.cases.consentCategories,
  });
  // The agencies that work where the coordinator does; the municipality's central office shares nothing about a youth.
  const districtIds = new Set(viewer.districts.map((d) => d.id));
  const agencies = (choices.data?.agencies ?? []).filter(
    (a) => a.kind !== 'MUNICIPALITY' && a.districts.some((d) => districtIds.has(d.id)),
  );
  const agencyError = (tried && agencyIds.length === 0 ? t.required : undefined) ?? takeField(server, 'agencyIds');
  const oralError = (tried && form === 'ORAL' && !oralNote.trim() ? t.required : undefined) ?? takeField(server, 'oralNote');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (agencyIds.length === 0 || (form === 'ORAL' && !oralNote.trim())) return;
    record({
      variables: {
        input: {
          caseId: theCase.id,
          givenByYouth,
          guardianIds,
          form,
          agencyIds,
          categories,
          documentReference: documentReference.trim() || null,
          oralNote: oralNote.trim() || null,
          endsAt: endsAt ? endOfDayIso(endsAt, zone) : null,
        },
      },
    }).then(
      () => setTried(false),
      () => undefined,
    );
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-label={t.cases.recordTitle}>
      <Checkbox label={t.cases.givenByYouth} checked={givenByYouth} onChange={(e) => setGivenByYouth(e.target.checked)} />
      <Fieldset>
        <Fieldset.Legend>{t.cases.guardians}</Fieldset.Legend>
        {(choices.data?.child.guardians ?? []).map((g) => (
          <Checkbox
            key={g.id}
            label={`${g.name ?? ''} (${g.relation ?? ''})`}
            checked={guardianIds.includes(g.id)}
            onChange={(e) => setGuardianIds((ids) => toggle(ids, g.id, e.target.checked))}
          />
        ))}
        {takeField(server, 'guardianIds') && <ValidationMessage>{takeField(server, 'guardianIds')}</ValidationMessage>}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t.cases.form}</Fieldset.Legend>
        {(['WRITTEN', 'ORAL'] as const).map((f) => (
          <Radio key={f} name="consent-form" value={f} label={t.cases.forms[f]} checked={form === f} onChange={() => setForm(f)} />
        ))}
      </Fieldset>
      {form === 'WRITTEN' ? (
        <Textfield
          label={t.cases.documentReference}
          value={documentReference}
          onChange={(e) => setDocumentReference(e.target.value)}
          error={takeField(server, 'documentReference')}
        />
      ) : (
        <Textfield
          multiline
          rows={2}
          label={t.cases.oralNote}
          value={oralNote}
          onChange={(e) => setOralNote(e.target.value)}
          error={oralError}
        />
      )}
      <Textfield
        type="date"
        label={t.cases.endsAt}
        value={endsAt}
        onChange={(e) => setEndsAt(e.target.value)}
        error={takeField(server, 'endsAt', 'givenAt')}
      />
      <Fieldset>
        <Fieldset.Legend>{t.cases.agencies}</Fieldset.Legend>
        {agencies.map((a) => (
          <Checkbox
            key={a.id}
            label={a.name}
            checked={agencyIds.includes(a.id)}
            aria-invalid={agencyError ? true : undefined}
            onChange={(e) => setAgencyIds((ids) => toggle(ids, a.id, e.target.checked))}
          />
        ))}
        {agencyError && <ValidationMessage>{agencyError}</ValidationMessage>}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t.cases.consentCategories}</Fieldset.Legend>
        {CATEGORIES.map((c) => (
          <Checkbox
            key={c}
            label={t.cases.categories[c]}
            checked={categories.includes(c)}
            onChange={(e) => setCategories((list) => toggle(list, c, e.target.checked))}
          />
        ))}
        {takeField(server, 'categories') && <ValidationMessage>{takeField(server, 'categories')}</ValidationMessage>}
      </Fieldset>
      <GeneralErrors errors={server} />
      <div>
        <Button type="submit" loading={loading}>
          {t.cases.record}
        </Button>
      </div>
    </form>
  );
}

/** Scope, validity and withdrawal of the consents, and a form to record one. */
export function ConsentPanel({ theCase }: { theCase: CaseData }) {
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
            <ConsentSummary key={c.id} consent={c} />
          ))}
        </ul>
      )}
      {!closed &&
        (consents.some((c) => c.valid) ? (
          <Details>
            <Details.Summary>{t.cases.recordTitle}</Details.Summary>
            <Details.Content>
              <RecordConsentForm theCase={theCase} />
            </Details.Content>
          </Details>
        ) : (
          <>
            <Heading level={3} data-size="xs">
              {t.cases.recordTitle}
            </Heading>
            <RecordConsentForm theCase={theCase} />
          </>
        ))}
    </section>
  );
}
