/**
 * A scheduled case meeting moves or is cancelled: only one not yet held or cancelled, in an open case, by the case's
 * coordinators. The follow-up's reminder clock moves with it or stops; the attendees are told in the app and by e-mail
 * with the case's reference only. Through the GraphQL API on a fake clock.
 */
import { DAY_MS } from '../domain/time/clock';
import {
  addMember,
  agencyIdOf,
  COORDINATOR,
  insertChild,
  LEISURE,
  ok,
  openCase,
  recordConsent,
  SOCIAL_WORKER,
  TEACHER,
  userIdOf,
} from './helpers/collaboration';
import { freshAppPerTest } from './helpers/test-app';

const T0 = '2026-11-23T08:00:00Z';
const at = (days: number) => new Date(new Date(T0).getTime() + days * DAY_MS).toISOString();

const t = freshAppPerTest(T0);

const MEETING_FIELDS = 'id scheduledAt heldAt cancelledAt cancelReason';
const reschedule = (email: string, input: Record<string, unknown>) =>
  t.app.as(email, `mutation($i: RescheduleMeetingInput!) { rescheduleMeeting(input: $i) { ${MEETING_FIELDS} } }`, { i: input });
const cancel = (email: string, input: Record<string, unknown>) =>
  t.app.as(email, `mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { ${MEETING_FIELDS} } }`, { i: input });

const errorsOf = (result: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) =>
  result.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field, message: e.message }));

/** A case in mapping with the teacher on its team, and a follow-up in 20 days the teacher attends. */
async function caseWithFollowUp() {
  const { childId, guardianIds } = await insertChild(t.app, '2012-03-15', 'Nora');
  const caseId = await openCase(t.app, childId);
  await recordConsent(t.app, { caseId, givenByYouth: true, guardianIds, agencyIds: [await agencyIdOf(t.app, TEACHER)] });
  expect((await addMember(t.app, caseId, TEACHER)).errors).toBeUndefined();
  const data = await ok(t.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
    i: { caseId, kind: 'FOLLOW_UP', scheduledAt: at(20), attendeeUserIds: [await userIdOf(t.app, TEACHER)] },
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

const emailsOf = (email: string, subjectStart: string) =>
  t.app.sql(
    `SELECT o.subject, o.body, o.calendar FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id
      WHERE u.email = $1 AND o.subject LIKE $2 ORDER BY o.created_at`,
    [email, `${subjectStart}%`],
  );

const meetingAudits = (meetingId: string) =>
  t.app.sql(
    `SELECT action, fields FROM audit_event WHERE entity_type = 'CollaborationMeeting' AND entity_id = $1 AND action <> 'READ' ORDER BY occurred_at, id`,
    [meetingId],
  );

describe('moving a case meeting', () => {
  it('moves the time and the follow-up reminder, tells the attendee once with the reference only; the same time is no change', async () => {
    const { caseId, meetingId, reference } = await caseWithFollowUp();
    expect((await reminderClocks(meetingId)).map((c: any) => [c.dueAt.toISOString(), c.cancelled])).toEqual([[at(20), false]]);

    const moved = await reschedule(COORDINATOR, { meetingId, scheduledAt: at(25) });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.rescheduleMeeting).toEqual({
      id: meetingId,
      scheduledAt: at(25),
      heldAt: null,
      cancelledAt: null,
      cancelReason: null,
    });
    expect((await reschedule(COORDINATOR, { meetingId, scheduledAt: at(25) })).errors).toBeUndefined();

    expect((await reminderClocks(meetingId)).map((c: any) => [c.dueAt.toISOString(), c.cancelled])).toEqual([
      [at(20), true],
      [at(25), false],
    ]);
    const view = await ok(
      t.app,
      COORDINATOR,
      `query($id: ID!) { collaborationCase(id: $id) { nextFollowUpAt meetings { scheduledAt } } }`,
      {
        id: caseId,
      },
    );
    expect(view.collaborationCase).toEqual({ nextFollowUpAt: at(25), meetings: [{ scheduledAt: at(25) }] });

    expect(await notificationsOf(TEACHER, 'MEETING_MOVED')).toEqual([
      {
        title: `Ny tid: uppföljningsmöte i ärende ${reference}`,
        body: `Uppföljningsmöte i ärende ${reference} är flyttat från 13 dec. 2026 09:00 till 18 dec. 2026 09:00. Kalenderposten är uppdaterad.`,
      },
    ]);
    expect(await notificationsOf(COORDINATOR, 'MEETING_MOVED')).toEqual([]);
    const [mail] = await emailsOf(TEACHER, 'Ny tid');
    expect(mail.calendar.split('\r\n')).toEqual(
      expect.arrayContaining(['METHOD:REQUEST', `UID:meeting-${meetingId}@samverka`, 'SEQUENCE:1', 'DTSTART:20261218T080000Z']),
    );
    expect(`${mail.subject} ${mail.body} ${mail.calendar}`).not.toMatch(/Nora|Samverkansson/);
    expect(await meetingAudits(meetingId)).toEqual([
      { action: 'CREATE', fields: ['kind', 'scheduledAt', 'attendees'] },
      { action: 'UPDATE', fields: ['scheduledAt'] },
    ]);
  });

  it('refuses a past time, a partner, a social worker and an unknown meeting', async () => {
    const { meetingId } = await caseWithFollowUp();
    expect(errorsOf(await reschedule(COORDINATOR, { meetingId, scheduledAt: at(-1) }))).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.scheduledAt', message: 'Choose a time in the future.' },
    ]);
    expect(errorsOf(await reschedule(TEACHER, { meetingId, scheduledAt: at(30) }))![0].code).toBe('FORBIDDEN');
    expect(errorsOf(await reschedule(SOCIAL_WORKER, { meetingId, scheduledAt: at(30) }))![0].code).toBe('FORBIDDEN');
    expect(errorsOf(await reschedule(COORDINATOR, { meetingId: '00000000-0000-4000-8000-000000000000', scheduledAt: at(30) }))).toEqual([
      { code: 'NOT_FOUND', field: 'input.meetingId', message: 'The meeting was not found.' },
    ]);
    expect((await reminderClocks(meetingId)).map((c: any) => [c.dueAt.toISOString(), c.cancelled])).toEqual([[at(20), false]]);
  });
});

describe('cancelling a case meeting', () => {
  it('keeps the reason for the case record, stops the reminder and tells the attendee without the reason', async () => {
    const { caseId, meetingId, reference } = await caseWithFollowUp();
    expect(errorsOf(await cancel(COORDINATOR, { meetingId, reason: '  ' }))).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.reason' }),
    ]);
    t.clock.set(at(1));
    const cancelled = await cancel(COORDINATOR, { meetingId, reason: 'Familjen är bortrest. ' });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelMeeting).toEqual({
      id: meetingId,
      scheduledAt: at(20),
      heldAt: null,
      cancelledAt: at(1),
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
      meetings: [{ cancelledAt: at(1), cancelReason: 'Familjen är bortrest.' }],
    });
    const teacherView = await t.app.as(
      TEACHER,
      `query($id: ID!) { collaborationCase(id: $id) { meetings { cancelledAt cancelReason } } }`,
      {
        id: caseId,
      },
    );
    expect(teacherView.data!.collaborationCase.meetings).toEqual([{ cancelledAt: at(1), cancelReason: null }]);

    expect(await notificationsOf(TEACHER, 'MEETING_CANCELLED')).toEqual([
      {
        title: `Inställt: uppföljningsmöte i ärende ${reference}`,
        body: `Uppföljningsmöte i ärende ${reference} den 13 dec. 2026 09:00 är inställt. Kalenderposten är borttagen.`,
      },
    ]);
    const [mail] = await emailsOf(TEACHER, 'Inställt');
    expect(mail.calendar.split('\r\n')).toEqual(
      expect.arrayContaining(['METHOD:CANCEL', `UID:meeting-${meetingId}@samverka`, 'SEQUENCE:1', 'STATUS:CANCELLED']),
    );
    expect(`${mail.subject} ${mail.body} ${mail.calendar}`).not.toMatch(/bortrest|Nora/);
    expect(await meetingAudits(meetingId)).toEqual([
      { action: 'CREATE', fields: ['kind', 'scheduledAt', 'attendees'] },
      { action: 'UPDATE', fields: ['cancelledAt', 'cancelReason'] },
    ]);

    // Off is off: no move, no second cancellation, no record of it held.
    const conflict = [{ code: 'CONFLICT', field: undefined, message: 'This meeting is cancelled.' }];
    expect(errorsOf(await reschedule(COORDINATOR, { meetingId, scheduledAt: at(30) }))).toEqual(conflict);
    expect(errorsOf(await cancel(COORDINATOR, { meetingId, reason: 'Igen.' }))).toEqual(conflict);
    const record = await t.app.as(COORDINATOR, `mutation($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { id } }`, {
      i: { meetingId, decisions: 'Inget.' },
    });
    expect(errorsOf(record)).toEqual(conflict);
  });

  it('refuses a held meeting and a closed case, each as a conflict', async () => {
    const { caseId, meetingId } = await caseWithFollowUp();
    t.clock.set(at(20));
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
      { i: { caseId, kind: 'NETWORK_MEETING', scheduledAt: at(30), attendeeUserIds: [] } },
    ).then((d) => d.scheduleFollowUp);
    await ok(t.app, COORDINATOR, `mutation($i: CloseCollaborationCaseInput!) { closeCollaborationCase(input: $i) { id } }`, {
      i: { caseId, reason: 'GOALS_MET' },
    });
    const closed = [{ code: 'CONFLICT', field: undefined, message: 'The collaboration case is closed.' }];
    expect(errorsOf(await reschedule(COORDINATOR, { meetingId: later, scheduledAt: at(31) }))).toEqual(closed);
    expect(errorsOf(await cancel(COORDINATOR, { meetingId: later, reason: 'Avslutat.' }))).toEqual(closed);
    expect(await notificationsOf(LEISURE, 'MEETING_CANCELLED')).toEqual([]);
  });
});
