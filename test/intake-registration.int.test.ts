import { DAY_MS, FakeClock, HOUR_MS } from '../domain/time/clock';
import { luhnCheckDigit } from '../domain/children/personal-identity-number';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 23, item 2: a report that came by phone, letter, e-mail or in person, registered on the reporter's behalf. */
const T0 = '2026-11-23T08:00:00.000Z';
const SOCSEK = 'socsek.norr@samverka.test';
const POLICE = 'polis.norr@samverka.test';

const REGISTER = `mutation($input: RegisterConcernInput!) { registerConcern(input: $input) {
  id reference channel receivedAt observedAt reporterName reporterContact reporterKind deadlines { kind startsAt dueAt } } }`;
const READ = `query($id: ID!) { report(id: $id) { channel reporterName reporterContact } }`;

let app: TestApp;
let clock: FakeClock;
let keyCounter = 0;
const at = (ms: number) => new Date(new Date(T0).getTime() + ms).toISOString();
const pnr = (yyyymmdd: string, serial: string) => `${yyyymmdd}${serial}${luhnCheckDigit(`${yyyymmdd.slice(2)}${serial}`)}`;

function registerInput(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'PHONE',
    reporterKind: 'PRIVATE_PERSON',
    reporterName: 'Greta Granne',
    reporterContact: '070-000 00 00',
    child: { givenName: 'Vilgot', familyName: 'Telefonsson' },
    category: 'UNSUITABLE_ENVIRONMENT',
    description: 'Grannen ringde om oro.',
    feedbackRequested: false,
    idempotencyKey: `registration-${++keyCounter}-${Date.now()}`,
    ...overrides,
  };
}

const reportCount = async () => (await app.sql(`SELECT count(*)::int AS n FROM report`))[0].n as number;

beforeAll(async () => {
  clock = new FakeClock(T0);
  app = await createTestApp({ clock });
});

afterAll(() => app.close());

describe('registering a report that came another way', () => {
  it('records the channel, the actual arrival, the reporter; the clocks run from the arrival', async () => {
    const result = await app.as(SOCSEK, REGISTER, {
      input: registerInput({ receivedAt: at(-5 * HOUR_MS), observedAt: at(-2 * DAY_MS) }),
    });
    expect(result.errors).toBeUndefined();
    const report = result.data.registerConcern;
    expect(report).toMatchObject({
      channel: 'PHONE',
      receivedAt: at(-5 * HOUR_MS),
      reporterName: 'Greta Granne',
      reporterContact: '070-000 00 00',
      reporterKind: 'PRIVATE_PERSON',
    });
    expect(report.deadlines.map((d: any) => [d.kind, d.startsAt, d.dueAt])).toEqual([
      ['PROTECTION_ASSESSMENT', at(-5 * HOUR_MS), at(19 * HOUR_MS)],
      ['PRELIMINARY_ASSESSMENT', at(-5 * HOUR_MS), at(14 * DAY_MS - 5 * HOUR_MS)],
    ]);
    const audit = await app.sql(
      `SELECT action, fields FROM audit_event WHERE entity_type = 'Report' AND entity_id = $1 AND action <> 'READ' ORDER BY action`,
      [report.id],
    );
    expect(audit).toEqual([
      {
        action: 'CREATE',
        fields: ['child', 'category', 'description', 'feedbackRequested', 'receivedAt', 'channel', 'reporterName', 'reporterContact'],
      },
      { action: 'UPDATE', fields: ['receivedAt'] },
    ]);
  });

  it.each(['LETTER', 'EMAIL', 'IN_PERSON'])('takes a report that came by %s; a reporter without a name is allowed', async (channel) => {
    const result = await app.as(SOCSEK, REGISTER, { input: registerInput({ channel, reporterName: null }) });
    expect(result.errors).toBeUndefined();
    expect(result.data.registerConcern).toMatchObject({ channel, reporterName: null, receivedAt: at(0) });
  });

  it('shows the reporter to social services and to no one else', async () => {
    const { id } = (await app.as(SOCSEK, REGISTER, { input: registerInput() })).data.registerConcern;
    expect((await app.as(SOCSEK, READ, { id })).data.report).toEqual({
      channel: 'PHONE',
      reporterName: 'Greta Granne',
      reporterContact: '070-000 00 00',
    });
    const police = await app.as(POLICE, READ, { id });
    expect(police.data?.report ?? null).toBeNull();
    expect(police.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('applies the same identity checks as any report: a number checked, an age limit, the own districts only', async () => {
    const before = await reportCount();
    const broken = await app.as(SOCSEK, REGISTER, { input: registerInput({ child: { personalIdentityNumber: '201403128710' } }) });
    expect(broken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.child.personalIdentityNumber' });
    const adult = await app.as(SOCSEK, REGISTER, { input: registerInput({ child: { personalIdentityNumber: pnr('20000101', '123') } }) });
    expect(adult.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.child.personalIdentityNumber' });
    const sydId = await app.idOf('district', `code = 'syd'`, []);
    const elsewhere = await app.as(SOCSEK, REGISTER, { input: registerInput({ districtId: sydId }) });
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.districtId' });
    expect(await reportCount()).toBe(before);
  });

  it('is for social services: a reporter cannot register on behalf of someone else', async () => {
    const result = await app.as(POLICE, REGISTER, { input: registerInput() });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('bad input: a clear error in Swedish and English, nothing written', () => {
  it.each([
    ['a receipt time in the future', { receivedAt: at(HOUR_MS) }, 'input.receivedAt', /future/, /framtiden/],
    [
      "a receipt time before the report's own date",
      { receivedAt: at(-2 * DAY_MS), observedAt: at(-DAY_MS) },
      'input.receivedAt',
      /before the time it tells of/,
      /före tidpunkten/,
    ],
    ['a receipt time before the district allows', { receivedAt: at(-15 * DAY_MS) }, 'input.receivedAt', /14 days/, /14 dagar/],
    ['an unknown channel', { channel: 'FAX' }, 'input.channel', /ReportChannel/, /ReportChannel/],
    ['the digital channel', { channel: 'DIGITAL' }, 'input.channel', /come in by themselves/, /kommer in av sig själva/],
    ['an empty contact', { reporterContact: '   ' }, 'input.reporterContact', /./, /./],
  ])('%s', async (_case, overrides, field, en, sv) => {
    const before = await reportCount();
    const result = await app.as(SOCSEK, REGISTER, { input: registerInput(overrides) });
    expect(result.data?.registerConcern ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0].extensions?.messages.en).toMatch(en);
    expect(result.errors?.[0].extensions?.messages.sv).toMatch(sv);
    expect(await reportCount()).toBe(before);
  });
});
