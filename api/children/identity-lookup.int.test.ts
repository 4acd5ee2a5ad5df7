/** A personal identity number already registered: createChild refuses it and audits the lookup where the child is. */
import { luhnCheckDigit } from '../../domain/children/personal-identity-number';
import { createTestApp, TestApp } from '../../test/helpers/test-app';

const CREATE_CHILD = `mutation($i: CreateChildInput!) { createChild(input: $i) { id } }`;
const PNR = `20140312871${luhnCheckDigit('140312871')}`;

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp();
});

afterEach(() => app.close());

async function createChild(email: string, district: 'norr' | 'syd') {
  const districtId = await app.idOf('district', 'code = $1', [district]);
  return app.as(email, CREATE_CHILD, { i: { givenName: 'Elsa', familyName: 'Lund', personalIdentityNumber: PNR, districtId } });
}

async function lookupsBy(email: string, childId: string) {
  const userId = await app.idOf('app_user', 'email = $1', [email]);
  return app.sql(
    `SELECT outcome, district_id, fields FROM audit_entry
      WHERE actor_user_id = $1 AND entity_type = 'Child' AND child_id = $2 AND action <> 'CREATE' AND 'personalIdentityNumber' = ANY(fields)`,
    [userId, childId],
  );
}

describe('a personal identity number registered already', () => {
  it('is a conflict, audited as a read in the viewer’s district and as a denied lookup in another', async () => {
    const first = await createChild('socsek.norr@samverka.test', 'norr');
    expect(first.errors).toBeUndefined();
    const childId = first.data.createChild.id;
    const [{ district_id: norrId }] = await app.sql(`SELECT district_id FROM child WHERE id = $1`, [childId]);

    for (const [email, district] of [
      ['socsek.norr@samverka.test', 'norr'],
      ['socsek.syd@samverka.test', 'syd'],
    ] as const) {
      const again = await createChild(email, district);
      expect(again.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    }
    expect(await lookupsBy('socsek.norr@samverka.test', childId)).toEqual([
      { outcome: 'ALLOWED', district_id: norrId, fields: ['personalIdentityNumber'] },
    ]);
    expect(await lookupsBy('socsek.syd@samverka.test', childId)).toEqual([
      { outcome: 'DENIED', district_id: norrId, fields: ['personalIdentityNumber'] },
    ]);
  });
});
