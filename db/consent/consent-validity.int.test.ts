import { Client } from 'pg';
import { ConsentTimes, isConsentValid } from '../../domain/consent/consent-rules';
import { createTestDatabase, TestDatabase } from '../../test/helpers/test-database';
import { validConsentSql } from './consent-validity';

/** The in-memory rule and the SQL of the viewer's scope answer alike for every shape of consent, at every edge. */

const AT = new Date('2026-11-23T08:00:00Z');
const before = new Date(AT.getTime() - 1);
const after = new Date(AT.getTime() + 1);
const TIMES = { before, at: AT, after };

const cases: (ConsentTimes & { name: string })[] = [];
for (const complete of [true, false]) {
  for (const [g, givenAt] of Object.entries(TIMES)) {
    for (const [e, endsAt] of [...Object.entries(TIMES), ['never', null] as const]) {
      for (const [w, withdrawnAt] of [...Object.entries(TIMES), ['never', null] as const]) {
        cases.push({ name: `complete=${complete} given ${g}, ends ${e}, withdrawn ${w}`, complete, givenAt, endsAt, withdrawnAt });
      }
    }
  }
}

let db: TestDatabase;
let client: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  client = new Client({ connectionString: db.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('a valid consent', () => {
  it('is the same in memory and in SQL', async () => {
    const params: unknown[] = [AT];
    const rows: string[] = [];
    cases.forEach((c, i) => {
      const n = params.length;
      params.push(i, c.complete, c.givenAt, c.endsAt, c.withdrawnAt);
      rows.push(`($${n + 1}::int, $${n + 2}::boolean, $${n + 3}::timestamptz, $${n + 4}::timestamptz, $${n + 5}::timestamptz)`);
    });
    const { rows: answers } = await client.query<{ i: number; valid: boolean }>(
      `SELECT v.i, ${validConsentSql('v', '$1::timestamptz')} AS valid
         FROM (VALUES ${rows.join(', ')}) AS v(i, complete, given_at, ends_at, withdrawn_at) ORDER BY v.i`,
      params,
    );
    const disagreements = answers.filter((a) => a.valid !== isConsentValid(cases[a.i], AT)).map((a) => cases[a.i].name);
    expect(answers).toHaveLength(cases.length);
    expect(disagreements).toEqual([]);
    const valid = answers.filter((a) => a.valid).length;
    expect(valid).toBeGreaterThan(0);
    console.log(`consent validity: ${cases.length} shapes, ${valid} valid, 0 disagreements between memory and SQL`);
  });
});
