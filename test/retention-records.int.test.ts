import { REGISTRY } from '../app/registry';
import { dryRunRetention, runRetention } from '../workers/retention/retention-run';
import { addAction, addMember, agencyIdOf, COORDINATOR, insertChild, ok, openCase, recordConsent, TEACHER } from './helpers/collaboration';
import { indicatorCells } from './helpers/indicators';
import { personalNumberAged, policeReport } from './helpers/talk-steps';
import { freshAppPerTest } from './helpers/test-app';

/** Issue 26: the record types beside the reports (talks, cases, consents, messages, keys, sessions, the log) on the fake clock. */
const T0 = '2026-11-23T08:00:00.000Z';
/** Five years and a month later: past every 60-month default. */
const LATER = '2031-12-24T01:30:00.000Z';
const CHEF = 'chef.norr@samverka.test';
const months = (n: number) => new Date(Date.UTC(2026, 10 + n, 23, 8)).toISOString();

const t = freshAppPerTest(T0);
let districtId: string;

const run = (options = {}) => runRetention(t.app.runtime, { districtId, ...options });
const countsOf = async (options = {}) => (await run(options))[0].counts;

/** A first-suspicion police report opens a talk; the child is born on the given day, the talk holds words and a place. */
async function talkOfChildBornOn(day: number): Promise<{ talkId: string; childId: string }> {
  const { reportId } = await policeReport(t.app, 'norr', { personalIdentityNumber: personalNumberAged(13) });
  const [talk] = await t.app.sql(`SELECT id, child_id FROM talk WHERE report_id = $1`, [reportId]);
  await t.app.sql(`UPDATE child SET birth_date = make_date(2013, 8, $2) WHERE id = $1`, [talk.child_id, day]);
  await t.app.sql(`UPDATE talk SET child_voice = 'Jag vill börja om.', location = 'Fritidsgården' WHERE id = $1`, [talk.id]);
  return { talkId: talk.id, childId: talk.child_id };
}

/** An SSPF case with a consent, a plan action and a goal, closed now (or at `closeAt`). */
async function closedCase(birthDate: string, name: string, closeAt?: string) {
  const { childId, guardianIds } = await insertChild(t.app, birthDate, name);
  const caseId = await openCase(t.app, childId, 'Skolan och polisen oroar sig för Alva.');
  const consent = await recordConsent(t.app, { caseId, givenByYouth: true, guardianIds, agencyIds: [await agencyIdOf(t.app, TEACHER)] });
  expect(consent.errors).toBeUndefined();
  expect((await addMember(t.app, caseId, TEACHER)).errors).toBeUndefined();
  const actionId = await addAction(t.app, caseId, TEACHER, 'SCHOOL_SUPPORT', 'Stödsamtal varje vecka med mentorn.', months(1));
  await t.app.sql(
    `INSERT INTO plan_goal (case_id, agency_id, text, position, crime_information) VALUES ($1, $2, 'Närvaro över 90 %', 0, false)`,
    [caseId, await agencyIdOf(t.app, TEACHER)],
  );
  const meeting = await ok(t.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
    i: { caseId, kind: 'NETWORK_MEETING', scheduledAt: months(1), attendeeUserIds: [] },
  });
  await ok(t.app, COORDINATOR, `mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { id } }`, {
    i: { meetingId: meeting.scheduleFollowUp.id, reason: 'Alva är sjuk.' },
  });
  if (closeAt) t.clock.set(closeAt);
  await ok(t.app, COORDINATOR, `mutation($i: CloseCollaborationCaseInput!) { closeCollaborationCase(input: $i) { state } }`, {
    i: { caseId, reason: 'GOALS_MET' },
  });
  return { caseId, childId, actionId };
}

const caseRow = async (caseId: string) =>
  (
    await t.app.sql(
      `SELECT c.concern, c.state, c.closed_at IS NOT NULL AS closed,
              (SELECT array_agg(description) FROM plan_action WHERE case_id = c.id) AS actions,
              (SELECT count(*)::int FROM plan_goal WHERE case_id = c.id) AS goals,
              (SELECT array_agg(cancel_reason) FROM collaboration_meeting WHERE case_id = c.id) AS meeting_reasons,
              (SELECT array_agg(cardinality(guardian_ids)) FROM consent WHERE case_id = c.id) AS consent_guardians,
              (SELECT count(*)::int FROM consent WHERE case_id = c.id) AS consents
         FROM collaboration_case c WHERE c.id = $1`,
      [caseId],
    )
  )[0];

const talkRow = async (talkId: string) =>
  (await t.app.sql(`SELECT child_voice, location, state, created_at IS NOT NULL AS dated FROM talk WHERE id = $1`, [talkId]))[0];

beforeEach(async () => {
  districtId = await t.app.idOf('district', 'code = $1', ['norr']);
});

describe('retention of talks, collaboration cases and consents', () => {
  it('anonymises them when due and keeps those of a child born on the 15th, under a hold on the child or on the case', async () => {
    const due = await talkOfChildBornOn(3);
    const research = await talkOfChildBornOn(15);
    const heldChild = await talkOfChildBornOn(4);
    const closed = await closedCase('2012-03-03', 'Alva');
    const researchCase = await closedCase('2012-03-15', 'Bo');
    const heldCase = await closedCase('2012-03-04', 'Cleo');
    for (const input of [
      { childId: heldChild.childId, reason: 'Överklagat beslut i förvaltningsrätten.' },
      { caseId: heldCase.caseId, reason: 'Tvist om samverkansärendet pågår.' },
    ]) {
      const placed = await t.app.as(CHEF, `mutation($i: PlaceLegalHoldInput!) { placeLegalHold(input: $i) { id } }`, { i: input });
      expect(placed.errors).toBeUndefined();
    }

    t.clock.set(months(59));
    expect(await countsOf()).not.toHaveProperty('TALK');

    t.clock.set(LATER);
    const dry = await dryRunRetention(t.app.runtime, districtId);
    // The dry run names every record type a module declares, due or not.
    const types = REGISTRY.personalData.flatMap((p) => (p.retention ?? []).map((r) => r.recordType));
    expect(Object.keys(dry).sort()).toEqual([...types].sort());
    expect(dry).toMatchObject({ TALK: 1, FORUM_ITEM: 0, COLLABORATION_CASE: 1, CONSENT: 1 });
    expect((await talkRow(due.talkId)).child_voice).toBe('Jag vill börja om.');

    const counts = await countsOf();
    expect(counts).toMatchObject({ TALK: 1, COLLABORATION_CASE: 1, CONSENT: 1 });
    expect(await talkRow(due.talkId)).toMatchObject({ child_voice: null, location: null, dated: true });
    expect((await talkRow(research.talkId)).child_voice).toBe('Jag vill börja om.');
    expect((await talkRow(heldChild.talkId)).child_voice).toBe('Jag vill börja om.');
    expect(await caseRow(closed.caseId)).toEqual({
      concern: '',
      state: 'CLOSED',
      closed: true,
      actions: [''],
      goals: 0,
      meeting_reasons: null,
      consent_guardians: [0],
      consents: 1,
    });
    for (const kept of [researchCase, heldCase])
      expect(await caseRow(kept.caseId)).toMatchObject({
        concern: 'Skolan och polisen oroar sig för Alva.',
        actions: ['Stödsamtal varje vecka med mentorn.'],
        goals: 1,
        meeting_reasons: ['Alva är sjuk.'],
        consent_guardians: [2],
      });
    // The swept case's clocks keep no step waiting.
    expect(
      await t.app.sql(
        `SELECT s.id FROM deadline_step s JOIN deadline d ON d.id = s.deadline_id
          WHERE d.subject_id = ANY($1::uuid[]) AND s.fired_at IS NULL AND s.closed_at IS NULL`,
        [[closed.caseId, closed.actionId]],
      ),
    ).toEqual([]);

    // The next night counts nothing twice.
    t.clock.set(months(62));
    expect(await countsOf()).toEqual({});
  });

  it('leaves the indicators of a period as they were: the cases open at its end still count once anonymised', async () => {
    const cases = [];
    // Born on none of the research days, opened in November, closed in December.
    for (const [day, name] of [
      [1, 'Ada'],
      [2, 'Bea'],
      [3, 'Cai'],
      [4, 'Dan'],
      [6, 'Eli'],
    ] as const) {
      t.clock.set(T0);
      cases.push(await closedCase(`2012-04-0${day}`, name, months(1)));
    }
    const november = () => indicatorCells(t.app, { unit: 'MONTH', from: '2026-11', to: '2026-11' });
    // Measured when every window of the period has ended but before the records are due: only the run may change it.
    t.clock.set(months(59));
    expect(await countsOf()).not.toHaveProperty('COLLABORATION_CASE');
    const before = await november();
    expect(before).toContainEqual(expect.objectContaining({ indicator: 'activeCollaborationCases', districtName: 'Norr', numerator: 5 }));

    t.clock.set(LATER);
    expect(await countsOf()).toMatchObject({ COLLABORATION_CASE: 5, CONSENT: 5 });
    expect((await caseRow(cases[0].caseId)).concern).toBe('');
    expect(await november()).toEqual(before);
  });

  it('resumes a run killed halfway through the talks without counting one twice', async () => {
    const talks = [await talkOfChildBornOn(6), await talkOfChildBornOn(7), await talkOfChildBornOn(8)];
    t.clock.set(LATER);
    await expect(
      run({
        batchSize: 1,
        afterSweep: (type: string, batch: number) => {
          if (type === 'TALK' && batch === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const [stopped] = await t.app.sql(`SELECT counts, finished_at FROM retention_run WHERE district_id = $1`, [districtId]);
    expect({ talks: stopped.counts.TALK, finished: stopped.finished_at }).toEqual({ talks: 1, finished: null });

    t.clock.set(new Date(new Date(LATER).getTime() + 60_000).toISOString());
    const counts = await countsOf({ batchSize: 1 });
    expect(counts.TALK).toBe(3);
    expect((await Promise.all(talks.map((t) => talkRow(t.talkId)))).map((t) => t.child_voice)).toEqual([null, null, null]);
    expect(await t.app.sql(`SELECT count(*)::int AS n FROM retention_sweep WHERE record_type = 'TALK'`)).toEqual([{ n: 3 }]);
  });
});

describe('retention of messages, keys, sessions and the access log', () => {
  it('deletes each after its own time, e-mails only once sent or parked, and keeps the log of a child under a hold', async () => {
    const { childId } = await talkOfChildBornOn(3);
    const held = await talkOfChildBornOn(4);
    expect(
      (
        await t.app.as(CHEF, `mutation($i: PlaceLegalHoldInput!) { placeLegalHold(input: $i) { id } }`, {
          i: { childId: held.childId, reason: 'Överklagat beslut i förvaltningsrätten.' },
        })
      ).errors,
    ).toBeUndefined();
    const admin = await t.app.idOf('app_user', 'email = $1', ['admin@samverka.test']);
    await t.app.sql(
      `INSERT INTO queue_dashboard_session (id_hash, user_id, created_at, expires_at) VALUES ('a1', $1, $2, $3), ('a2', $1, $2, $4)`,
      [admin, T0, T0, months(24)],
    );
    const socsek = await t.app.idOf('app_user', 'email = $1', ['socsek.norr@samverka.test']);
    await t.app.sql(
      `INSERT INTO notification (user_id, kind, title, body, dedupe_key, created_at)
       VALUES ($1, 'REPORT_RECEIVED', 'Ny anmälan OA-1', 'Läs in den.', 'n1', $2), ($1, 'REPORT_RECEIVED', 'Ny anmälan OA-2', 'Läs in den.', 'n2', $2)`,
      [socsek, T0],
    );
    await t.app.sql(
      `INSERT INTO outbox (channel, recipient_user_id, subject, body, dedupe_key, status, created_at)
       VALUES ('EMAIL', $1, 'Ny anmälan', 'Logga in.', 'e1', 'DELIVERED', $2), ('EMAIL', $1, 'Ny anmälan', 'Logga in.', 'e2', 'PENDING', $2)`,
      [socsek, T0],
    );
    // The database stamps a key with its own time, not the fake clock's.
    await t.app.sql(`UPDATE idempotency_key SET created_at = $1`, [T0]);
    const [{ keys }] = await t.app.sql(`SELECT count(*)::int AS keys FROM idempotency_key`);
    const [{ notes }] = await t.app.sql(`SELECT count(*)::int AS notes FROM notification`);
    expect({ keys: keys > 0, notes: notes >= 2 }).toEqual({ keys: true, notes: true });
    const logOf = async (child: string) =>
      (await t.app.sql(`SELECT count(*)::int AS n FROM audit_event WHERE child_id = $1`, [child]))[0].n as number;
    const heldLog = await logOf(held.childId);
    expect(heldLog).toBeGreaterThan(0);

    // A month and a day: the keys and the ended session (the live one stays); messages wait 12 months, the log 60.
    t.clock.set(new Date(new Date(months(1)).getTime() + 86_400_000 * 2).toISOString());
    expect(await dryRunRetention(t.app.runtime, districtId)).toMatchObject({
      IDEMPOTENCY_KEY: keys,
      QUEUE_DASHBOARD_SESSION: 1,
      NOTIFICATION: 0,
    });
    expect(await countsOf()).toEqual({ IDEMPOTENCY_KEY: keys, QUEUE_DASHBOARD_SESSION: 1 });
    expect(await t.app.sql(`SELECT id_hash FROM queue_dashboard_session`)).toEqual([{ id_hash: 'a2' }]);

    t.clock.set(months(13));
    expect(await countsOf()).toEqual({ NOTIFICATION: notes, EMAIL: 1 });
    expect(await t.app.sql(`SELECT dedupe_key FROM outbox`)).toEqual([{ dedupe_key: 'e2' }]);

    t.clock.set(LATER);
    expect(await logOf(childId)).toBeGreaterThan(0);
    const counts = await countsOf();
    expect(counts.AUDIT_EVENT).toBeGreaterThan(0);
    expect(await logOf(childId)).toBe(0);
    expect(await logOf(held.childId)).toBe(heldLog);
    // Still append-only for everything but the run: the app's own connection cannot delete an event.
    await expect(t.app.dataSource.query(`DELETE FROM audit_event WHERE child_id = $1`, [held.childId])).rejects.toThrow();
    await expect(t.app.dataSource.query(`SELECT samverka_retention_delete_audit(ARRAY[1]::bigint[])`)).rejects.toThrow();
  });
});
