import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { FormEvent, ReactNode, useState } from 'react';
import { localToIso } from '../components/FormErrors';
import { useForm } from '../components/use-form';
import { dateValue, timeValue, useDistrictTimeZone, ZoneNote } from '../components/district-time';
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

const RESCHEDULE = graphql(`
  mutation RescheduleMeeting($input: RescheduleMeetingInput!) {
    rescheduleMeeting(input: $input) {
      id
      scheduledAt
    }
  }
`);
const CANCEL = graphql(`
  mutation CancelMeeting($input: CancelMeetingInput!) {
    cancelMeeting(input: $input) {
      id
      cancelledAt
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

interface ChangeFormProps {
  readonly onSubmit: (e: FormEvent) => void;
  readonly summary: ReactNode;
  readonly submitLabel: string;
  readonly danger?: boolean;
  readonly loading: boolean;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/** One change to a meeting: its field, the button that makes it, and the way back without it. */
function ChangeForm(props: ChangeFormProps) {
  const { t } = useI18n();
  return (
    <form onSubmit={props.onSubmit} noValidate className="form">
      {props.summary}
      {props.children}
      <div className="row">
        <Button
          type="submit"
          variant={props.danger ? 'primary' : 'secondary'}
          data-color={props.danger ? 'danger' : undefined}
          loading={props.loading}
        >
          {props.submitLabel}
        </Button>
        <Button type="button" variant="tertiary" onClick={props.onClose}>
          {t.cases.keepMeeting}
        </Button>
      </div>
    </form>
  );
}

function MoveForm({ meeting, onDone, onClose }: { meeting: Meeting; onDone: (at: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const zone = useDistrictTimeZone();
  const [when, setWhen] = useState(() => `${dateValue(meeting.scheduledAt, zone)}T${timeValue(meeting.scheduledAt, zone)}`);
  const [move, { loading, error }] = useMutation(RESCHEDULE, REFETCH_CASE);
  const id = `meeting-${meeting.id}-new-time`;
  const form = useForm(
    { scheduledAt: { id, label: t.cases.newTime, value: when, kind: 'datetime', required: true, when: 'future' } },
    { error, timeZone: zone },
  );
  const submit = form.submit(() => {
    const scheduledAt = localToIso(when, zone)!;
    return move({ variables: { input: { meetingId: meeting.id, scheduledAt } } }).then(() => onDone(scheduledAt));
  });
  return (
    <ChangeForm onSubmit={submit} summary={form.summary} submitLabel={t.cases.saveMove} loading={loading} onClose={onClose}>
      <Textfield type="datetime-local" {...form.field('scheduledAt')} value={when} onChange={(e) => setWhen(e.target.value)} />
      <ZoneNote timeZone={zone} />
    </ChangeForm>
  );
}

function CancelForm({ meeting, onDone, onClose }: { meeting: Meeting; onDone: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [cancel, { loading, error }] = useMutation(CANCEL, REFETCH_CASE);
  const id = `meeting-${meeting.id}-cancel-reason`;
  const form = useForm({ reason: { id, label: t.cases.cancelMeetingReason, value: reason, required: true, maxLength: 500 } }, { error });
  const submit = form.submit(() => cancel({ variables: { input: { meetingId: meeting.id, reason: reason.trim() } } }).then(onDone));
  const field = form.field('reason');
  return (
    <ChangeForm onSubmit={submit} summary={form.summary} submitLabel={t.cases.confirmCancel} danger loading={loading} onClose={onClose}>
      <Textfield {...field} description={t.cases.cancelMeetingHint} value={reason} onChange={(e) => setReason(e.target.value)} />
    </ChangeForm>
  );
}

/** A meeting ahead: record it held, move it, or cancel it (the reason asked for first, as the confirmation). */
function MeetingChanges({ meeting, planRunning }: { meeting: Meeting; planRunning: boolean }) {
  const { t, formatDateTime } = useI18n();
  const [change, setChange] = useState<'move' | 'cancel' | null>(null);
  const [done, setDone] = useState('');
  const finish = (message: string) => {
    setChange(null);
    setDone(message);
  };
  const toggle = (next: 'move' | 'cancel') => {
    setDone('');
    setChange((current) => (current === next ? null : next));
  };
  const cancelled = !!meeting.cancelledAt;
  return (
    <>
      <Paragraph role="status" data-size="sm">
        {done}
      </Paragraph>
      {!cancelled && (
        <>
          <div className="row">
            <Button type="button" variant="secondary" data-size="sm" aria-expanded={change === 'move'} onClick={() => toggle('move')}>
              {t.cases.moveMeeting}
            </Button>
            <Button type="button" variant="secondary" data-size="sm" aria-expanded={change === 'cancel'} onClick={() => toggle('cancel')}>
              {t.cases.cancelMeeting}
            </Button>
          </div>
          {change === 'move' && (
            <MoveForm meeting={meeting} onDone={(at) => finish(t.cases.movedTo(formatDateTime(at)))} onClose={() => setChange(null)} />
          )}
          {change === 'cancel' && (
            <CancelForm meeting={meeting} onDone={() => finish(t.cases.meetingCancelled)} onClose={() => setChange(null)} />
          )}
          {change === null && <RecordHeldForm meeting={meeting} planRunning={planRunning} />}
        </>
      )}
    </>
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
            <li key={m.id} className="meeting" data-testid="meeting" data-cancelled={m.cancelledAt ? 'true' : undefined}>
              <Paragraph>
                <strong>{m.kind && t.cases.meetingKinds[m.kind]}</strong> ·{' '}
                {m.heldAt ? t.cases.held(formatDateTime(m.heldAt)) : t.cases.scheduled(formatDateTime(m.scheduledAt))}
                {m.attendees?.length ? ` · ${m.attendees.map((a) => a.displayName).join(', ')}` : ''}
                {m.cancelledAt && (
                  <>
                    {' '}
                    <Tag data-color="warning">{t.cases.cancelledOn(formatDateTime(m.cancelledAt))}</Tag>
                  </>
                )}
              </Paragraph>
              {m.cancelReason && (
                <Paragraph data-size="sm">
                  {t.cases.cancelMeetingReason}: {m.cancelReason}
                </Paragraph>
              )}
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
              {open && !m.heldAt && <MeetingChanges meeting={m} planRunning={planRunning} />}
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
