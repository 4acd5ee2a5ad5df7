/**
 * The week view files a talk under the day it is booked for, with its time (issue 22, item 8): `talksDue` lists the
 * talks booked in the week even when their clock falls due later, and the filing rule the web app uses
 * (domain/talks/talk-week.rules.ts) puts each under its booked day. Through the GraphQL API on a fake clock.
 */
import { HOUR_MS } from '../domain/time/clock';
import { formatCalendarDate, STOCKHOLM_TIME_ZONE } from '../domain/time/calendar-date';
import { talkWeekDay } from '../domain/talks/talk-week.rules';
import { insertChild, key } from './helpers/collaboration';
import { at, ok, personalNumberAged, T0, talkSteps, who } from './helpers/talk-steps';
import { freshAppPerTest } from './helpers/test-app';

const t = freshAppPerTest(T0);
const s = talkSteps(t);

const SOCSEK = who('socsek', 'norr');
// T0 is Monday 23 November 2026, 09:00 in Stockholm: the week runs to Monday 30 November.
const WEEK = { from: '2026-11-22T23:00:00Z', to: '2026-11-29T23:00:00Z' };
const DUE = `query($d: ID!, $from: DateTime!, $to: DateTime!) { talksDue(districtId: $d, from: $from, to: $to) {
  talks { id reference dueAt scheduledAt } } }`;

const dayOf = (t: { scheduledAt: string | null; dueAt: string | null }) =>
  formatCalendarDate(
    talkWeekDay(
      { scheduledAt: t.scheduledAt ? new Date(t.scheduledAt) : null, dueAt: t.dueAt ? new Date(t.dueAt) : null },
      STOCKHOLM_TIME_ZONE,
    )!,
  );

const book = (talkId: string, when: Date) => s.summonAndSchedule('norr', talkId, when, 'Socialkontoret');

describe('the week view', () => {
  it('a talk booked for Tuesday and due Wednesday is filed on Tuesday with its time; one booked this week but due next week is listed too', async () => {
    const districtId = await t.app.idOf('district', 'code = $1', ['norr']);
    const { childId } = await s.policeReport('norr', { personalIdentityNumber: personalNumberAged(13) });
    const [police] = await s.talksOfChild('norr', childId, 'id reference');
    await book(police.id, at(29 * HOUR_MS)); // Tuesday 24 November, 14:00

    // A talk opened by hand to be held by Friday next week, booked for this Thursday.
    const { childId: other } = await insertChild(t.app, '2013-03-15', 'Vera');
    const manual = ok(
      await s.mutate(
        SOCSEK,
        'openTalk',
        'OpenTalkInput',
        { childId: other, kind: 'SERIOUS_TALK', targetDate: '2026-12-04', idempotencyKey: key() },
        'id reference',
      ),
    ).openTalk;
    await book(manual.id, at(3 * 24 * HOUR_MS + 2 * HOUR_MS)); // Thursday 26 November, 11:00

    const talks = ok(await t.app.as(SOCSEK, DUE, { d: districtId, ...WEEK })).talksDue.talks;
    const filed = Object.fromEntries(talks.map((t: any) => [t.reference, [dayOf(t), t.scheduledAt]]));
    expect(filed).toEqual({
      [police.reference]: ['2026-11-24', at(29 * HOUR_MS).toISOString()],
      [manual.reference]: ['2026-11-26', at(74 * HOUR_MS).toISOString()],
    });
    // The police report's talk is due Wednesday: booked, it is no longer filed there.
    const due = talks.find((t: any) => t.id === police.id).dueAt;
    expect(formatCalendarDate(talkWeekDay({ scheduledAt: null, dueAt: new Date(due) }, STOCKHOLM_TIME_ZONE)!)).toBe('2026-11-25');
  });
});
