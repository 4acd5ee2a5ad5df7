import { DAY_MS, FakeClock } from '../domain/time/clock';
import { luhnCheckDigit } from '../domain/children/personal-identity-number';
import { COORDINATOR, ok, openCase, userIdOf } from './helpers/collaboration';
import { createTestApp, TestApp } from './helpers/test-app';
import { capturingLogger } from '../scripts/fuzz/harness';

/** Issue 10, "One child, one record": age limits, matches at intake, linking, merging, mismatches, reports into open cases. */
const T0 = '2026-11-23T08:00:00.000Z';
const TEACHER = 'larare.norr@samverka.test';
const POLICE = 'polis.norr@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';
const CHEF = 'chef.norr@samverka.test';
const ADMIN = 'admin@samverka.test';

const FLAG = `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id } }`;
const REPORT_CONCERN = `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`;
const REGISTER = `mutation($i: RegisterConcernInput!) { registerConcern(input: $i) { id } }`;
const CREATE_CHILD = `mutation($i: CreateChildInput!) { createChild(input: $i) { id } }`;
const IDENTITY = `query($id: ID!) { report(id: $id) {
  id identityStatus arrivedIntoOpenCase child { id } possibleMatches { id givenName familyName }
  identityMismatch { sent recordName } earlierReports { id } reporterName reporterWorkContact reporterContact } }`;
const LINK = `mutation($i: LinkReportToChildInput!) { linkReportToChild(input: $i) { id identityStatus child { id } } }`;
const CONFIRM = `mutation($id: ID!) { confirmNewChild(reportId: $id) { id identityStatus } }`;
const MERGE = `mutation($i: MergeChildrenInput!) { mergeChildren(input: $i) { id personalIdentityNumber givenName } }`;

let app: TestApp;
let clock: FakeClock;
const { logger, entries } = capturingLogger('debug');
let keyCounter = 0;
const key = () => `identity-${++keyCounter}-${Date.now()}`;
const pnr = (yyyymmdd: string, serial = '238') => `${yyyymmdd}${serial}${luhnCheckDigit(`${yyyymmdd.slice(2)}${serial}`)}`;
const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
const forbiddenFields = (result: { errors?: { extensions?: Record<string, any> }[] }) =>
  (result.errors ?? [])
    .filter((e) => e.extensions?.code === 'FORBIDDEN')
    .map((e) => e.extensions!.field)
    .sort();

const flagByName = (givenName: string, familyName: string, birthDate?: string) =>
  ok(app, TEACHER, FLAG, {
    i: {
      child: { givenName, familyName, birthDate },
      category: 'SCHOOL_ABSENCE',
      description: 'Hög frånvaro.',
      feedbackRequested: false,
      idempotencyKey: key(),
    },
  }).then((d) => d.flagConcern.id as string);
const flagByNumber = (personalIdentityNumber: string, names: Record<string, string> = {}) =>
  ok(app, TEACHER, FLAG, {
    i: {
      child: { personalIdentityNumber, ...names },
      category: 'SCHOOL_ABSENCE',
      description: 'Hög frånvaro.',
      feedbackRequested: false,
      idempotencyKey: key(),
    },
  }).then((d) => d.flagConcern.id as string);
const createChild = async (givenName: string, familyName: string, personalIdentityNumber?: string) =>
  (
    await ok(app, SOCSEK, CREATE_CHILD, {
      i: { givenName, familyName, personalIdentityNumber, districtId: await app.idOf('district', `code = 'norr'`, []) },
    })
  ).createChild.id as string;

beforeEach(async () => {
  clock = new FakeClock(T0);
  app = await createTestApp({ clock, logger });
});

afterEach(() => app.close());

describe('a report concerns a child or young person', () => {
  it('refuses a personal identity number born after receipt, and a person 21 or older at receipt, on every report mutation and createChild', async () => {
    const unborn = pnr('20270115');
    const turned21Yesterday = pnr('20051122');
    const twentyToday = pnr('20051124');
    for (const number of [unborn, turned21Yesterday]) {
      const flagged = await app.as(TEACHER, FLAG, {
        i: {
          child: { personalIdentityNumber: number },
          category: 'OTHER',
          description: 'Oro.',
          feedbackRequested: false,
          idempotencyKey: key(),
        },
      });
      expect(flagged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.child.personalIdentityNumber' });
      const police = await app.as(POLICE, REPORT_CONCERN, {
        i: {
          policeReference: 'K-1/26',
          child: { personalIdentityNumber: number },
          category: 'SUSPECTED_CRIME',
          description: 'Misstanke.',
          firstKnownSuspicion: true,
          preInvestigationRunning: false,
          guardianContactOnHold: false,
          feedbackRequested: false,
          idempotencyKey: key(),
        },
      });
      expect(codeOf(police)).toBe('BAD_USER_INPUT');
      const registered = await app.as(SOCSEK, REGISTER, {
        i: {
          channel: 'PHONE',
          reporterKind: 'PRIVATE_PERSON',
          reporterContact: 'Granne, 070-000 00 00',
          child: { personalIdentityNumber: number },
          category: 'OTHER',
          description: 'Samtal.',
          feedbackRequested: false,
          idempotencyKey: key(),
        },
      });
      expect(codeOf(registered)).toBe('BAD_USER_INPUT');
      const created = await app.as(SOCSEK, CREATE_CHILD, {
        i: {
          givenName: 'Vuxen',
          familyName: 'Person',
          personalIdentityNumber: number,
          districtId: await app.idOf('district', `code = 'norr'`, []),
        },
      });
      expect(created.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.personalIdentityNumber' });
    }
    const tooOld = await app.as(TEACHER, FLAG, {
      i: {
        child: { personalIdentityNumber: turned21Yesterday },
        category: 'OTHER',
        description: 'Oro.',
        feedbackRequested: false,
        idempotencyKey: key(),
      },
    });
    expect(tooOld.errors?.[0].extensions?.messages?.sv).toContain('under 21 år');
    expect(await app.sql(`SELECT 1 FROM child WHERE personal_identity_number = ANY($1)`, [[unborn, turned21Yesterday]])).toEqual([]);

    expect(await flagByNumber(twentyToday)).toEqual(expect.any(String));
    const byBirthDate = await app.as(TEACHER, FLAG, {
      i: {
        child: { givenName: 'Vuxen', familyName: 'Namn', birthDate: '2004-01-01' },
        category: 'OTHER',
        description: 'Oro.',
        feedbackRequested: false,
        idempotencyKey: key(),
      },
    });
    expect(byBirthDate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.child.birthDate' });
  });

  it('counts age on the day the report was received, and takes the limit from the district (stricter allowed, above 21 refused)', async () => {
    const turned21TwoDaysAgo = pnr('20051121');
    const letterFromLastWeek = await app.as(SOCSEK, REGISTER, {
      i: {
        channel: 'LETTER',
        reporterKind: 'PRIVATE_PERSON',
        reporterContact: 'Granne',
        child: { personalIdentityNumber: turned21TwoDaysAgo },
        category: 'OTHER',
        description: 'Brev.',
        feedbackRequested: false,
        idempotencyKey: key(),
        receivedAt: new Date(new Date(T0).getTime() - 5 * DAY_MS).toISOString(),
      },
    });
    expect(letterFromLastWeek.errors).toBeUndefined();

    const districtId = await app.idOf('district', `code = 'norr'`, []);
    const looser = await app.as(ADMIN, `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { id } }`, {
      i: { districtId, reportAgeLimit: 22 },
    });
    expect(codeOf(looser)).toBe('BAD_USER_INPUT');
    await ok(app, ADMIN, `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { policy { reportAgeLimit } } }`, {
      i: { districtId, reportAgeLimit: 18 },
    });
    const nineteen = await app.as(TEACHER, FLAG, {
      i: {
        child: { personalIdentityNumber: pnr('20070601') },
        category: 'OTHER',
        description: 'Oro.',
        feedbackRequested: false,
        idempotencyKey: key(),
      },
    });
    expect(nineteen.errors?.[0].extensions?.messages?.sv).toContain('under 18 år');
  });
});

describe('a report by name only', () => {
  it('shows social services the registered children with the same name and birth year, and stays unconfirmed until linked', async () => {
    const registered = await createChild('Åsa', 'Östberg', pnr('20130412'));
    const otherYear = await createChild('Asa', 'Ostberg', pnr('20140412'));
    const reportId = await flagByName('asa', 'OSTBERG', '2013-04-12');

    const seen = await ok(app, SOCSEK, IDENTITY, { id: reportId });
    expect(seen.report.identityStatus).toBe('UNCONFIRMED');
    expect(seen.report.possibleMatches.map((c: any) => c.id)).toEqual([registered]);
    expect(seen.report.possibleMatches.map((c: any) => c.id)).not.toContain(otherYear);
    const provisionalId = seen.report.child.id;

    const teacher = await app.as(TEACHER, IDENTITY, { id: reportId });
    expect(teacher.data?.report.possibleMatches).toBeNull();
    expect(forbiddenFields(teacher)).toEqual(expect.arrayContaining(['Report.identityStatus', 'Report.possibleMatches']));

    const linked = await ok(app, SOCSEK, LINK, { i: { reportId, childId: registered } });
    expect(linked.linkReportToChild).toMatchObject({ identityStatus: 'CONFIRMED', child: { id: registered } });
    const viaOldId = await ok(app, SOCSEK, `query($id: ID!) { child(id: $id) { id givenName } }`, { id: provisionalId });
    expect(viaOldId.child).toEqual({ id: registered, givenName: 'Åsa' });
    expect(await app.sql(`SELECT merged_into_id FROM child WHERE id = $1`, [provisionalId])).toEqual([{ merged_into_id: registered }]);
    const audits = await app.sql(
      `SELECT entity_type, entity_id, fields FROM audit_event WHERE action = 'UPDATE' AND entity_id = ANY($1) ORDER BY entity_type, entity_id`,
      [[provisionalId, registered, reportId]],
    );
    expect(audits).toEqual(
      expect.arrayContaining([
        { entity_type: 'Child', entity_id: registered, fields: ['mergedFrom', 'report'] },
        { entity_type: 'Child', entity_id: provisionalId, fields: ['mergedInto', 'report'] },
        { entity_type: 'Report', entity_id: reportId, fields: ['identityConfirmed'] },
      ]),
    );

    const again = await app.as(SOCSEK, LINK, { i: { reportId, childId: otherYear } });
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('confirms a new child once; a second name-only report of that child then matches it', async () => {
    const first = await flagByName('Nour', 'Haddad');
    expect((await ok(app, SOCSEK, CONFIRM, { id: first })).confirmNewChild.identityStatus).toBe('CONFIRMED');
    expect(codeOf(await app.as(SOCSEK, CONFIRM, { id: first }))).toBe('CONFLICT');
    const firstChild = (await ok(app, SOCSEK, IDENTITY, { id: first })).report.child.id;

    const second = await flagByName('Nour', 'Haddad', '2012-02-02');
    expect((await ok(app, SOCSEK, IDENTITY, { id: second })).report.possibleMatches.map((c: any) => c.id)).toEqual([firstChild]);
    expect(codeOf(await app.as(TEACHER, CONFIRM, { id: second }))).toBe('FORBIDDEN');
  });
});

describe('merging two records of the same child', () => {
  it("is the supervisor's decision; reports, talks and cases move, the merged record stays as a tombstone that resolves to the kept child", async () => {
    const number = pnr('20120315');
    const kept = await createChild('Leo', 'Lind', number);
    const keptReport = await flagByNumber(number);
    // A name misspelt at intake and confirmed as new: two records of one child.
    clock.advance(DAY_MS);
    const dupReportId = (
      await ok(app, POLICE, REPORT_CONCERN, {
        i: {
          policeReference: 'K-55/26',
          child: { givenName: 'Leo', familyName: 'Lindh', birthDate: '2012-03-15' },
          category: 'SUSPECTED_CRIME',
          description: 'Snatteri.',
          firstKnownSuspicion: true,
          preInvestigationRunning: false,
          guardianContactOnHold: false,
          feedbackRequested: false,
          idempotencyKey: key(),
        },
      })
    ).reportConcern.id;
    await ok(app, SOCSEK, CONFIRM, { id: dupReportId });
    const dup = (await ok(app, SOCSEK, IDENTITY, { id: dupReportId })).report.child.id;
    const caseId = await openCase(app, dup);

    expect(codeOf(await app.as(SOCSEK, MERGE, { i: { keptChildId: kept, mergedChildId: dup } }))).toBe('FORBIDDEN');
    const merged = await ok(app, CHEF, MERGE, { i: { keptChildId: kept, mergedChildId: dup } });
    expect(merged.mergeChildren).toMatchObject({ id: kept, personalIdentityNumber: number, givenName: 'Leo' });

    expect(await app.sql(`SELECT child_id FROM report WHERE id = ANY($1) ORDER BY child_id`, [[keptReport, dupReportId]])).toEqual([
      { child_id: kept },
      { child_id: kept },
    ]);
    expect(await app.sql(`SELECT child_id FROM collaboration_case WHERE id = $1`, [caseId])).toEqual([{ child_id: kept }]);
    expect(await app.sql(`SELECT child_id FROM talk WHERE report_id = $1`, [dupReportId])).toEqual([{ child_id: kept }]);
    expect(await app.sql(`SELECT merged_into_id, given_name FROM child WHERE id = $1`, [dup])).toEqual([
      { merged_into_id: kept, given_name: 'Leo' },
    ]);
    expect((await ok(app, SOCSEK, `query($id: ID!) { child(id: $id) { id } }`, { id: dup })).child.id).toBe(kept);
    expect((await ok(app, SOCSEK, `query($id: ID!) { talksForChild(childId: $id) { report { id } } }`, { id: dup })).talksForChild).toEqual(
      [{ report: { id: dupReportId } }],
    );
    const search = await ok(app, SOCSEK, `{ children(search: "Lindh", first: 10) { edges { node { id } } } }`);
    expect(search.children.edges).toEqual([]);
    const later = await ok(app, SOCSEK, IDENTITY, { id: dupReportId });
    expect(later.report.earlierReports.map((r: any) => r.id)).toEqual([keptReport]);

    const audits = await app.sql(
      `SELECT entity_id, fields FROM audit_event WHERE entity_type = 'Child' AND action = 'UPDATE' AND entity_id = ANY($1) ORDER BY entity_id`,
      [[kept, dup]],
    );
    expect(audits).toEqual(
      expect.arrayContaining([
        { entity_id: kept, fields: ['mergedFrom', 'report', 'talk', 'collaboration_case'] },
        { entity_id: dup, fields: ['mergedInto', 'report', 'talk', 'collaboration_case'] },
      ]),
    );
    expect(codeOf(await app.as(CHEF, MERGE, { i: { keptChildId: kept, mergedChildId: dup } }))).toBe('BAD_USER_INPUT');
  });

  it('confirms the report on the kept child everywhere: its identity, its matches and the intake list, also when read again', async () => {
    const number = pnr('20120316');
    const registered = await createChild('Nora', 'Berg', number);
    const reportId = await flagByName('Nora', 'Berg');
    const before = await ok(app, SOCSEK, IDENTITY, { id: reportId });
    expect(before.report.identityStatus).toBe('UNCONFIRMED');
    const provisional = before.report.child.id;

    await ok(app, CHEF, MERGE, { i: { keptChildId: registered, mergedChildId: provisional } });

    const after = await ok(app, SOCSEK, IDENTITY, { id: reportId });
    expect(after.report).toMatchObject({ identityStatus: 'CONFIRMED', child: { id: registered }, possibleMatches: [] });
    const queue = await ok(app, SOCSEK, `{ intakeQueue(first: 50) { edges { node { id identityStatus child { id } } } } }`);
    expect(queue.intakeQueue.edges.map((e: any) => e.node).find((n: any) => n.id === reportId)).toEqual({
      id: reportId,
      identityStatus: 'CONFIRMED',
      child: { id: registered },
    });
    const audits = await app.sql(`SELECT fields FROM audit_event WHERE entity_type = 'Report' AND entity_id = $1 AND action = 'UPDATE'`, [
      reportId,
    ]);
    expect(audits).toEqual(expect.arrayContaining([{ fields: ['identityConfirmed'] }]));
  });

  it('confirms the report when the provisional record is the one kept and takes the number from the merged one', async () => {
    const number = pnr('20120317');
    const registered = await createChild('Otto', 'Ek', number);
    const reportId = await flagByName('Otto', 'Ek');
    const provisional = (await ok(app, SOCSEK, IDENTITY, { id: reportId })).report.child.id;
    const merged = await ok(app, CHEF, MERGE, { i: { keptChildId: provisional, mergedChildId: registered } });
    expect(merged.mergeChildren).toMatchObject({ id: provisional, personalIdentityNumber: number });
    expect((await ok(app, SOCSEK, IDENTITY, { id: reportId })).report).toMatchObject({ identityStatus: 'CONFIRMED', possibleMatches: [] });
  });

  it('refuses to merge records of different districts, in Swedish and English, and writes nothing', async () => {
    const norr = await app.idOf('district', `code = 'norr'`, []);
    const syd = await app.idOf('district', `code = 'syd'`, []);
    // A supervisor serving both districts sees both records; the merge is still refused.
    await app.sql(
      `UPDATE agency SET district_ids = ARRAY[$1::uuid, $2::uuid] WHERE id = (SELECT agency_id FROM app_user WHERE email = $3)`,
      [norr, syd, CHEF],
    );
    const a = await createChild('Siv', 'Holm', pnr('20120318'));
    const b = (await ok(app, CHEF, CREATE_CHILD, { i: { givenName: 'Siv', familyName: 'Holm', districtId: syd } })).createChild
      .id as string;
    const result = await app.as(CHEF, MERGE, { i: { keptChildId: a, mergedChildId: b } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mergedChildId' });
    expect(result.errors?.[0].message).toMatch(/different districts/);
    expect(result.errors?.[0].extensions?.messages?.sv).toMatch(/olika områden/);
    expect(await app.sql(`SELECT merged_into_id FROM child WHERE id = ANY($1)`, [[a, b]])).toEqual([
      { merged_into_id: null },
      { merged_into_id: null },
    ]);
  });

  it('refuses records with different dates of birth', async () => {
    const a = await createChild('Mira', 'Ek', pnr('20120101'));
    const b = await createChild('Mira', 'Ek', pnr('20120102'));
    const result = await app.as(CHEF, MERGE, { i: { keptChildId: a, mergedChildId: b } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mergedChildId' });
    expect(await app.sql(`SELECT merged_into_id FROM child WHERE id = $1`, [b])).toEqual([{ merged_into_id: null }]);
  });
});

describe('a personal identity number sent with another name', () => {
  it('links the report by number and shows social services what was sent against the record, never the reporter', async () => {
    const number = pnr('20110505');
    const childId = await createChild('Sara', 'Holm', number);
    const reportId = await flagByNumber(number, { givenName: 'Sarah', familyName: 'Holmberg' });

    const seen = await ok(app, SOCSEK, IDENTITY, { id: reportId });
    expect(seen.report).toMatchObject({
      identityStatus: 'CONFIRMED',
      child: { id: childId },
      identityMismatch: { recordName: 'Sara Holm' },
    });
    expect(seen.report.identityMismatch.sent).toContain('Sarah Holmberg');

    const teacher = await app.as(TEACHER, IDENTITY, { id: reportId });
    expect(teacher.data?.report.identityMismatch).toBeNull();
    expect(forbiddenFields(teacher)).toContain('Report.identityMismatch');

    const sameName = await flagByNumber(number, { givenName: 'sara', familyName: 'HOLM' });
    expect((await ok(app, SOCSEK, IDENTITY, { id: sameName })).report.identityMismatch).toBeNull();
    const logged = entries.map((e) => JSON.stringify(e)).join('\n');
    for (const secret of [number, number.slice(2), 'Sarah', 'Holmberg']) expect(logged).not.toContain(secret);
  });
});

describe('a report arriving into an open case', () => {
  it("is marked, and the investigation's assigned worker is notified with a link to the report", async () => {
    const number = pnr('20120808');
    await createChild('Ali', 'Berg', number);
    const first = await flagByNumber(number);
    await ok(app, CHEF, `mutation($i: AssignReportInput!) { assignReport(input: $i) { id } }`, {
      i: { reportId: first, userId: await userIdOf(app, SOCSEK) },
    });
    await ok(app, SOCSEK, `mutation($i: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $i) { id } }`, {
      i: { reportId: first, acuteDanger: false, note: 'Ingen akut fara.' },
    });
    await ok(app, SOCSEK, `mutation($i: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $i) { id } }`, {
      i: { reportId: first, decision: 'OPEN_INVESTIGATION' },
    });

    const second = await flagByNumber(number);
    expect((await ok(app, SOCSEK, IDENTITY, { id: first })).report.arrivedIntoOpenCase).toBe(false);
    expect((await ok(app, SOCSEK, IDENTITY, { id: second })).report.arrivedIntoOpenCase).toBe(true);
    const notes = await ok(app, SOCSEK, `{ myNotifications { kind subjectId title } }`);
    expect(notes.myNotifications.filter((n: any) => n.kind === 'REPORT_INTO_OPEN_CASE')).toEqual([
      expect.objectContaining({ subjectId: second }),
    ]);
  });

  it('tells the coordinator when the child has an open collaboration case', async () => {
    const number = pnr('20121010');
    const childId = await createChild('Elin', 'Sjö', number);
    await openCase(app, childId);
    const reportId = await flagByNumber(number);
    expect((await ok(app, SOCSEK, IDENTITY, { id: reportId })).report.arrivedIntoOpenCase).toBe(true);
    const notes = await ok(app, COORDINATOR, `{ myNotifications { kind subjectId } }`);
    expect(notes.myNotifications).toEqual(expect.arrayContaining([{ kind: 'REPORT_INTO_OPEN_CASE', subjectId: reportId }]));
  });
});

describe('what social services need to call back', () => {
  it("shows the child's earlier reports and the professional reporter's name and work contact to social services only", async () => {
    const number = pnr('20130303');
    await createChild('Theo', 'Ström', number);
    const first = await flagByNumber(number);
    const police = await ok(app, POLICE, REPORT_CONCERN, {
      i: {
        policeReference: 'K-77/26',
        child: { personalIdentityNumber: number },
        category: 'SUSPECTED_CRIME',
        description: 'Misstanke.',
        firstKnownSuspicion: false,
        preInvestigationRunning: false,
        guardianContactOnHold: false,
        feedbackRequested: false,
        idempotencyKey: key(),
      },
    });
    const policeReport = police.reportConcern.id;

    const seen = await ok(app, SOCSEK, IDENTITY, { id: policeReport });
    expect(seen.report.earlierReports.map((r: any) => r.id)).toEqual([first]);
    expect(seen.report.reporterName).toBe('Polis Norr');
    expect(seen.report.reporterWorkContact).toContain('polis.norr@samverka.test');

    const officer = await app.as(POLICE, IDENTITY, { id: policeReport });
    expect(officer.data?.report).toMatchObject({
      earlierReports: null,
      reporterName: null,
      reporterWorkContact: null,
      reporterContact: null,
    });
    expect(forbiddenFields(officer)).toEqual(
      expect.arrayContaining(['Report.earlierReports', 'Report.reporterName', 'Report.reporterWorkContact']),
    );

    const phoned = await ok(app, SOCSEK, REGISTER, {
      i: {
        channel: 'PHONE',
        reporterKind: 'PRIVATE_PERSON',
        reporterContact: 'Granne Ek, 070-222 22 22',
        child: { personalIdentityNumber: number },
        category: 'OTHER',
        description: 'Samtal.',
        feedbackRequested: false,
        idempotencyKey: key(),
      },
    });
    const privateReport = (await ok(app, SOCSEK, IDENTITY, { id: phoned.registerConcern.id })).report;
    expect(privateReport).toMatchObject({ reporterContact: 'Granne Ek, 070-222 22 22', reporterName: null });
    expect(privateReport.earlierReports.map((r: any) => r.id).sort()).toEqual([first, policeReport].sort());
  });
});
