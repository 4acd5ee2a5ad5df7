import { Button, Field, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { calendarDateAt, formatCalendarDate, parseCalendarDate, STOCKHOLM_TIME_ZONE } from '../../../domain/time/calendar-date';
import { addLocalDays } from '../../../domain/time/local-time';
import { SelectField, useForm } from '../components/use-form';
import { graphql } from '../gql';
import type { ExceptionalReason } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

/** The extensions decided and the clocks they moved: the report page reads them, and an extension answers them anew. */
graphql(`
  fragment InvestigationExtensionFields on Report {
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
      ...ClockDeadlineFields
    }
  }
`);

const EXTEND = graphql(`
  mutation ExtendInvestigation($input: ExtendInvestigationInput!) {
    extendInvestigation(input: $input) {
      id
      ...InvestigationExtensionFields
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
  const [extend, { loading, error, data }] = useMutation(EXTEND);
  const min = dayKey(addLocalDays(new Date(currentDueAt), 1, STOCKHOLM_TIME_ZONE).toISOString());
  const max = dayKey(until);
  const other = reason === 'OTHER_EXCEPTIONAL';
  const form = useForm(
    {
      reason: {
        id: 'extend-reason',
        label: t.extension.reason,
        value: reason,
        kind: 'choice',
        required: true,
        emptyMessage: t.extension.chooseReason,
      },
      reasonText: {
        id: 'extend-reason-text',
        label: other ? t.extension.reasonText : t.extension.reasonTextOptional,
        value: reasonText,
        required: other,
        emptyMessage: t.extension.describeOther,
      },
      day: {
        id: 'extend-day',
        label: t.extension.newDay,
        value: day,
        kind: 'date',
        required: true,
        emptyMessage: t.extension.chooseDay,
        check: () => (day < min || day > max ? t.extension.dayRange(formatDate(until)) : undefined),
        api: ['newDueAt'],
      },
    },
    { error },
  );
  const submit = form.submit(() => {
    const newDueAt = addLocalDays(new Date(currentDueAt), daysBetween(dayKey(currentDueAt), day), STOCKHOLM_TIME_ZONE).toISOString();
    return extend({
      variables: { input: { reportId, reason: reason as ExceptionalReason, reasonText: reasonText.trim() || null, newDueAt } },
    }).then(() => {
      form.reset();
      setReason('');
      setReasonText('');
      setDay('');
    });
  });
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="extend-title">
      <Heading level={3} data-size="xs" id="extend-title">
        {t.extension.title}
      </Heading>
      <Paragraph data-size="sm">{t.extension.help(formatDate(currentDueAt), formatDate(until))}</Paragraph>
      {form.summary}
      <SelectField
        field={form.field('reason')}
        value={reason}
        onChange={setReason}
        description={<Field.Description>{t.extension.notWorkload}</Field.Description>}
      >
        {REASONS.map((r) => (
          <Select.Option key={r} value={r}>
            {t.exceptionalReasons[r]}
          </Select.Option>
        ))}
      </SelectField>
      <Textfield multiline rows={2} {...form.field('reasonText')} value={reasonText} onChange={(e) => setReasonText(e.target.value)} />
      <Textfield
        type="date"
        {...form.field('day')}
        description={t.extension.latest(formatDate(until))}
        min={min}
        max={max}
        value={day}
        onChange={(e) => setDay(e.target.value)}
      />
      <Button type="submit" loading={loading}>
        {t.extension.submit}
      </Button>
      <Paragraph role="status" data-size="sm">
        {data && !error ? t.extension.saved(formatDate(data.extendInvestigation.investigationExtensions?.at(-1)?.newDueAt)) : ''}
      </Paragraph>
    </form>
  );
}
