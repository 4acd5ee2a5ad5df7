import { Button, Heading, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { SelectField, useForm } from '../components/use-form';
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
  const [close, { loading, error }] = useMutation(CLOSE, REFETCH_CASE);
  const form = useForm(
    {
      reason: { id: 'close-reason', label: t.cases.closeReason, value: reason, kind: 'choice', required: true },
      note: { id: 'close-note', label: t.cases.closeNote, value: note, required: reason === 'OTHER' },
    },
    { error },
  );
  const submit = form.submit(() =>
    close({ variables: { input: { caseId: theCase.id, reason: reason as ClosingReason, note: note.trim() || null } } }),
  );
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
          {form.summary}
          <SelectField field={form.field('reason')} value={reason} onChange={(v) => setReason(v as ClosingReason)}>
            {REASONS.map((r) => (
              <Select.Option key={r} value={r}>
                {t.cases.closingReasons[r]}
              </Select.Option>
            ))}
          </SelectField>
          <Textfield multiline rows={2} {...form.field('note')} value={note} onChange={(e) => setNote(e.target.value)} />
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
