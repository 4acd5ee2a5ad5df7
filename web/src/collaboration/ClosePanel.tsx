import { Button, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { GeneralErrors, useFormErrors } from '../components/FormErrors';
import { takeField } from '../errors';
import { graphql } from '../gql';
import type { ClosingReason } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { CaseData, REFETCH_CASE } from './case.queries';

const CLOSE = graphql(`
  mutation CloseCollaborationCase($input: CloseCollaborationCaseInput!) {
    closeCollaborationCase(input: $input) {
      id
      state
    }
  }
`);

const REASONS: ClosingReason[] = ['GOALS_MET', 'CONSENT_WITHDRAWN', 'MOVED_AWAY', 'REFERRED_ELSEWHERE', 'OTHER'];

export function ClosePanel({ theCase }: { theCase: CaseData }) {
  const { t, formatDate } = useI18n();
  const [reason, setReason] = useState<ClosingReason | ''>('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [close, { loading, error }] = useMutation(CLOSE, REFETCH_CASE);
  const server = useFormErrors(error, { reason: t.cases.closeReason, note: t.cases.closeNote });
  const reasonError = (tried && !reason ? t.required : undefined) ?? takeField(server, 'reason');
  const noteError = (tried && reason === 'OTHER' && !note.trim() ? t.required : undefined) ?? takeField(server, 'note');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!reason || (reason === 'OTHER' && !note.trim())) return;
    close({ variables: { input: { caseId: theCase.id, reason, note: note.trim() || null } } }).catch(() => undefined);
  };
  return (
    <section id="close" aria-labelledby="close-title" className="card case-section">
      <Heading level={2} data-size="sm" id="close-title">
        {t.cases.closeTitle}
      </Heading>
      {theCase.state === 'CLOSED' ? (
        <Paragraph>
          {t.cases.closedOn(theCase.closingReason ? t.cases.closingReasons[theCase.closingReason] : '–', formatDate(theCase.closedAt))}
          {theCase.closingNote ? ` ${theCase.closingNote}` : ''}
        </Paragraph>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <Field>
            <Label>{t.cases.closeReason}</Label>
            <Select
              value={reason}
              onChange={(e) => setReason(e.target.value as ClosingReason)}
              aria-invalid={reasonError ? true : undefined}
            >
              <Select.Option value="">{t.flag.choose}</Select.Option>
              {REASONS.map((r) => (
                <Select.Option key={r} value={r}>
                  {t.cases.closingReasons[r]}
                </Select.Option>
              ))}
            </Select>
            {reasonError && <ValidationMessage>{reasonError}</ValidationMessage>}
          </Field>
          <Textfield
            multiline
            rows={2}
            label={t.cases.closeNote}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={noteError}
          />
          <GeneralErrors errors={server} />
          <div>
            <Button type="submit" variant="secondary" data-color="danger" loading={loading}>
              {t.cases.close}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
