import { capturingLogger } from '../scripts/fuzz/harness';
import { suspectedCrimeInput } from './helpers/reports';
import { createTestApp, TestApp } from './helpers/test-app';

const NUMBER = '201203151236';
const GIVEN = 'Noraliina';
const FAMILY = 'Nyströmsson';

let app: TestApp;
const { logger, entries } = capturingLogger('debug');

beforeAll(async () => {
  app = await createTestApp({ logger });
  // A constraint that refuses this child makes every write of it fail inside PostgreSQL, with the row in the error's detail.
  await app.db.asOwner(`ALTER TABLE child ADD CONSTRAINT test_refuses_child CHECK (given_name <> '${GIVEN}')`);
});
afterAll(() => app.close());

describe('personal data never reaches the logs', () => {
  it('logs a failing write by code, constraint and table only, without the number or the name', async () => {
    const districtId = await app.idOf('district', `code = 'norr'`, []);
    const created = await app.as('socsek.norr@samverka.test', `mutation($input: CreateChildInput!) { createChild(input: $input) { id } }`, {
      input: { personalIdentityNumber: NUMBER, givenName: GIVEN, familyName: FAMILY, districtId },
    });
    expect(created.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');

    const reported = await app.as(
      'polis.norr@samverka.test',
      `mutation($input: ReportConcernInput!) { reportConcern(input: $input) { reference } }`,
      {
        input: suspectedCrimeInput({
          policeReference: 'K-4711/26',
          child: { personalIdentityNumber: NUMBER, givenName: GIVEN, familyName: FAMILY },
          description: `${GIVEN} ${FAMILY} (${NUMBER}) gripen för snatteri`,
          idempotencyKey: 'log-privacy-1',
        }),
      },
    );
    expect(reported.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');

    const failures = entries.filter((e) => e.msg === 'unexpected resolver error');
    expect(failures).toHaveLength(2);
    for (const failure of failures)
      expect(failure.err).toEqual({ type: 'DatabaseError', code: '23514', constraint: 'test_refuses_child', table: 'child' });
    const everything = entries.map((e) => JSON.stringify(e)).join('\n');
    for (const secret of [NUMBER, NUMBER.slice(2), GIVEN, FAMILY]) expect(everything).not.toContain(secret);
    console.log(`log privacy: lines=${entries.length} failedWrites=${failures.length} leaks=0`);
  });
});
