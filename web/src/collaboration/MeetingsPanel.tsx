import {
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
import { useState } from 'react';
import { localToIso } from '../components/FormErrors';
import { useForm } from '../components/use-form';
import { useDistrictTimeZone, ZoneNote } from '../components/district-time';
import { graphql } from '../gql';
import type { MeetingKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { CaseData, casePeople, REFETCH_CASE } from './case.queries';

const SCHEDULE = graphql(`
  mutation ScheduleFollowUp($input: ScheduleFollowUpInput!) {
    scheduleFollowUp(input: $input) {
      id
    }
  }
`);
const RECORD_HELD = graphql(`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      id
      heldAt
    }
  }
`);

const KINDS: MeetingKind[] = ['FOLLOW_UP', 'NETWORK_MEETING', 'MAPPING_TALK'];
type Meeting = NonNullable<CaseData['meetings']>[number];

function RecordHeldForm({ meeting, planRunning }: { meeting: Meeting; planRunning: boolean }) {
  const { t } = useI18n();
  const zone = useDistrictTimeZone();
  const [decisions, setDecisions] = useState('');
  const [planChanges, setPlanChanges] = useState('');
  const [next, setNext] = useState('');
  const [record, { loading, error }] = useMutation(RECORD_HELD, REFETCH_CASE);
  const form = useForm(
    {
      decisions: { id: `meeting-${meeting.id}-decisions`, label: t.cases.decisions, value: decisions, required: true },
      planChanges: { id: `meeting-${meeting.id}-changes`, label: t.cases.planChanges, value: planChanges },
      nextFollowUpAt: planRunning
        ? { id: `meeting-${meeting.id}-next`, label: t.cases.nextMeeting, value: next, kind: 'datetime', when: 'future' }
        : null,
    },
    { error, timeZone: zone },
  );
  const submit = form.submit(() =>
    record({
      variables: {
        input: {
          meetingId: meeting.id,
          decisions: decisions.trim(),
          planChanges: planChanges.trim() || null,
          nextFollowUpAt: localToIso(next, zone),
        },
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="form">
      {form.summary}
      <Textfield multiline rows={2} {...form.field('decisions')} value={decisions} onChange={(e) => setDecisions(e.target.value)} />
      <Textfield multiline rows={2} {...form.field('planChanges')} value={planChanges} onChange={(e) => setPlanChanges(e.target.value)} />
      {planRunning && (
        <Textfield type="datetime-local" {...form.field('nextFollowUpAt')} value={next} onChange={(e) => setNext(e.target.value)} />
      )}
      {planRunning && <ZoneNote timeZone={zone} />}
      <div>
        <Button type="submit" variant="secondary" loading={loading}>
          {t.cases.recordHeld}
        </Button>
      </div>
    </form>
  );
}

function ScheduleForm({ theCase }: { theCase: CaseData }) {
  const { t } = useI18n();
  const zone = useDistrictTimeZone();
  const people = casePeople(theCase);
  const [kind, setKind] = useState<MeetingKind>('FOLLOW_UP');
  const [when, setWhen] = useState('');
  const [attendees, setAttendees] = useState<string[]>(() => people.map((p) => p.id));
  const [schedule, { loading, error }] = useMutation(SCHEDULE, REFETCH_CASE);
  const form = useForm(
    {
      kind: { id: 'schedule-kind', label: t.cases.meetingKind, value: kind },
      scheduledAt: { id: 'schedule-when', label: t.cases.when, value: when, kind: 'datetime', required: true, when: 'future' },
      attendeeUserIds: { id: 'schedule-attendee-0', label: t.cases.attendees, value: attendees },
    },
    { error, timeZone: zone },
  );
  const submit = form.submit(() =>
    schedule({ variables: { input: { caseId: theCase.id, kind, scheduledAt: localToIso(when, zone)!, attendeeUserIds: attendees } } }).then(
      () => {
        setWhen('');
        form.reset();
      },
    ),
  );
  const attendeesError = form.field('attendeeUserIds').error;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="schedule-title">
      <Heading level={3} data-size="xs" id="schedule-title">
        {t.cases.schedule}
      </Heading>
      {form.summary}
      <div className="row">
        <Field>
          <Label>{t.cases.meetingKind}</Label>
          <Select id="schedule-kind" value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
            {KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t.cases.meetingKinds[k]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield type="datetime-local" {...form.field('scheduledAt')} value={when} onChange={(e) => setWhen(e.target.value)} />
      </div>
      <ZoneNote timeZone={zone} />
      <Fieldset>
        <Fieldset.Legend>{t.cases.attendees}</Fieldset.Legend>
        {people.map((p, i) => (
          <Checkbox
            key={p.id}
            id={i === 0 ? 'schedule-attendee-0' : undefined}
            aria-invalid={attendeesError ? true : undefined}
            label={p.agency ? `${p.name}, ${p.agency}` : p.name}
            checked={attendees.includes(p.id)}
            onChange={(e) => setAttendees((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((id) => id !== p.id)))}
          />
        ))}
        {attendeesError && <ValidationMessage>{attendeesError}</ValidationMessage>}
      </Fieldset>
      <div>
        <Button type="submit" loading={loading}>
          {t.cases.schedule}
        </Button>
      </div>
    </form>
  );
}

export function MeetingsPanel({ theCase }: { theCase: CaseData }) {
  const { t, formatDateTime } = useI18n();
  const meetings = [...(theCase.meetings ?? [])].sort((a, b) => (a.scheduledAt ?? '').localeCompare(b.scheduledAt ?? ''));
  const open = theCase.state !== 'CLOSED';
  const planRunning = theCase.state === 'PLAN_ACTIVE' || theCase.state === 'FOLLOW_UP';
  return (
    <section id="meetings" aria-labelledby="meetings-title" className="card case-section">
      <Heading level={2} data-size="sm" id="meetings-title">
        {t.cases.meetingsTitle}
      </Heading>
      {meetings.length === 0 ? (
        <Paragraph>{t.cases.meetingsEmpty}</Paragraph>
      ) : (
        <ul className="plain-list">
          {meetings.map((m) => (
            <li key={m.id} className="meeting">
              <Paragraph>
                <strong>{m.kind && t.cases.meetingKinds[m.kind]}</strong> ·{' '}
                {m.heldAt ? t.cases.held(formatDateTime(m.heldAt)) : t.cases.scheduled(formatDateTime(m.scheduledAt))}
                {m.attendees?.length ? ` · ${m.attendees.map((a) => a.displayName).join(', ')}` : ''}
              </Paragraph>
              {m.decisions && (
                <Paragraph data-size="sm">
                  {t.cases.decisions}: {m.decisions}
                </Paragraph>
              )}
              {m.planChanges && (
                <Paragraph data-size="sm">
                  {t.cases.planChanges}: {m.planChanges}
                </Paragraph>
              )}
              {open && !m.heldAt && <RecordHeldForm meeting={m} planRunning={planRunning} />}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <ScheduleForm
          key={casePeople(theCase)
            .map((p) => p.id)
            .join()}
          theCase={theCase}
        />
      )}
    </section>
  );
}
