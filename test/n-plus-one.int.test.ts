import { FakeClock } from '../domain/time/clock';
import { countStatements, StatementCounter } from '../bench/lib/statement-counter';
import { systemDataSourceOf, systemReadsOf } from '../db/access/row-scope';
import { FLAG_CONCERN_MUTATION, flagConcernInput, POLICE_FEEDBACK_QUERY, SCHOOL_VIEWER } from '../bench/workloads';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * No N+1: the SQL statements one request sends must not grow with the page
 * size. Counted on the wire (every pg client of the app's pool), so nothing
 * that reaches PostgreSQL escapes, including the audit INSERT at the end.
 */
const POLICE = 'polis.norr@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';
const REPORTS = 60;

const REPORT_CONCERN = `mutation($input: ReportConcernInput!) { reportConcern(input: $input) { id } }`;
const ASSIGN = `mutation($input: AssignReportInput!) { assignReport(input: $input) { id } }`;

/** The police-feedback workload of `npm run bench`, plus the reporter agency (a loader). */
const POLICE_FEEDBACK = `query($first: Int!) { myReports(first: $first) { edges { cursor node {
  id reference childAsReported submittedAt feedbackStatus feedbackDueAt feedback { value givenAt } reporterAgency { id name }
} } pageInfo { hasNextPage endCursor } } }`;

/** Social services' list touches every relation a report has: child, guardians, school, district, responsible, deadlines. */
const INTAKE = `query($first: Int!) { intakeQueue(first: $first) { edges { node {
  id reference category feedbackStatus
  child { id givenName familyName age district { code policy { version } } school { name } guardians { name relation } }
  responsible { displayName }
  deadlines { kind dueAt status policyVersion }
  reporterAgency { name }
} } pageInfo { hasNextPage } } }`;

let app: TestApp;
let counter: StatementCounter;
let norrNumber: string;

async function statementsFor(email: string, query: string, first: number) {
  const { result, count, statements } = await counter.measure(() => app.as(email, query, { first }));
  expect(result.errors).toBeUndefined();
  const list = result.data[Object.keys(result.data)[0]];
  expect(list.edges).toHaveLength(first);
  return { count, statements };
}

beforeAll(async () => {
  app = await createTestApp();
  counter = countStatements(app.dataSource);
  const demoChildren: { personal_identity_number: string }[] = await app.sql(
    `SELECT c.personal_identity_number FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id`,
  );
  norrNumber = demoChildren[0].personal_identity_number;
  const socsekId = await app.idOf('app_user', 'email = $1', [SOCSEK]);
  const now = app.clock.now().getTime();
  for (let i = 0; i < REPORTS; i++) {
    // Half name known children (with guardians and a school), half new children by name only; every third is
    // assigned. Received one minute apart (the server's clock sets receipt), so every page, oldest or newest first,
    // mixes them the same way.
    (app.clock as FakeClock).set(new Date(now - (REPORTS - i) * 60_000));
    const child =
      i % 2 === 0
        ? { personalIdentityNumber: demoChildren[(i / 2) % demoChildren.length].personal_identity_number }
        : { givenName: `Barn${i}`, familyName: `Benchsson${i}` };
    const created = await app.as(POLICE, REPORT_CONCERN, {
      input: {
        policeReference: `K-${10_000 + i}/26`,
        child,
        category: 'SUSPECTED_CRIME',
        description: `Rapport ${i}`,
        suspectedOffence: 'Snatteri',
        offenceCanLeadToPrison: i % 3 === 0,
        firstKnownSuspicion: true,
        preInvestigationRunning: false,
        guardianContactOnHold: false,
        feedbackRequested: i % 4 !== 0,
        idempotencyKey: `n-plus-one-${i}`,
      },
    });
    expect(created.errors).toBeUndefined();
    if (i % 3 === 0) {
      const assigned = await app.as(SOCSEK, ASSIGN, { input: { reportId: created.data.reportConcern.id, userId: socsekId } });
      expect(assigned.errors).toBeUndefined();
    }
  }
  (app.clock as FakeClock).set(new Date(now));
});

afterAll(() => app.close());

describe('SQL statements per request do not grow with the page size', () => {
  it('police-feedback: myReports(first: 5) and myReports(first: 50) send the same number of statements', async () => {
    const small = await statementsFor(POLICE, POLICE_FEEDBACK, 5);
    const large = await statementsFor(POLICE, POLICE_FEEDBACK, 50);
    // The same statements; the order of the loaders' batches may differ.
    expect([...large.statements].sort()).toEqual([...small.statements].sort());
    expect(large.count).toBe(small.count);
    // The viewer, the page, the reporter agencies (one batch) and the audit of the reads; and the read transaction
    // of row-level security: BEGIN with the system scope of the viewer query, the viewer's scope, COMMIT (+3).
    expect(small.count).toBeLessThanOrEqual(7);
  });

  it('intake queue with every relation: first: 5 and first: 50 send the same number of statements', async () => {
    const small = await statementsFor(SOCSEK, INTAKE, 5);
    const large = await statementsFor(SOCSEK, INTAKE, 50);
    // The same statements; the order of the loaders' batches may differ.
    expect([...large.statements].sort()).toEqual([...small.statements].sort());
    expect(large.count).toBe(small.count);
    // 12 before row-level security; its read transaction adds a fixed 3 (see above).
    expect(small.count).toBeLessThanOrEqual(15);
  });
});

/**
 * The whole request on every pool it touches (issue 27): the request's own connection, the system role's pool and
 * systemRead's, whose connections start in system scope. One `query` call is one round trip; counts, not times.
 */
describe('round trips per request, viewer lookup included', () => {
  async function perPool(email: string, query: string, variables: Record<string, unknown>) {
    const reads = systemReadsOf(app.dataSource);
    expect(reads).toBeDefined();
    const pools = {
      request: countStatements(app.dataSource),
      system: countStatements(systemDataSourceOf(app.dataSource)),
      reads: countStatements(reads!),
    };
    for (const c of Object.values(pools)) c.reset();
    const result = await app.as(email, query, variables);
    expect(result.errors).toBeUndefined();
    return Object.fromEntries(Object.entries(pools).map(([name, c]) => [name, [...c.statements]])) as Record<keyof typeof pools, string[]>;
  }

  it('police-feedback: the viewer in one statement, then BEGIN with the scope, the page, COMMIT and the audit INSERT', async () => {
    const sent = await perPool(POLICE, POLICE_FEEDBACK_QUERY, { first: 20 });
    expect(sent.reads).toHaveLength(1);
    expect(sent.reads[0]).toMatch(/^SELECT u\.id/);
    expect(sent.system).toEqual([]);
    expect(sent.request[0]).toMatch(/^BEGIN; SELECT set_config\('samverka\.scope'/);
    expect(sent.request.filter((s) => /^INSERT INTO "?audit_event/.test(s))).toHaveLength(1);
    expect(sent.request.length + sent.reads.length).toBeLessThanOrEqual(5);
  });

  it('flagConcern: the viewer and the "does this number exist" check are one statement each, outside the unit of work', async () => {
    const sent = await perPool(SCHOOL_VIEWER, FLAG_CONCERN_MUTATION, { input: flagConcernInput('n-plus-one-flag', norrNumber) });
    expect(sent.reads).toHaveLength(2);
    expect(sent.system).toEqual([]);
    // 18 when the cost was split; 20 once the batch's intake and practice branches joined the report path (it also asks
    // for the child's open case and its earlier reports); 18 with the unit of work's BEGIN and row scope in one round
    // trip and the open investigation and collaboration case in one statement. A count, not a time: more means a new
    // statement per report.
    expect(sent.request[0]).toMatch(/^START TRANSACTION; SELECT set_config\('samverka\.scope'/);
    expect(sent.request.length + sent.reads.length).toBeLessThanOrEqual(18);
  });
});
