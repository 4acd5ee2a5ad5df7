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
import { FormEvent, useState } from 'react';
import { GeneralErrors, localToIso, useFormErrors } from '../components/FormErrors';
import { useDistrictTimeZone, ZoneNote } from '../components/district-time';
import { takeField } from '../errors';
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
  const [tried, setTried] = useState(false);
  const [record, { loading, error }] = useMutation(RECORD_HELD, REFETCH_CASE);
  const server = useFormErrors(error, {
    decisions: t.cases.decisions,
    planChanges: t.cases.planChanges,
    nextFollowUpAt: t.cases.nextMeeting,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!decisions.trim()) return;
    record({
      variables: {
        input: {
          meetingId: meeting.id,
          decisions: decisions.trim(),
          planChanges: planChanges.trim() || null,
          nextFollowUpAt: localToIso(next, zone),
        },
      },
    }).catch(() => undefined);
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <Textfield
        multiline
        rows={2}
        label={t.cases.decisions}
        value={decisions}
        onChange={(e) => setDecisions(e.target.value)}
        error={(tried && !decisions.trim() ? t.required : undefined) ?? takeField(server, 'decisions')}
      />
      <Textfield multiline rows={2} label={t.cases.planChanges} value={planChanges} onChange={(e) => setPlanChanges(e.target.value)} />
      {planRunning && (
        <Textfield
          type="datetime-local"
          label={t.cases.nextMeeting}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={takeField(server, 'nextFollowUpAt')}
        />
      )}
      {planRunning && <ZoneNote timeZone={zone} />}
      <GeneralErrors errors={server} />
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
  const [tried, setTried] = useState(false);
  const [schedule, { loading, error }] = useMutation(SCHEDULE, REFETCH_CASE);
  const server = useFormErrors(error, { scheduledAt: t.cases.when, attendeeUserIds: t.cases.attendees });
  const whenError = (tried && !when ? t.required : undefined) ?? takeField(server, 'scheduledAt');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const scheduledAt = localToIso(when, zone);
    if (!scheduledAt) return;
    schedule({ variables: { input: { caseId: theCase.id, kind, scheduledAt, attendeeUserIds: attendees } } }).then(
      () => {
        setWhen('');
        setTried(false);
      },
      () => undefined,
    );
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="schedule-title">
      <Heading level={3} data-size="xs" id="schedule-title">
        {t.cases.schedule}
      </Heading>
      <div className="row">
        <Field>
          <Label>{t.cases.meetingKind}</Label>
          <Select value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
            {KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t.cases.meetingKinds[k]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield type="datetime-local" label={t.cases.when} value={when} onChange={(e) => setWhen(e.target.value)} error={whenError} />
      </div>
      <ZoneNote timeZone={zone} />
      <Fieldset>
        <Fieldset.Legend>{t.cases.attendees}</Fieldset.Legend>
        {people.map((p) => (
          <Checkbox
            key={p.id}
            label={p.agency ? `${p.name}, ${p.agency}` : p.name}
            checked={attendees.includes(p.id)}
            onChange={(e) => setAttendees((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((id) => id !== p.id)))}
          />
        ))}
        {takeField(server, 'attendeeUserIds') && <ValidationMessage>{takeField(server, 'attendeeUserIds')}</ValidationMessage>}
      </Fieldset>
      <GeneralErrors errors={server} />
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
