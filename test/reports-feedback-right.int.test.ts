import { FakeClock } from '../domain/time/clock';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 10, "Who is owed feedback": the duty to report, and need to know inside the reporting agency. */
const T0 = '2026-11-23T08:00:00.000Z';
const ADMIN = 'admin@samverka.test';
const TEACHER = 'larare.norr@samverka.test';
const COLLEAGUE = 'larare2.norr@samverka.test';
const SCHOOL_HEAD = 'rektor.norr@samverka.test';
const ASSOCIATION = 'forening.norr@samverka.test';
const POLICE = 'polis.norr@samverka.test';
const INVESTIGATOR = 'utredare.norr@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';

const FLAG = `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id } }`;
const REPORT_CONCERN = `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`;
const READ = `query($id: ID!) { report(id: $id) { id description feedbackStatus feedback { value } } }`;
const MINE = `query { myReports(first: 50) { edges { node { id } } } }`;
const PROTECT = `mutation($i: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $i) { id } }`;
const DECIDE = `mutation($i: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $i) { id } }`;

let app: TestApp;
let keyCounter = 0;
const key = () => `feedback-right-${++keyCounter}`;
const flagInput = (feedbackRequested: boolean) => ({
  child: { givenName: 'Nora', familyName: 'Behovsson' },
  category: 'SCHOOL_ABSENCE',
  description: 'Borta varje måndag.',
  feedbackRequested,
  idempotencyKey: key(),
});

async function agencyId(name: string): Promise<string> {
  return app.idOf('agency', 'name = $1', [name]);
}

async function createUser(email: string, agencyName: string, role: string) {
  const result = await app.as(ADMIN, `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
    i: { agencyId: await agencyId(agencyName), email, displayName: email.split('@')[0], roles: [role] },
  });
  expect(result.errors).toBeUndefined();
}

const setDuty = (agency: string, dutyToReport: boolean) =>
  agencyId(agency).then((id) =>
    app.as(ADMIN, `mutation($i: SetAgencyDutyToReportInput!) { setAgencyDutyToReport(input: $i) { name dutyToReport } }`, {
      i: { agencyId: id, dutyToReport },
    }),
  );

beforeEach(async () => {
  app = await createTestApp({ clock: new FakeClock(T0) });
});

afterEach(() => app.close());

describe('the right to feedback follows the duty to report', () => {
  it('records the duty per agency: public authorities have it, the private association does not', async () => {
    const agencies = await app.as(ADMIN, `query { agencies { name dutyToReport } }`);
    const duty = Object.fromEntries(agencies.data.agencies.map((a: any) => [a.name, a.dutyToReport]));
    expect(duty).toMatchObject({
      Norrskolan: true,
      'Socialtjänsten Norr': true,
      'Lokalpolisområde Norr': true,
      'Fritidsgården Norr': true,
      'Idrottsföreningen Norr': false,
    });

    const districtId = await app.idOf('district', `code = 'norr'`, []);
    const club = await app.as(ADMIN, `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { dutyToReport } }`, {
      i: { name: 'Schackklubben', kind: 'LEISURE', isPublicAuthority: false, districtIds: [districtId] },
    });
    expect(club.data.createAgency.dutyToReport).toBe(false);
  });

  it('refuses a feedback request from staff of an agency without the duty, saying why; without the request the report goes in', async () => {
    const refused = await app.as(ASSOCIATION, FLAG, { i: flagInput(true) });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.feedbackRequested',
      messages: { sv: expect.stringContaining('ingen anmälningsplikt') },
    });
    expect(await app.sql(`SELECT id FROM report`)).toEqual([]);

    const accepted = await app.as(ASSOCIATION, FLAG, { i: flagInput(false) });
    expect(accepted.errors).toBeUndefined();
  });

  it("follows the administrator's setting: granted, the association may ask; taken away, the school may not", async () => {
    expect((await setDuty('Idrottsföreningen Norr', true)).data.setAgencyDutyToReport).toEqual({
      name: 'Idrottsföreningen Norr',
      dutyToReport: true,
    });
    expect((await app.as(ASSOCIATION, FLAG, { i: flagInput(true) })).errors).toBeUndefined();

    await setDuty('Norrskolan', false);
    expect((await app.as(TEACHER, FLAG, { i: flagInput(true) })).errors?.[0].extensions?.field).toBe('input.feedbackRequested');
    const audit = await app.sql(`SELECT fields FROM audit_event WHERE entity_type = 'Agency' AND action = 'UPDATE'`);
    expect(audit).toEqual([{ fields: ['dutyToReport'] }, { fields: ['dutyToReport'] }]);
  });

  it('lets only an administrator change the duty', async () => {
    expect(
      (
        await app.as(TEACHER, `mutation($i: SetAgencyDutyToReportInput!) { setAgencyDutyToReport(input: $i) { id } }`, {
          i: { agencyId: await agencyId('Norrskolan'), dutyToReport: false },
        })
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('need to know inside the reporting agency', () => {
  it("keeps a teacher's report and its feedback from a colleague, and shows them to the one who filed it and the school head", async () => {
    await createUser(COLLEAGUE, 'Norrskolan', 'SCHOOL_STAFF');
    const filed = await app.as(TEACHER, FLAG, { i: flagInput(true) });
    const reportId = filed.data.flagConcern.id;
    await app.as(SOCSEK, PROTECT, { i: { reportId, acuteDanger: false, note: 'Ingen akut fara.' } });
    expect((await app.as(SOCSEK, DECIDE, { i: { reportId, decision: 'OPEN_INVESTIGATION' } })).errors).toBeUndefined();

    for (const reader of [TEACHER, SCHOOL_HEAD]) {
      const read = await app.as(reader, READ, { id: reportId });
      expect({ reader, errors: read.errors, report: read.data?.report }).toEqual({
        reader,
        errors: undefined,
        report: { id: reportId, description: 'Borta varje måndag.', feedbackStatus: 'GIVEN', feedback: { value: 'INVESTIGATION_OPENED' } },
      });
      expect((await app.as(reader, MINE)).data.myReports.edges.map((e: any) => e.node.id)).toEqual([reportId]);
    }

    const colleague = await app.as(COLLEAGUE, READ, { id: reportId });
    expect(colleague.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.as(COLLEAGUE, MINE)).data.myReports.edges).toEqual([]);
  });

  it('lets every officer of the filing police area read its reports and their feedback', async () => {
    await createUser(INVESTIGATOR, 'Lokalpolisområde Norr', 'POLICE_OFFICER');
    const [{ personal_identity_number: pnr }] = await app.sql(
      `SELECT c.personal_identity_number FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
    );
    const filed = await app.as(POLICE, REPORT_CONCERN, {
      i: {
        policeReference: 'K-77/26',
        child: { personalIdentityNumber: pnr },
        category: 'SUSPECTED_CRIME',
        description: 'Snatteri.',
        suspectedOffence: 'Snatteri',
        firstKnownSuspicion: true,
        preInvestigationRunning: false,
        guardianContactOnHold: false,
        feedbackRequested: true,
        idempotencyKey: key(),
      },
    });
    expect(filed.errors).toBeUndefined();

    const read = await app.as(INVESTIGATOR, `query { reportFeedback(policeReference: "K-77/26") { id feedbackStatus } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data.reportFeedback).toEqual([{ id: filed.data.reportConcern.id, feedbackStatus: 'PENDING' }]);
  });
});
