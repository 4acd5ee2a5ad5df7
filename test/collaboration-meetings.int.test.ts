/**
 * A scheduled case meeting moves or is cancelled: only one not yet held or cancelled, in an open case, by the case's
 * coordinators. The follow-up's reminder clock moves with it or stops; the attendees are told in the app and by e-mail
 * with the case's reference only. Through the GraphQL API on a fake clock.
 */
import { DAY_MS } from '../domain/time/clock';
import { caseWithTeamMember, COORDINATOR, LEISURE, ok, SOCIAL_WORKER, TEACHER, userIdOf } from './helpers/collaboration';
import { T0 } from './helpers/talk-steps';
import { freshAppPerTest } from './helpers/test-app';

/** The instant `days` after the start of each test, as the API writes it. */
const day = (days: number) => new Date(Date.parse(T0) + days * DAY_MS).toISOString();

const t = freshAppPerTest(T0);

const MEETING_FIELDS = 'id scheduledAt heldAt cancelledAt cancelReason';
const reschedule = (email: string, input: Record<string, unknown>) =>
  t.app.as(email, `mutation($i: RescheduleMeetingInput!) { rescheduleMeeting(input: $i) { ${MEETING_FIELDS} } }`, { i: input });
const cancel = (email: string, input: Record<string, unknown>) =>
  t.app.as(email, `mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { ${MEETING_FIELDS} } }`, { i: input });

const errorsOf = (result: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) =>
  result.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field, message: e.message }));

/** A case with the teacher on its team, and a follow-up in 20 days the teacher attends. */
async function caseWithFollowUp() {
  const caseId = await caseWithTeamMember(t.app, TEACHER, 'Nora');
  const data = await ok(t.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
    i: { caseId, kind: 'FOLLOW_UP', scheduledAt: day(20), attendeeUserIds: [await userIdOf(t.app, TEACHER)] },
  });
  const [{ reference }] = await t.app.sql(`SELECT reference FROM collaboration_case WHERE id = $1`, [caseId]);
  return { caseId, meetingId: data.scheduleFollowUp.id as string, reference: reference as string };
}

const reminderClocks = (meetingId: string) =>
  t.app.sql(
    `SELECT starts_at AS "startsAt", due_at AS "dueAt", cancelled_at IS NOT NULL AS cancelled FROM deadline
      WHERE subject_type = 'FOLLOW_UP' AND subject_id = $1 AND kind = 'FOLLOW_UP_REMINDER' ORDER BY due_at`,
    [meetingId],
  );

const notificationsOf = (email: string, kind: string) =>
  t.app.sql(
    `SELECT n.title, n.body FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 AND n.kind = $2 ORDER BY n.created_at`,
    [email, kind],
  );

/** The teacher's one e-mail of the change: its calendar entry, and nothing of the child or of the reason. */
async function expectEmail(subjectStart: string, calendarLines: string[], never: RegExp) {
  const [mail] = await t.app.sql(
    `SELECT o.subject, o.body, o.calendar FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id
      WHERE u.email = $1 AND o.subject LIKE $2 ORDER BY o.created_at`,
    [TEACHER, `${subjectStart}%`],
  );
  expect(mail.calendar.split('\r\n')).toEqual(expect.arrayContaining(calendarLines));
  expect(`${mail.subject} ${mail.body} ${mail.calendar}`).not.toMatch(never);
}

/** The meeting's writes in the audit log: its scheduling, then the one change. */
async function expectAudited(meetingId: string, changed: string[]) {
  const rows = await t.app.sql(
    `SELECT action, fields FROM audit_event WHERE entity_type = 'CollaborationMeeting' AND entity_id = $1 AND action <> 'READ' ORDER BY occurred_at, id`,
    [meetingId],
  );
  expect(rows).toEqual([
    { action: 'CREATE', fields: ['kind', 'scheduledAt', 'attendees'] },
    { action: 'UPDATE', fields: changed },
  ]);
}

describe('moving a case meeting', () => {
  it('moves the time and the follow-up reminder, tells the attendee once with the reference only; the same time is no change', async () => {
    const { caseId, meetingId, reference } = await caseWithFollowUp();
    expect((await reminderClocks(meetingId)).map((c: any) => [c.dueAt.toISOString(), c.cancelled])).toEqual([[day(20), false]]);

    const moved = await reschedule(COORDINATOR, { meetingId, scheduledAt: day(25) });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.rescheduleMeeting).toEqual({
      id: meetingId,
      scheduledAt: day(25),
      heldAt: null,
      cancelledAt: null,
      cancelReason: null,
    });
    expect((await reschedule(COORDINATOR, { meetingId, scheduledAt: day(25) })).errors).toBeUndefined();

    expect((await reminderClocks(meetingId)).map((c: any) => [c.dueAt.toISOString(), c.cancelled])).toEqual([
      [day(20), true],
      [day(25), false],
    ]);
    const view = await ok(
      t.app,
      COORDINATOR,
      `query($id: ID!) { collaborationCase(id: $id) { nextFollowUpAt meetings { scheduledAt } } }`,
      {
        id: caseId,
      },
    );
    expect(view.collaborationCase).toEqual({ nextFollowUpAt: day(25), meetings: [{ scheduledAt: day(25) }] });

    expect(await notificationsOf(TEACHER, 'MEETING_MOVED')).toEqual([
      {
        title: `Ny tid: uppföljningsmöte i ärende ${reference}`,
        body: `Uppföljningsmöte i ärende ${reference} är flyttat från 13 dec. 2026 09:00 till 18 dec. 2026 09:00. Kalenderposten är uppdaterad.`,
      },
    ]);
    expect(await notificationsOf(COORDINATOR, 'MEETING_MOVED')).toEqual([]);
    const uid = `UID:meeting-${meetingId}@samverka`;
    await expectEmail('Ny tid', ['METHOD:REQUEST', uid, 'SEQUENCE:1', 'DTSTART:20261218T080000Z'], /Nora|Samverkansson/);
    await expectAudited(meetingId, ['scheduledAt']);
  });

  it('with a key, a retry moves nothing again, even after the meeting moved since', async () => {
    const { meetingId } = await caseWithFollowUp();
    const first = { meetingId, scheduledAt: day(25), idempotencyKey: 'move-meeting-0001' };
    expect((await reschedule(COORDINATOR, first)).errors).toBeUndefined();
    expect((await reschedule(COORDINATOR, { meetingId, scheduledAt: day(27) })).errors).toBeUndefined();
    const retry = await reschedule(COORDINATOR, first);
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.rescheduleMeeting.scheduledAt).toBe(day(27));
    expect((await notificationsOf(TEACHER, 'MEETING_MOVED')).length).toBe(2);
    expect((await reminderClocks(meetingId)).filter((c: any) => !c.cancelled).map((c: any) => c.dueAt.toISOString())).toEqual([day(27)]);
  });

  it('refuses a past time, a partner, a social worker and an unknown meeting', async () => {
    const { meetingId } = await caseWithFollowUp();
    expect(errorsOf(await reschedule(COORDINATOR, { meetingId, scheduledAt: day(-1) }))).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.scheduledAt', message: 'Choose a time in the future.' },
    ]);
    expect(errorsOf(await reschedule(TEACHER, { meetingId, scheduledAt: day(30) }))![0].code).toBe('FORBIDDEN');
    expect(errorsOf(await reschedule(SOCIAL_WORKER, { meetingId, scheduledAt: day(30) }))![0].code).toBe('FORBIDDEN');
    expect(errorsOf(await reschedule(COORDINATOR, { meetingId: '00000000-0000-4000-8000-000000000000', scheduledAt: day(30) }))).toEqual([
      { code: 'NOT_FOUND', field: 'input.meetingId', message: 'The meeting was not found.' },
    ]);
    expect((await reminderClocks(meetingId)).map((c: any) => [c.dueAt.toISOString(), c.cancelled])).toEqual([[day(20), false]]);
  });
});

describe('cancelling a case meeting', () => {
  it('keeps the reason for the case record, stops the reminder and tells the attendee without the reason', async () => {
    const { caseId, meetingId, reference } = await caseWithFollowUp();
    expect(errorsOf(await cancel(COORDINATOR, { meetingId, reason: '  ' }))).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.reason' }),
    ]);
    t.clock.set(day(1));
    const cancelled = await cancel(COORDINATOR, { meetingId, reason: 'Familjen är bortrest. ' });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelMeeting).toEqual({
      id: meetingId,
      scheduledAt: day(20),
      heldAt: null,
      cancelledAt: day(1),
      cancelReason: 'Familjen är bortrest.',
    });
    expect((await reminderClocks(meetingId)).map((c: any) => c.cancelled)).toEqual([true]);

    // The case lists it as cancelled and has no next follow-up; the attending partner sees that it is off, not why.
    const coordinatorView = await ok(
      t.app,
      COORDINATOR,
      `query($id: ID!) { collaborationCase(id: $id) { nextFollowUpAt meetings { cancelledAt cancelReason } } }`,
      { id: caseId },
    );
    expect(coordinatorView.collaborationCase).toEqual({
      nextFollowUpAt: null,
      meetings: [{ cancelledAt: day(1), cancelReason: 'Familjen är bortrest.' }],
    });
    const teacherView = await t.app.as(
      TEACHER,
      `query($id: ID!) { collaborationCase(id: $id) { meetings { cancelledAt cancelReason } } }`,
      {
        id: caseId,
      },
    );
    expect(teacherView.data!.collaborationCase.meetings).toEqual([{ cancelledAt: day(1), cancelReason: null }]);

    expect(await notificationsOf(TEACHER, 'MEETING_CANCELLED')).toEqual([
      {
        title: `Inställt: uppföljningsmöte i ärende ${reference}`,
        body: `Uppföljningsmöte i ärende ${reference} den 13 dec. 2026 09:00 är inställt. Kalenderposten är borttagen.`,
      },
    ]);
    const uid = `UID:meeting-${meetingId}@samverka`;
    await expectEmail('Inställt', ['METHOD:CANCEL', uid, 'SEQUENCE:1', 'STATUS:CANCELLED'], /bortrest|Nora/);
    await expectAudited(meetingId, ['cancelledAt', 'cancelReason']);

    // Off is off: no move, no second cancellation, no record of it held.
    const conflict = [{ code: 'CONFLICT', field: undefined, message: 'This meeting is cancelled.' }];
    expect(errorsOf(await reschedule(COORDINATOR, { meetingId, scheduledAt: day(30) }))).toEqual(conflict);
    expect(errorsOf(await cancel(COORDINATOR, { meetingId, reason: 'Igen.' }))).toEqual(conflict);
    const record = await t.app.as(COORDINATOR, `mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { id } }`, {
      i: { meetingId, decisions: 'Inget.' },
    });
    expect(errorsOf(record)).toEqual(conflict);
  });

  it('refuses a held meeting and a closed case, each as a conflict', async () => {
    const { caseId, meetingId } = await caseWithFollowUp();
    t.clock.set(day(20));
    await ok(t.app, COORDINATOR, `mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { id } }`, {
      i: { meetingId, decisions: 'Fortsätt.' },
    });
    expect(errorsOf(await cancel(COORDINATOR, { meetingId, reason: 'Sjuk.' }))).toEqual([
      { code: 'CONFLICT', field: undefined, message: 'This meeting is already recorded.' },
    ]);
    const { meetingId: later } = await ok(
      t.app,
      COORDINATOR,
      `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { meetingId: id } }`,
      { i: { caseId, kind: 'NETWORK_MEETING', scheduledAt: day(30), attendeeUserIds: [] } },
    ).then((d) => d.scheduleFollowUp);
    await ok(t.app, COORDINATOR, `mutation($i: CloseCollaborationCaseInput!) { closeCollaborationCase(input: $i) { id } }`, {
      i: { caseId, reason: 'GOALS_MET' },
    });
    const closed = [{ code: 'CONFLICT', field: undefined, message: 'The collaboration case is closed.' }];
    expect(errorsOf(await reschedule(COORDINATOR, { meetingId: later, scheduledAt: day(31) }))).toEqual(closed);
    expect(errorsOf(await cancel(COORDINATOR, { meetingId: later, reason: 'Avslutat.' }))).toEqual(closed);
    expect(await notificationsOf(LEISURE, 'MEETING_CANCELLED')).toEqual([]);
  });
});
