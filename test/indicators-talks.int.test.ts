/**
 * Issue 25: the talk indicators and the effect follow-up, each on a small timeline on the fake clock with its exact
 * numerator and denominator. Norr, November 2026; the district's deadline is 48 hours, then 24 from 01:00 on 2 November.
 */
import { DAY_MS, FakeClock, HOUR_MS } from '../domain/time/clock';
import { luhnCheckDigit } from '../domain/children/personal-identity-number';
import { indicatorCells } from './helpers/indicators';
import { suspectedCrimeInput } from './helpers/reports';
import { createTestApp, GraphQLResult, TestApp } from './helpers/test-app';

const T0 = new Date('2026-11-02T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const SOCSEK = 'socsek.norr@samverka.test';
const POLICE = 'polis.norr@samverka.test';

let app: TestApp;
let clock: FakeClock;
let serial = 300;
let keys = 0;

function ok<T = any>(result: GraphQLResult<T>): T {
  expect(result.errors ?? []).toEqual([]);
  return result.data as T;
}

function personalNumberAged(years: number): string {
  const birth = new Date(Date.UTC(2026 - years, 3, 15));
  const yymmdd = `${String(birth.getUTCFullYear()).slice(2)}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  const nnn = String(++serial).padStart(3, '0');
  return `${birth.getUTCFullYear()}${yymmdd.slice(2)}${nnn}${luhnCheckDigit(`${yymmdd}${nnn}`)}`;
}

const mutate = (email: string, name: string, inputType: string, input: Record<string, unknown>, fields = 'id') =>
  app.as(email, `mutation($i: ${inputType}!) { ${name}(input: $i) { ${fields} } }`, { i: input });

/** A police report at `ms`: a first suspicion opens a talk; a later one (`first: false`) is a re-report. */
async function report(ms: number, pnr: string, first = true, district: 'norr' | 'syd' = 'norr') {
  clock.set(at(ms));
  const created = ok(
    await mutate(
      `polis.${district}@samverka.test`,
      'reportConcern',
      'ReportConcernInput',
      suspectedCrimeInput({
        policeReference: `K-${++serial}/26`,
        child: { personalIdentityNumber: pnr },
        description: 'Misstänkt för snatteri.',
        firstKnownSuspicion: first,
        feedbackRequested: false,
        idempotencyKey: `indicators-talks-${++keys}`,
      }),
    ),
  ).reportConcern;
  const [talk] = await app.sql(`SELECT t.id, t.child_id FROM talk t WHERE t.report_id = $1`, [created.id]);
  return talk as { id: string; child_id: string } | undefined;
}

async function child(ms: number) {
  const talk = (await report(ms, personalNumberAged(13)))!;
  ok(await mutate(SOCSEK, 'addGuardian', 'AddGuardianInput', { childId: talk.child_id, name: 'Vårdnadshavare', relation: 'mamma' }));
  return talk;
}

const userId = (email: string) => app.idOf('app_user', 'email = $1', [email]);
const agencyOf = async (email: string) =>
  (await app.sql(`SELECT agency_id FROM app_user WHERE email = $1`, [email]))[0].agency_id as string;

/** Summoned, scheduled and held at `ms`, with the police attending if asked; written up then, with `heldAtMs` as the time it was held if given. */
async function hold(talkId: string, ms: number, options: { police?: boolean; late?: boolean; heldAtMs?: number } = {}) {
  clock.set(at(ms - HOUR_MS));
  if (options.police) {
    const added = ok(
      await mutate(
        SOCSEK,
        'addTalkParticipant',
        'AddTalkParticipantInput',
        { talkId, role: 'POLICE_OFFICER', userId: await userId(POLICE), uniformed: false },
        'participants { id role }',
      ),
    );
    const officer = added.addTalkParticipant.participants.find((p: any) => p.role === 'POLICE_OFFICER');
    ok(
      await mutate(POLICE, 'recordDisclosure', 'RecordDisclosureInput', {
        talkId,
        agencyId: await agencyOf(POLICE),
        explainedByUserId: await userId(POLICE),
      }),
    );
    ok(
      await mutate(SOCSEK, 'recordTalkAttendance', 'RecordTalkAttendanceInput', {
        participantId: officer.id,
        attended: true,
        uniformed: false,
      }),
    );
  }
  ok(await mutate(SOCSEK, 'summonTalk', 'SummonTalkInput', { talkId }));
  ok(await mutate(SOCSEK, 'scheduleTalk', 'ScheduleTalkInput', { talkId, scheduledAt: at(ms).toISOString(), location: 'Rum 4' }));
  ok(
    await mutate(SOCSEK, 'recordDisclosure', 'RecordDisclosureInput', {
      talkId,
      agencyId: await agencyOf(SOCSEK),
      explainedByUserId: await userId(SOCSEK),
    }),
  );
  clock.set(at(ms));
  ok(
    await mutate(SOCSEK, 'holdTalk', 'HoldTalkInput', {
      talkId,
      ...(options.heldAtMs === undefined ? {} : { heldAt: at(options.heldAtMs).toISOString() }),
      ...(options.late ? { delayReason: 'GUARDIAN_UNAVAILABLE' } : {}),
    }),
  );
}

async function decline(talkId: string, ms: number, action: 'declineTalk' | 'cancelTalk' = 'declineTalk') {
  clock.set(at(ms));
  ok(await mutate(SOCSEK, action, 'CloseTalkInput', { talkId, reason: 'Familjen tackade nej.' }));
}

async function cells(unit = 'MONTH', from = '2026-11', to = from, email = 'analytiker@samverka.test') {
  const found = await indicatorCells(
    app,
    { unit, from, to },
    'indicator districtName period value numerator denominator pending suppressed windowOpen definitionSv definitionEn',
    email,
  );
  return (district: string, indicator: string, period = from) =>
    found.find((c: any) => c.districtName === district && c.indicator === indicator && c.period === period);
}

const pnrs: Record<string, string> = {};

beforeAll(async () => {
  clock = new FakeClock(T0.toISOString());
  app = await createTestApp({ clock });
  const norr = await app.idOf('district', `code = 'norr'`, []);
  // Reports before the change keep the 48 hours in force when they came in.
  const c1 = await child(0);
  const c2 = await child(0);
  const c3 = await child(0);
  const c5 = await child(0);
  clock.set(at(HOUR_MS));
  ok(
    await app.as('admin@samverka.test', `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { id } }`, {
      i: { districtId: norr, talkDeadlineMode: 'HELD_WITHIN_HOURS', talkDeadlineHours: 24 },
    }),
  );
  const c4 = await child(2 * HOUR_MS);
  const c6 = await child(3 * HOUR_MS);
  const c7 = await child(3 * HOUR_MS);
  const c9 = await child(4 * HOUR_MS);
  const c10 = await child(4 * HOUR_MS);
  const c11 = await child(4 * HOUR_MS);
  for (const [name, talk] of Object.entries({ c1, c2, c3, c4, c5, c6, c7, c9, c10, c11 })) {
    pnrs[name] = (await app.sql(`SELECT personal_identity_number AS pnr FROM child WHERE id = $1`, [talk.child_id]))[0].pnr;
  }
  await hold(c2.id, 10 * HOUR_MS);
  await hold(c7.id, 23 * HOUR_MS);
  // Written up the next morning (32 h) with the time it was held (20 h): on time against its 24 hours.
  await hold(c6.id, 32 * HOUR_MS, { heldAtMs: 20 * HOUR_MS });
  await hold(c4.id, 33 * HOUR_MS, { late: true });
  // Held exactly at the 48-hour deadline: on time.
  await hold(c1.id, 48 * HOUR_MS, { police: true });
  await decline(c5.id, 50 * HOUR_MS);
  await decline(c9.id, 50 * HOUR_MS);
  await decline(c10.id, 50 * HOUR_MS, 'cancelTalk');
  await decline(c11.id, 50 * HOUR_MS);
  await hold(c3.id, 60 * HOUR_MS, { late: true });
  // A child not reached: the deadline is still ahead when the cells are read.
  const c8 = await child(5 * DAY_MS);
  pnrs.c8 = (await app.sql(`SELECT personal_identity_number AS pnr FROM child WHERE id = $1`, [c8.child_id]))[0].pnr;
  clock.set(at(5 * DAY_MS + HOUR_MS));
});

afterAll(() => app.close());

describe('talk indicators', () => {
  it('talkWithinDeadlineRate: the held time against the deadline in force at receipt; exactly at the deadline is on time; declined counts, open is pending', async () => {
    const cell = await cells();
    // On time: c1 (48 h exactly), c2, c6 (held at 20 h, written up at 32 h), c7. Late: c3, c4 (31 h > the 24 in force at its receipt).
    // Declined or cancelled: c5, c9, c10, c11. Pending: c8.
    expect(cell('Norr', 'talkWithinDeadlineRate')).toMatchObject({
      numerator: 4,
      denominator: 10,
      pending: 1,
      value: 0.4,
      suppressed: false,
    });
    expect(cell('Norr', 'talkWithinDeadlineRate').definitionEn).toContain('deadline in force when the report came in');
    expect(cell('Norr', 'talkWithinDeadlineRate').definitionSv).toContain('den frist som gällde när anmälan kom in');
  });

  it('reportToTalkHours: p50 and p90 of the hours from receipt to the held time', async () => {
    const cell = await cells();
    // 10, 17 (c6: 3 h → 20 h), 20, 31, 48, 60.
    expect(cell('Norr', 'reportToTalkHoursP50')).toMatchObject({ value: 25.5, denominator: 6, suppressed: false });
    expect(cell('Norr', 'reportToTalkHoursP90')).toMatchObject({ value: 54, denominator: 6, suppressed: false });
  });

  it('talkDeclinedRate and policeAttendanceRate', async () => {
    const cell = await cells();
    expect(cell('Norr', 'talkDeclinedRate')).toMatchObject({ numerator: 4, denominator: 10, pending: 1, value: 0.4 });
    expect(cell('Norr', 'policeAttendanceRate')).toMatchObject({ numerator: 1, denominator: 6 });
  });

  it('the effect follow-up: hidden until its window has passed, each child once, in the district that held the talk, beside its comparison group', async () => {
    // c7 moves to Syd and is reported there in December; c2 is reported again after seven months; c9 (declined) in January.
    await app.sql(`UPDATE child SET district_id = (SELECT id FROM district WHERE code = 'syd') WHERE personal_identity_number = $1`, [
      pnrs.c7,
    ]);
    await report(43 * DAY_MS, pnrs.c7, false, 'syd');
    await report(70 * DAY_MS, pnrs.c9, false);
    await report(215 * DAY_MS, pnrs.c2, false);
    clock.set(new Date('2027-05-31T12:00:00Z'));
    expect((await cells())('Norr', 'reReportRate6m')).toMatchObject({ windowOpen: true, value: null, numerator: null, denominator: null });
    clock.set(new Date('2027-06-01T12:00:00Z'));
    let cell = await cells();
    // Talk group: c1, c2, c3, c4, c6, c7; within six months only c7 (in Syd, counted in Norr where the talk was).
    expect(cell('Norr', 'reReportRate6m')).toMatchObject({ windowOpen: false, numerator: 1, denominator: 6 });
    // Comparison: c5, c9, c10, c11 declined or cancelled, c8 not reached; c9 reported again.
    expect(cell('Norr', 'reReportRate6mComparison')).toMatchObject({ windowOpen: false, numerator: 1, denominator: 5 });
    expect(cell('Syd', 'reReportRate6m')).toMatchObject({ numerator: 0, denominator: 0 });
    expect(cell('Norr', 'reReportRate12m')).toMatchObject({ windowOpen: true, value: null });
    // Norr's supervisor gets the same numbers, though c7's new report is in Syd, outside their districts: one definition
    // for every role, and no difference between roles' answers to subtract.
    const supervisor = await cells('MONTH', '2026-11', '2026-11', 'chef.norr@samverka.test');
    expect(supervisor('Norr', 'reReportRate6m')).toMatchObject({ numerator: 1, denominator: 6 });
    expect(supervisor('Norr', 'reReportRate6mComparison')).toMatchObject({ numerator: 1, denominator: 5 });
    expect(cell('Norr', 'reReportRate6m').definitionEn).toContain('comparison, not proof of cause');
    expect(cell('Norr', 'reReportRate6mComparison').definitionSv).toContain('jämförelse, inte ett bevis för orsak');
    clock.set(new Date('2027-12-01T12:00:00Z'));
    cell = await cells();
    expect(cell('Norr', 'reReportRate12m')).toMatchObject({ windowOpen: false, numerator: 2, denominator: 6 });
  });
});
