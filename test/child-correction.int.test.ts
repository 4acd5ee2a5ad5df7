import { luhnCheckDigit } from '../domain/children/personal-identity-number';
import { FakeClock } from '../domain/time/clock';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 26: a correction (GDPR art. 16) keeps the old value in an audited change record. */
const SOCSEK = 'socsek.norr@samverka.test';
const HISTORY = `query($id: ID!) { childCorrections(childId: $id) { field oldValue newValue reason correctedAt } }`;
const CORRECT = `mutation($input: CorrectChildInput!) { correctChild(input: $input) { id givenName personalIdentityNumber } }`;

let app: TestApp;
let child: { id: string; given_name: string; family_name: string; pin: string; birth: string };

beforeEach(async () => {
  app = await createTestApp({ clock: new FakeClock('2026-11-23T08:00:00.000Z') });
  [child] = await app.sql(
    `SELECT c.id, c.given_name, c.family_name, c.personal_identity_number AS pin, to_char(c.birth_date, 'YYYY-MM-DD') AS birth FROM child c JOIN district d ON d.id = c.district_id
      WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL ORDER BY c.id LIMIT 1`,
  );
});

afterEach(() => app.close());

describe('correcting a child', () => {
  it('keeps the old name and number with the reason, audits the change, and shows the history', async () => {
    const nine = '120307123';
    const newPin = `20${nine}${luhnCheckDigit(nine)}`;
    const corrected = await app.as(SOCSEK, CORRECT, {
      input: { childId: child.id, givenName: 'Rättat', personalIdentityNumber: newPin, reason: 'Vårdnadshavaren visade pass.' },
    });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data.correctChild).toMatchObject({ givenName: 'Rättat', personalIdentityNumber: newPin });

    const history = await app.as(SOCSEK, HISTORY, { id: child.id });
    expect(history.errors).toBeUndefined();
    expect(history.data.childCorrections.map((c: any) => [c.field, c.oldValue, c.newValue, c.reason]).sort()).toEqual([
      ['birthDate', child.birth, '2012-03-07', 'Vårdnadshavaren visade pass.'],
      ['givenName', child.given_name, 'Rättat', 'Vårdnadshavaren visade pass.'],
      ['personalIdentityNumber', child.pin, newPin, 'Vårdnadshavaren visade pass.'],
    ]);
    const [audit] = await app.sql(
      `SELECT fields, district_id IS NOT NULL AS district FROM audit_event WHERE entity_type = 'Child' AND action = 'UPDATE' AND entity_id = $1`,
      [child.id],
    );
    expect(audit).toEqual({ fields: expect.arrayContaining(['givenName', 'personalIdentityNumber']), district: true });
    const reads = await app.sql(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'ChildCorrection' AND action = 'READ'`);
    expect(reads[0].n).toBeGreaterThan(0);

    const same = await app.as(SOCSEK, CORRECT, { input: { childId: child.id, givenName: 'Rättat', reason: 'Samma igen.' } });
    expect(same.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('keeps the replaced name when a name is edited in place too', async () => {
    const edited = await app.as(SOCSEK, `mutation($input: UpdateChildInput!) { updateChild(input: $input) { familyName } }`, {
      input: { id: child.id, familyName: 'Nytt-Efternamn' },
    });
    expect(edited.errors).toBeUndefined();
    const history = await app.as(SOCSEK, HISTORY, { id: child.id });
    expect(history.data.childCorrections).toEqual([
      expect.objectContaining({ field: 'familyName', oldValue: child.family_name, newValue: 'Nytt-Efternamn', reason: null }),
    ]);
  });

  it('refuses a number another child has', async () => {
    const [other] = await app.sql(
      `SELECT personal_identity_number AS pin FROM child WHERE personal_identity_number IS NOT NULL AND id <> $1 LIMIT 1`,
      [child.id],
    );
    const refused = await app.as(SOCSEK, CORRECT, {
      input: { childId: child.id, personalIdentityNumber: other.pin, reason: 'Fel nummer.' },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await app.as(SOCSEK, HISTORY, { id: child.id })).data.childCorrections).toEqual([]);
  });
});
