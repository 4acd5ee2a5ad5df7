/**
 * Moving or cancelling a booked talk tells everyone invited (issue 22, item 5): in the app, by e-mail with the calendar
 * entry, and in the calendar feed, always the same event (UID) at a higher SEQUENCE, STATUS:CANCELLED when it is off.
 * The messages carry the talk's reference, time and place only. Through the GraphQL API on a fake clock.
 */
import { signDevToken } from '../api/auth/dev-token';
import { DAY_MS } from '../domain/time/clock';
import { at, ok, personalNumberAged, T0, talkSteps, who } from './helpers/talk-steps';
import { freshAppPerTest, TEST_SECRET } from './helpers/test-app';

const t = freshAppPerTest(T0);
const s = talkSteps(t);

const SOCSEK = who('socsek', 'norr');
const POLICE = who('polis', 'norr');
const COORDINATOR = who('sspf', 'norr');

/** The e-mails waiting for a user, oldest first, with the calendar entry each carries. */
const emailsOf = (email: string) =>
  t.app.sql(
    `SELECT o.subject, o.body, o.calendar FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id WHERE u.email = $1
      ORDER BY o.created_at, o.subject`,
    [email],
  );

const lines = (ics: string) => ics.split('\r\n');

async function feedOf(email: string): Promise<string> {
  const base = `http://127.0.0.1:${await t.app.api.listen(0)}`;
  const response = await fetch(`${base}/calendar/talks.ics`, {
    headers: { authorization: `Bearer ${await signDevToken(email, TEST_SECRET)}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

async function bookedTalk() {
  const { childId } = await s.policeReport('norr', { personalIdentityNumber: personalNumberAged(13) });
  const [talk] = await s.talksOfChild('norr', childId, 'id reference childName');
  await s.addParticipants('norr', talk.id, [
    ['POLICE_OFFICER', POLICE],
    ['COORDINATOR', COORDINATOR],
  ]);
  ok(await s.mutate(SOCSEK, 'summonTalk', 'SummonTalkInput', { talkId: talk.id }, 'id'));
  const schedule = (when: Date, location = 'Socialkontoret, rum 2') =>
    s.mutate(SOCSEK, 'scheduleTalk', 'ScheduleTalkInput', { talkId: talk.id, scheduledAt: when.toISOString(), location }, 'id');
  ok(await schedule(at(DAY_MS + 2 * 3600_000)));
  return { talk, schedule };
}

describe('a booked talk that moves or is cancelled', () => {
  it('the booking e-mail carries the entry; a move updates it (same UID, SEQUENCE 1) for everyone invited; the feed follows', async () => {
    const { talk, schedule } = await bookedTalk();
    const uid = `UID:talk-${talk.id}@samverka`;
    const [booking] = await emailsOf(POLICE).then((rows) => rows.filter((r: any) => r.subject.startsWith('Tid och plats')));
    expect(lines(booking.calendar)).toEqual(expect.arrayContaining(['METHOD:REQUEST', uid, 'SEQUENCE:0', 'STATUS:CONFIRMED']));

    // The same time again is no change: nobody is told twice.
    ok(await schedule(at(DAY_MS + 2 * 3600_000)));
    t.clock.set(at(3600_000));
    ok(await schedule(at(2 * DAY_MS + 5 * 3600_000)));

    for (const email of [POLICE, COORDINATOR]) {
      const moved = (await s.notificationsOf(email)).filter((n: any) => n.kind === 'TALK_MOVED');
      expect(moved).toEqual([
        {
          kind: 'TALK_MOVED',
          title: `Ny tid: samtal ${talk.reference}`,
          body: `Samtal ${talk.reference} är flyttat från 24 nov. 2026 11:00 till 25 nov. 2026 14:00, Socialkontoret, rum 2. Kalenderposten är uppdaterad.`,
        },
      ]);
      const mails = await emailsOf(email);
      const update = mails.find((m: any) => m.subject.startsWith('Ny tid'));
      expect(lines(update.calendar)).toEqual(
        expect.arrayContaining(['METHOD:REQUEST', uid, 'SEQUENCE:1', 'STATUS:CONFIRMED', 'DTSTART:20261125T130000Z']),
      );
      // References, time and place only: no child, no offence.
      for (const m of mails) {
        expect(`${m.subject} ${m.body} ${m.calendar ?? ''}`).not.toMatch(/snatteri|misstänkt/i);
        expect(`${m.subject} ${m.body} ${m.calendar ?? ''}`).not.toContain(talk.childName.split(' ')[0]);
      }
    }
    // The social worker who moved it is not told of their own change.
    expect((await s.notificationsOf(SOCSEK)).filter((n: any) => n.kind === 'TALK_MOVED')).toEqual([]);
    expect(lines(await feedOf(POLICE))).toEqual(expect.arrayContaining([uid, 'SEQUENCE:1', 'DTSTART:20261125T130000Z']));
  });

  it('a cancellation tells everyone invited and cancels the entry (STATUS:CANCELLED, a higher SEQUENCE), in the e-mail and the feed', async () => {
    const { talk } = await bookedTalk();
    const uid = `UID:talk-${talk.id}@samverka`;
    ok(
      await s.mutate(
        SOCSEK,
        'cancelTalk',
        'CloseTalkInput',
        { talkId: talk.id, reason: 'Pojken har flyttat till sin pappa i Malmö.' },
        'id',
      ),
    );

    for (const email of [POLICE, COORDINATOR]) {
      expect((await s.notificationsOf(email)).filter((n: any) => n.kind === 'TALK_CANCELLED')).toEqual([
        {
          kind: 'TALK_CANCELLED',
          title: `Inställt: samtal ${talk.reference}`,
          body: `Samtal ${talk.reference} den 24 nov. 2026 11:00 blir inte av. Kalenderposten är borttagen.`,
        },
      ]);
      const cancel = (await emailsOf(email)).find((m: any) => m.subject.startsWith('Inställt'));
      expect(cancel.body).not.toContain('Malmö');
      expect(lines(cancel.calendar)).toEqual(expect.arrayContaining(['METHOD:CANCEL', uid, 'SEQUENCE:1', 'STATUS:CANCELLED']));
    }
    const feed = lines(await feedOf(COORDINATOR));
    expect(feed).toEqual(expect.arrayContaining([uid, 'SEQUENCE:1', 'STATUS:CANCELLED']));
  });

  it('an unbooked talk cancelled tells nobody: there is no entry to take back', async () => {
    const { childId } = await s.policeReport('norr', { personalIdentityNumber: personalNumberAged(13) });
    const [talk] = await s.talksOfChild('norr', childId, 'id');
    ok(
      await s.mutate(
        SOCSEK,
        'addTalkParticipant',
        'AddTalkParticipantInput',
        { talkId: talk.id, role: 'POLICE_OFFICER', userId: await s.userId(POLICE) },
        'id',
      ),
    );
    ok(await s.mutate(SOCSEK, 'cancelTalk', 'CloseTalkInput', { talkId: talk.id, reason: 'Fel barn.' }, 'id'));
    expect((await s.notificationsOf(POLICE)).map((n: any) => n.kind)).not.toContain('TALK_CANCELLED');
    expect(await feedOf(POLICE)).not.toContain('VEVENT');
  });
});
