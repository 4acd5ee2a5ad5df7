import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { calendarDateAt, formatCalendarDate, parseCalendarDate, STOCKHOLM_TIME_ZONE } from '../../../domain/time/calendar-date';
import { addLocalDays } from '../../../domain/time/local-time';
import { GeneralErrors, useFormErrors } from '../components/FormErrors';
import { takeField } from '../errors';
import { graphql } from '../gql';
import type { ExceptionalReason } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

const EXTEND = graphql(`
  mutation ExtendInvestigation($input: ExtendInvestigationInput!) {
    extendInvestigation(input: $input) {
      id
      investigationExtendableUntil
      investigationExtensions {
        id
        reason
        reasonText
        previousDueAt
        newDueAt
        decidedAt
        decidedBy {
          id
          displayName
        }
      }
      deadlines {
        id
        kind
        startsAt
        dueAt
        metAt
        status
      }
    }
  }
`);

const REASONS: ExceptionalReason[] = [
  'AWAITING_POLICE_INTERVIEW',
  'AWAITING_OTHER_AUTHORITY',
  'FAMILY_UNREACHABLE',
  'INTERPRETER_NEEDED',
  'OTHER_EXCEPTIONAL',
];

const dayKey = (iso: string) => formatCalendarDate(calendarDateAt(new Date(iso), STOCKHOLM_TIME_ZONE));
const daysBetween = (from: string, to: string) => {
  const a = parseCalendarDate(from);
  const b = parseCalendarDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
};

export interface Extension {
  id: string;
  reason?: string | null;
  reasonText?: string | null;
  previousDueAt?: string | null;
  newDueAt?: string | null;
  decidedAt?: string | null;
  decidedBy?: { displayName?: string | null } | null;
}

/** Every extension decided on the report, oldest first: the record the law asks for. */
export function ExtensionList({ extensions }: { extensions: readonly Extension[] }) {
  const { t, formatDate } = useI18n();
  if (extensions.length === 0) return <Paragraph>{t.extension.none}</Paragraph>;
  return (
    <Table className="data-table" data-testid="extensions">
      <caption className="visually-hidden">{t.extension.listTitle}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.extension.decided}</Table.HeaderCell>
          <Table.HeaderCell>{t.extension.reason}</Table.HeaderCell>
          <Table.HeaderCell>{t.extension.moved}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {extensions.map((e) => (
          <Table.Row key={e.id}>
            <Table.Cell>
              {formatDate(e.decidedAt)} · {e.decidedBy?.displayName ?? '–'}
            </Table.Cell>
            <Table.Cell>
              {e.reason ? t.exceptionalReasons[e.reason] : '–'}
              {e.reasonText ? `: ${e.reasonText}` : ''}
            </Table.Cell>
            <Table.Cell>{t.extension.fromTo(formatDate(e.previousDueAt), formatDate(e.newDueAt))}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/**
 * The supervisor moves the investigation's deadline (SoL 11 kap. 2 §) to a day up to the API's latest date; the new
 * deadline keeps the time of day of the current one, so the last offered day is exactly the district's ceiling.
 */
export function ExtendInvestigationForm({ reportId, currentDueAt, until }: { reportId: string; currentDueAt: string; until: string }) {
  const { t, formatDate } = useI18n();
  const [reason, setReason] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [day, setDay] = useState('');
  const [tried, setTried] = useState(false);
  const [extend, { loading, error, data }] = useMutation(EXTEND);
  const server = useFormErrors(error, t.fields);
  const min = dayKey(addLocalDays(new Date(currentDueAt), 1, STOCKHOLM_TIME_ZONE).toISOString());
  const max = dayKey(until);
  const other = reason === 'OTHER_EXCEPTIONAL';
  const dayProblem = !day ? t.extension.chooseDay : day < min || day > max ? t.extension.dayRange(formatDate(until)) : undefined;
  const reasonError = (tried && !reason ? t.extension.chooseReason : undefined) ?? takeField(server, 'reason');
  const textError = (tried && other && !reasonText.trim() ? t.extension.describeOther : undefined) ?? takeField(server, 'reasonText');
  const dayError = (tried ? dayProblem : undefined) ?? takeField(server, 'newDueAt');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!reason || (other && !reasonText.trim()) || dayProblem) return;
    const newDueAt = addLocalDays(new Date(currentDueAt), daysBetween(dayKey(currentDueAt), day), STOCKHOLM_TIME_ZONE).toISOString();
    extend({
      variables: { input: { reportId, reason: reason as ExceptionalReason, reasonText: reasonText.trim() || null, newDueAt } },
    })
      .then(() => {
        setTried(false);
        setReason('');
        setReasonText('');
        setDay('');
      })
      .catch(() => undefined);
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="extend-title">
      <Heading level={3} data-size="xs" id="extend-title">
        {t.extension.title}
      </Heading>
      <Paragraph data-size="sm">{t.extension.help(formatDate(currentDueAt), formatDate(until))}</Paragraph>
      <Field>
        <Label>{t.extension.reason}</Label>
        <Field.Description>{t.extension.notWorkload}</Field.Description>
        <Select value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={reasonError ? true : undefined}>
          <Select.Option value="">{t.flag.choose}</Select.Option>
          {REASONS.map((r) => (
            <Select.Option key={r} value={r}>
              {t.exceptionalReasons[r]}
            </Select.Option>
          ))}
        </Select>
        {reasonError && <ValidationMessage>{reasonError}</ValidationMessage>}
      </Field>
      <Textfield
        multiline
        rows={2}
        label={other ? t.extension.reasonText : t.extension.reasonTextOptional}
        value={reasonText}
        onChange={(e) => setReasonText(e.target.value)}
        error={textError}
      />
      <Textfield
        type="date"
        label={t.extension.newDay}
        description={t.extension.latest(formatDate(until))}
        min={min}
        max={max}
        value={day}
        onChange={(e) => setDay(e.target.value)}
        error={dayError}
      />
      <GeneralErrors errors={server} />
      <Button type="submit" loading={loading}>
        {t.extension.submit}
      </Button>
      <Paragraph role="status" data-size="sm">
        {data && !error ? t.extension.saved(formatDate(data.extendInvestigation.investigationExtensions?.at(-1)?.newDueAt)) : ''}
      </Paragraph>
    </form>
  );
}
