import { Alert, Button, Card, Checkbox, Heading, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Clock, useNow } from '../deadlines/Clock';
import { ErrorAlert, Loading } from '../components/Status';
import { PrintButton, usePrintHeader } from '../components/Print';
import { dateValue, DateTimeFields, timeValue, useDistrictTimeZone, zonedToIso } from '../components/district-time';
import { clockLevel, nextOpenDeadline } from '../deadlines/clock';
import { GeneralErrors, useFormErrors } from '../components/FormErrors';
import { CheckboxesField, SelectField, useForm } from '../components/use-form';
import { graphql } from '../gql';
import type { TalkDelayReason, TalkDetailsFragment, TalkOutcome, TalkParticipantRole } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { missingDisclosures, participatingAgencies } from './talks';
import { hasRole, reminderPercentsFor, useViewer } from '../viewer';
import { AssignColleague } from '../organisation/AssignColleague';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { SectionCard } from '../components/SectionCard';

graphql(`
  fragment TalkDetails on Talk {
    id
    reference
    kind
    state
    origin
    childName
    childAge
    child {
      id
      district {
        id
      }
      guardians {
        id
        name
        relation
      }
    }
    report {
      id
      reference
    }
    holderAgency {
      id
      name
    }
    responsible {
      id
      displayName
    }
    preInvestigationRunning
    guardianContactOnHold
    youngAdult
    summonedAt
    scheduledAt
    location
    heldAt
    heldLate
    delayReason
    childVoice
    outcomes
    outcomeNote
    participants {
      id
      role
      displayName
      agency {
        id
        name
      }
      attended
      uniformed
    }
    disclosures {
      id
      agency {
        id
        name
      }
      explainedBy {
        id
        displayName
      }
      explainedAt
    }
    deadlines {
      ...ClockDeadlineFields
    }
  }
`);

const ASSIGN_TALK = graphql(`
  mutation AssignTalkToColleague($input: AssignTalkInput!) {
    assignTalk(input: $input) {
      id
      responsible {
        id
        displayName
      }
    }
  }
`);

const TALK = graphql(`
  query Talk($id: ID!) {
    talk(id: $id) {
      ...TalkDetails
    }
  }
`);
const SUMMON = graphql(`
  mutation SummonTalk($input: SummonTalkInput!) {
    summonTalk(input: $input) {
      ...TalkDetails
    }
  }
`);
const SCHEDULE = graphql(`
  mutation ScheduleTalk($input: ScheduleTalkInput!) {
    scheduleTalk(input: $input) {
      ...TalkDetails
    }
  }
`);
const ADD_PARTICIPANT = graphql(`
  mutation AddTalkParticipant($input: AddTalkParticipantInput!) {
    addTalkParticipant(input: $input) {
      ...TalkDetails
    }
  }
`);
const ATTENDANCE = graphql(`
  mutation RecordTalkAttendance($input: RecordTalkAttendanceInput!) {
    recordTalkAttendance(input: $input) {
      ...TalkDetails
    }
  }
`);
const DISCLOSURE = graphql(`
  mutation RecordDisclosure($input: RecordDisclosureInput!) {
    recordDisclosure(input: $input) {
      ...TalkDetails
    }
  }
`);
const HOLD = graphql(`
  mutation HoldTalk($input: HoldTalkInput!) {
    holdTalk(input: $input) {
      ...TalkDetails
    }
  }
`);
const OUTCOME = graphql(`
  mutation RecordTalkOutcome($input: RecordTalkOutcomeInput!) {
    recordTalkOutcome(input: $input) {
      ...TalkDetails
    }
  }
`);
const INVITEES = graphql(`
  query TalkInvitees($talkId: ID!) {
    police: talkInvitees(talkId: $talkId, role: POLICE_OFFICER) {
      id
      displayName
    }
    coordinators: talkInvitees(talkId: $talkId, role: COORDINATOR) {
      id
      displayName
    }
    socialWorkers: talkInvitees(talkId: $talkId, role: SOCIAL_WORKER) {
      id
      displayName
    }
  }
`);
const CHILD_VOICE = graphql(`
  mutation RecordChildVoice($input: RecordChildVoiceInput!) {
    recordChildVoice(input: $input) {
      ...TalkDetails
    }
  }
`);

type Talk = TalkDetailsFragment;

const DELAY_REASONS: TalkDelayReason[] = [
  'GUARDIAN_UNAVAILABLE',
  'INTERPRETER_NEEDED',
  'PRE_INVESTIGATION_RESTRICTION',
  'POLICE_UNAVAILABLE',
  'OTHER',
];
const OUTCOMES: TalkOutcome[] = [
  'ADVICE_AND_SUPPORT',
  'REFERRED_TO_SERVICE',
  'REFERRED_TO_SSPF',
  'REFERRED_TO_SSFF',
  'CONSENT_TO_SHARE_OBTAINED',
  'FAMILY_DECLINED',
  'NO_FURTHER_ACTION',
];
const OPEN_STATES = new Set(['PROPOSED', 'SUMMONED', 'SCHEDULED']);

function SchedulingSection({ talk }: { talk: Talk }) {
  const { t, formatDateTime } = useI18n();
  const zone = useDistrictTimeZone(talk.child?.district?.id);
  const [date, setDate] = useState(dateValue(talk.scheduledAt, zone));
  const [time, setTime] = useState(timeValue(talk.scheduledAt, zone));
  const [location, setLocation] = useState(talk.location ?? '');
  const [summon, summonState] = useMutation(SUMMON);
  const [schedule, scheduleState] = useMutation(SCHEDULE);
  const summonErrors = useFormErrors(summonState.error);
  const at = zonedToIso(date, time, zone);
  const form = useForm(
    {
      date: {
        id: 'talk-date',
        label: t.talks.date,
        value: date,
        kind: 'date',
        required: true,
        when: 'future',
        // The day may be today while the hour has gone.
        check: () => (at && Date.parse(at) < Date.now() ? t.forms.datePassed : undefined),
        api: ['scheduledAt'],
      },
      time: { id: 'talk-time', label: t.talks.time, value: time, kind: 'time', required: true },
      location: { id: 'talk-location', label: t.talks.place, value: location, required: true },
    },
    { error: scheduleState.error, timeZone: zone },
  );
  const submit = form.submit(() =>
    schedule({ variables: { input: { talkId: talk.id, scheduledAt: at ?? '', location: location.trim() } } }),
  );
  return (
    <SectionCard id="scheduling-title" title={t.talks.schedulingTitle}>
      {talk.guardianContactOnHold && (
        <Alert data-color="warning">
          <Paragraph>{t.talks.guardianHold}</Paragraph>
        </Alert>
      )}
      {talk.preInvestigationRunning && <Paragraph>{t.talks.preInvestigation}</Paragraph>}
      {talk.scheduledAt && (
        <Paragraph data-testid="talk-scheduled">
          {formatDateTime(talk.scheduledAt)}, {talk.location}
        </Paragraph>
      )}
      {talk.state === 'PROPOSED' && (
        <div className="form">
          <Paragraph>{t.talks.summonHelp}</Paragraph>
          <GeneralErrors errors={summonErrors} />
          <div>
            <Button
              loading={summonState.loading}
              onClick={async () => {
                const done = await summon({ variables: { input: { talkId: talk.id } } }).catch(() => null);
                // The button goes away with the summons; the booking's first field takes the focus.
                if (done?.data) requestAnimationFrame(() => document.getElementById('talk-date')?.focus());
              }}
            >
              {t.talks.summon}
            </Button>
          </div>
        </div>
      )}
      {(talk.state === 'SUMMONED' || talk.state === 'SCHEDULED') && (
        <form onSubmit={submit} noValidate className="form">
          {form.summary}
          <DateTimeFields
            timeZone={zone}
            required
            dateId="talk-date"
            timeId="talk-time"
            dateLabel={t.talks.date}
            timeLabel={t.talks.time}
            date={date}
            time={time}
            onDate={setDate}
            onTime={setTime}
            dateError={form.field('date').error}
            timeError={form.field('time').error}
          />
          <Textfield
            {...form.field('location')}
            description={t.talks.placeHint}
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          />
          <div>
            <Button type="submit" loading={scheduleState.loading}>
              {talk.state === 'SCHEDULED' ? t.talks.rebook : t.talks.book}
            </Button>
          </div>
        </form>
      )}
    </SectionCard>
  );
}

/** Option values: a role, or `ROLE:id` for a guardian or a user. */
function parseInvitee(value: string): { role: TalkParticipantRole; id: string | null } {
  const [role, id] = value.split(':');
  return { role: role as TalkParticipantRole, id: id ?? null };
}

function InviteForm({ talk }: { talk: Talk }) {
  const { t } = useI18n();
  const [who, setWho] = useState('');
  const [name, setName] = useState('');
  const [uniformed, setUniformed] = useState(false);
  const invitees = useQuery(INVITEES, { variables: { talkId: talk.id } });
  const [invite, { loading, error }] = useMutation(ADD_PARTICIPANT);
  // Only those not yet invited (the summons already invites the child and the guardians).
  const invitedRoles = (talk.participants ?? []).map((p) => `${p.role}:${p.displayName ?? ''}`);
  const childInvited = (talk.participants ?? []).some((p) => p.role === 'CHILD');
  const guardians = (talk.youngAdult ? [] : (talk.child?.guardians ?? [])).filter(
    (g) => !invitedRoles.includes(`GUARDIAN:${g.name ?? ''}`),
  );
  const { role, id } = parseInvitee(who);
  const form = useForm(
    {
      who: {
        id: 'invite-who',
        label: t.talks.inviteWho,
        value: who,
        kind: 'choice',
        required: true,
        api: ['role', 'guardianId', 'userId'],
      },
      name: role === 'INTERPRETER' ? { id: 'invite-name', label: t.talks.interpreterName, value: name, required: true } : null,
    },
    { error: error ?? invitees.error },
  );
  const staffGroups: { role: TalkParticipantRole; people: { id: string; displayName?: string | null }[] }[] = [
    { role: 'POLICE_OFFICER', people: invitees.data?.police ?? [] },
    { role: 'COORDINATOR', people: invitees.data?.coordinators ?? [] },
    { role: 'SOCIAL_WORKER', people: invitees.data?.socialWorkers ?? [] },
  ];
  const submit = form.submit(() =>
    invite({
      variables: {
        input: {
          talkId: talk.id,
          role,
          guardianId: role === 'GUARDIAN' ? id : null,
          userId: role !== 'GUARDIAN' ? id : null,
          name: role === 'INTERPRETER' ? name.trim() : null,
          uniformed: role === 'POLICE_OFFICER' ? uniformed : null,
        },
      },
    }).then(() => {
      setWho('');
      setName('');
      setUniformed(false);
      form.reset();
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="invite-title">
      <Heading level={3} data-size="xs" id="invite-title">
        {t.talks.inviteTitle}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t.talks.inviteNote}
      </Paragraph>
      {form.summary}
      <div className="row align-end">
        <SelectField field={form.field('who')} value={who} onChange={setWho}>
          {!childInvited && <Select.Option value="CHILD">{t.talks.inviteChild}</Select.Option>}
          {guardians.map((g) => (
            <Select.Option
              key={g.id}
              value={`GUARDIAN:${g.id}`}
            >{`${t.talks.guardian}: ${g.name ?? ''}${g.relation ? ` (${g.relation})` : ''}`}</Select.Option>
          ))}
          {staffGroups.map((group) =>
            group.people.map((p) => (
              <Select.Option
                key={`${group.role}:${p.id}`}
                value={`${group.role}:${p.id}`}
              >{`${t.talks.roles[group.role]}: ${p.displayName ?? ''}`}</Select.Option>
            )),
          )}
          <Select.Option value="INTERPRETER">{t.talks.inviteInterpreter}</Select.Option>
        </SelectField>
        {role === 'INTERPRETER' && <Textfield {...form.field('name')} value={name} onChange={(e) => setName(e.target.value)} />}
        {role === 'POLICE_OFFICER' && (
          <Checkbox label={t.talks.inviteUniformed} checked={uniformed} onChange={(e) => setUniformed(e.target.checked)} />
        )}
        <Button type="submit" variant="secondary" loading={loading}>
          {t.talks.invite}
        </Button>
      </div>
    </form>
  );
}

function ParticipantsSection({ talk }: { talk: Talk }) {
  const { t } = useI18n();
  const [attendance, { error }] = useMutation(ATTENDANCE);
  const participants = talk.participants ?? [];
  const open = OPEN_STATES.has(talk.state ?? '');
  return (
    <SectionCard id="participants-title" title={t.talks.participantsTitle}>
      {participants.length === 0 ? (
        <Paragraph className="empty">{t.talks.noParticipants}</Paragraph>
      ) : (
        <ResponsiveTable className="data-table">
          <caption className="visually-hidden">{t.talks.participantsTitle}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.talks.role}</Table.HeaderCell>
              <Table.HeaderCell>{t.talks.name}</Table.HeaderCell>
              <Table.HeaderCell>{t.talks.agency}</Table.HeaderCell>
              <Table.HeaderCell>{t.talks.attended}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {participants.map((p) => (
              <Table.Row key={p.id} data-role={p.role}>
                <Table.Cell>
                  {t.talks.roles[p.role]}
                  {p.uniformed ? `, ${t.talks.uniformed}` : ''}
                </Table.Cell>
                <Table.Cell>{p.displayName ?? '–'}</Table.Cell>
                <Table.Cell>{p.agency?.name ?? '–'}</Table.Cell>
                <Table.Cell>
                  {p.attended === true ? t.talks.attendedYes : p.attended === false ? t.talks.attendedNo : t.talks.attendedUnknown}
                  {talk.state !== 'CANCELLED' && talk.state !== 'DECLINED' && (
                    <span className="inline-actions">
                      {p.attended !== true && (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-label={`${t.talks.markAttended}: ${t.talks.roles[p.role]} ${p.displayName ?? ''}`.trim()}
                          onClick={() =>
                            attendance({ variables: { input: { participantId: p.id, attended: true } } }).catch(() => undefined)
                          }
                        >
                          {t.talks.markAttended}
                        </Button>
                      )}
                      {p.attended !== false && (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-label={`${t.talks.markAbsent}: ${t.talks.roles[p.role]} ${p.displayName ?? ''}`.trim()}
                          onClick={() =>
                            attendance({ variables: { input: { participantId: p.id, attended: false } } }).catch(() => undefined)
                          }
                        >
                          {t.talks.markAbsent}
                        </Button>
                      )}
                    </span>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ResponsiveTable>
      )}
      <ErrorAlert error={error} />
      {open && <InviteForm talk={talk} />}
    </SectionCard>
  );
}

function DisclosureSection({ talk }: { talk: Talk }) {
  const { t, formatDateTime } = useI18n();
  const viewer = useViewer();
  const [record, { loading, error }] = useMutation(DISCLOSURE);
  const agencies = participatingAgencies(talk.holderAgency, talk.participants);
  const open = OPEN_STATES.has(talk.state ?? '');
  return (
    <SectionCard id="disclosure-title" title={t.talks.disclosureTitle}>
      <Paragraph>{t.talks.disclosureIntro}</Paragraph>
      <ul className="plain-list checklist">
        {agencies.map((agency) => {
          const done = (talk.disclosures ?? []).find((d) => d.agency?.id === agency.id);
          return (
            <li key={agency.id} data-agency={agency.name} data-done={done ? 'true' : 'false'}>
              <Tag data-color={done ? 'success' : 'warning'}>
                {done ? '✓' : '!'}
                <span className="visually-hidden">{done ? '' : t.talks.disclosureMissing}</span>
              </Tag>
              <strong>{agency.name}</strong>
              {': '}
              {done ? (
                t.talks.disclosureDone(done.explainedBy?.displayName ?? '–', formatDateTime(done.explainedAt))
              ) : agency.id === viewer.agency.id && open ? (
                <Button
                  variant="secondary"
                  data-size="sm"
                  loading={loading}
                  onClick={() =>
                    record({ variables: { input: { talkId: talk.id, agencyId: agency.id, explainedByUserId: viewer.id } } }).catch(
                      () => undefined,
                    )
                  }
                >
                  {t.talks.disclosureRecordOwn}
                </Button>
              ) : (
                <span>
                  {t.talks.disclosureMissing}. {t.talks.disclosureWaiting(agency.name)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <ErrorAlert error={error} />
    </SectionCard>
  );
}

function HoldSection({ talk, late }: { talk: Talk; late: boolean }) {
  const { t, formatDateTime } = useI18n();
  const zone = useDistrictTimeZone(talk.child?.district?.id);
  const [delayReason, setDelayReason] = useState('');
  const [delayReasonText, setDelayReasonText] = useState('');
  const [heldDate, setHeldDate] = useState('');
  const [heldTime, setHeldTime] = useState('');
  const [hold, { loading, error }] = useMutation(HOLD);
  const missing = missingDisclosures(participatingAgencies(talk.holderAgency, talk.participants), talk.disclosures);
  const why =
    talk.state !== 'SCHEDULED'
      ? t.talks.holdWhyState
      : missing.length
        ? t.talks.holdWhyMissing(missing.map((a) => a.name).join(', '))
        : null;
  const form = useForm(
    {
      heldAt: { id: 'held-date', label: t.talks.heldDate, value: heldDate, kind: 'date', when: 'past' },
      delayReason: { id: 'delay-reason', label: t.talks.delayReason, value: delayReason, kind: 'choice', required: late },
      delayReasonText:
        delayReason === 'OTHER'
          ? { id: 'delay-reason-text', label: t.talks.delayReasonText, value: delayReasonText, required: true }
          : null,
    },
    { error, timeZone: zone },
  );
  const reasonError = form.field('delayReason').error;
  if (talk.state === 'HELD') {
    return (
      <SectionCard id="hold-title" title={t.talks.holdTitle}>
        <Paragraph data-testid="talk-held">{t.talks.heldOn(formatDateTime(talk.heldAt), !!talk.heldLate)}</Paragraph>
      </SectionCard>
    );
  }
  if (!OPEN_STATES.has(talk.state ?? '')) return null;
  const submit = form.submit(() =>
    hold({
      variables: {
        input: {
          talkId: talk.id,
          delayReason: (delayReason || null) as TalkDelayReason | null,
          delayReasonText: delayReasonText.trim() || null,
          // When it happened, if not now (a talk written up afterwards, or held before its booked time).
          heldAt: zonedToIso(heldDate, heldTime, zone),
        },
      },
    }),
  );
  return (
    <SectionCard id="hold-title" title={t.talks.holdTitle}>
      <form onSubmit={why ? (event) => event.preventDefault() : submit} noValidate className="form">
        {form.summary}
        <DateTimeFields
          timeZone={zone}
          seconds
          dateId="held-date"
          timeId="held-time"
          dateLabel={t.talks.heldDate}
          timeLabel={t.talks.heldTime}
          date={heldDate}
          time={heldTime}
          onDate={setHeldDate}
          onTime={setHeldTime}
          dateError={form.field('heldAt').error}
        />
        {(late || reasonError) && (
          <SelectField field={form.field('delayReason')} value={delayReason} onChange={setDelayReason}>
            {DELAY_REASONS.map((r) => (
              <Select.Option key={r} value={r}>
                {t.talks.delayReasons[r]}
              </Select.Option>
            ))}
          </SelectField>
        )}
        {delayReason === 'OTHER' && (
          <Textfield {...form.field('delayReasonText')} value={delayReasonText} onChange={(e) => setDelayReasonText(e.target.value)} />
        )}
        {why && (
          <Paragraph id="hold-reason" data-testid="hold-reason">
            {why}
          </Paragraph>
        )}
        {/* aria-disabled keeps the button in the focus order, so a screen reader reaches it and hears why. */}
        <div>
          <Button type="submit" loading={loading} aria-disabled={why ? true : undefined} aria-describedby={why ? 'hold-reason' : undefined}>
            {t.talks.held}
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}

function OutcomeSection({ talk }: { talk: Talk }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<TalkOutcome[]>([]);
  const [note, setNote] = useState('');
  const [voice, setVoice] = useState(talk.childVoice ?? '');
  const [record, { loading, error }] = useMutation(OUTCOME);
  const [recordVoice, voiceState] = useMutation(CHILD_VOICE);
  const form = useForm(
    {
      outcomes: { id: 'outcome-0', label: t.talks.outcomeTitle, value: chosen, kind: 'choices', required: true },
      childVoice: { id: 'outcome-voice', label: t.talks.childVoice, value: voice },
      note: { id: 'outcome-note', label: t.talks.outcomeNote, value: note },
    },
    { error: error ?? voiceState.error },
  );
  if (talk.state !== 'HELD') {
    return OPEN_STATES.has(talk.state ?? '') ? (
      <SectionCard id="outcome-title" title={t.talks.outcomeTitle}>
        <Paragraph>{t.talks.outcomeAfterHeld}</Paragraph>
      </SectionCard>
    ) : null;
  }
  if (talk.outcomes?.length) {
    return (
      <SectionCard id="outcome-title" title={t.talks.outcomeTitle}>
        <ul data-testid="talk-outcomes">
          {talk.outcomes.map((o) => (
            <li key={o}>{t.talks.outcomes[o]}</li>
          ))}
        </ul>
        {talk.outcomeNote && <Paragraph className="prewrap">{talk.outcomeNote}</Paragraph>}
        {talk.childVoice && (
          <Paragraph className="prewrap">
            {t.talks.childVoice}: {talk.childVoice}
          </Paragraph>
        )}
      </SectionCard>
    );
  }
  const submit = form.submit(async () => {
    if (voice.trim() && voice.trim() !== talk.childVoice) {
      await recordVoice({ variables: { input: { talkId: talk.id, childVoice: voice.trim() } } });
    }
    await record({ variables: { input: { talkId: talk.id, outcomes: chosen, note: note.trim() || null } } });
  });
  return (
    <SectionCard id="outcome-title" title={t.talks.outcomeTitle}>
      <form onSubmit={submit} noValidate className="form">
        {form.summary}
        <CheckboxesField
          field={form.field('outcomes')}
          options={OUTCOMES.map((o) => ({ value: o, label: t.talks.outcomes[o] }))}
          selected={chosen}
          onChange={setChosen}
        />
        <Textfield multiline rows={2} {...form.field('childVoice')} value={voice} onChange={(e) => setVoice(e.target.value)} />
        <Textfield multiline rows={2} {...form.field('note')} value={note} onChange={(e) => setNote(e.target.value)} />
        <div>
          <Button type="submit" loading={loading || voiceState.loading}>
            {t.talks.recordOutcome}
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}

/** The social worker's talk: child, trigger, clock, booking, participants, the disclosure checklist, held and outcome. */
export function TalkPage({ id }: { id: string }) {
  const { t, formatDateTime } = useI18n();
  const viewer = useViewer();
  const now = useNow();
  const { data, loading, error } = useQuery(TALK, { variables: { id } });
  const [assign, assignState] = useMutation(ASSIGN_TALK);
  usePrintHeader(data?.talk.reference);
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorAlert error={error} />;
  const talk = data.talk;
  const percents = reminderPercentsFor(viewer, talk.child?.district?.id);
  const deadline = nextOpenDeadline(talk.deadlines);
  const level = deadline ? clockLevel(deadline, now, percents) : 'ok';
  const heldClock = (talk.deadlines ?? []).find((d) => d.kind === 'TALK_HELD' && !d.metAt && d.status !== 'CANCELLED');
  const late = !!heldClock?.dueAt && Date.parse(heldClock.dueAt) < now;
  return (
    <article aria-labelledby="talk-title">
      <Heading level={1} data-size="lg" id="talk-title">
        {t.talks.title(talk.reference ?? '')}
      </Heading>
      <PrintButton />
      <div className="grid">
        <Card>
          <Heading level={2} data-size="sm">
            {t.talks.facts}
          </Heading>
          <dl className="facts">
            <dt>{t.talks.child}</dt>
            <dd>
              {talk.child ? <Link href={`/children/${talk.child.id}`}>{talk.childName ?? '–'}</Link> : (talk.childName ?? '–')}
              {talk.childAge !== null && talk.childAge !== undefined ? `, ${t.talks.age(talk.childAge)}` : ''}
            </dd>
            <dt>{t.talks.kind}</dt>
            <dd>{talk.kind ? t.talks.kinds[talk.kind] : '–'}</dd>
            <dt>{t.talks.trigger}</dt>
            <dd>
              {talk.origin ? t.talks.origins[talk.origin] : '–'}
              {talk.report && (
                <>
                  {' · '}
                  <Link href={`/reports/${talk.report.id}`}>{t.talks.fromReport(talk.report.reference ?? '')}</Link>
                </>
              )}
            </dd>
            <dt>{t.talks.state}</dt>
            <dd>
              <Tag data-color={talk.state === 'HELD' ? 'success' : 'neutral'}>{talk.state ? t.talks.states[talk.state] : '–'}</Tag>
            </dd>
            <dt>{t.talks.holder}</dt>
            <dd>{talk.holderAgency?.name ?? '–'}</dd>
            <dt>{t.talks.responsible}</dt>
            <dd>
              {talk.responsible?.displayName ?? t.intake.unassigned}
              {hasRole(viewer, 'SOCIAL_SERVICES_SUPERVISOR') && talk.child?.district?.id && (
                <AssignColleague
                  districtId={talk.child.district.id}
                  currentId={talk.responsible?.id}
                  loading={assignState.loading}
                  error={assignState.error}
                  onAssign={(userId) => assign({ variables: { input: { talkId: talk.id, userId } } })}
                />
              )}
            </dd>
            <dt>{t.talks.scheduled}</dt>
            <dd>{talk.scheduledAt ? `${formatDateTime(talk.scheduledAt)}, ${talk.location ?? ''}` : t.talks.notScheduled}</dd>
            <dt>{t.talks.clock}</dt>
            <dd data-testid="talk-clock">
              {deadline ? <Clock deadline={deadline} now={now} reminderPercents={percents} /> : t.talks.noClock}
              <span aria-live="polite" aria-atomic="true" className="visually-hidden">
                {deadline?.kind && level !== 'ok'
                  ? t.clock.announce(
                      talk.reference ?? '',
                      t.deadlineKinds[deadline.kind],
                      level === 'late' ? t.clock.levelLate : t.clock.levelWarning,
                    )
                  : ''}
              </span>
            </dd>
          </dl>
        </Card>
        <SchedulingSection key={`${talk.state}-${talk.scheduledAt}`} talk={talk} />
      </div>
      <ParticipantsSection talk={talk} />
      <DisclosureSection talk={talk} />
      <HoldSection talk={talk} late={late} />
      <OutcomeSection talk={talk} />
    </article>
  );
}
