import { DataSource } from 'typeorm';
import { countStatements } from '../../bench/lib/statement-counter';
import { decide, grant } from '../../domain/access/policy';
import { invitedToTalk, teamMemberWithConsent } from '../../domain/access/conditions';
import { LegalBasis } from '../../domain/access/legal-basis';
import { Role } from '../../domain/access/roles';
import { createTestDatabase, TestDatabase } from '../../test/helpers/test-database';
import { createAppDataSource } from '../../app/runtime';
import { ScopeContributor } from './scope-contributor';
import { viewerRepository } from './viewer.repository';

/** Stand-ins for what the talks and collaboration modules register: their tables do not exist in the core. */
const talkInvitations: ScopeContributor = {
  name: 'test_talks',
  sql: `jsonb_build_object('invitedTalkIds', coalesce((SELECT jsonb_agg(p.talk_id) FROM test_talk_participant p WHERE p.user_id = u.id), '[]'))`,
};
const caseConsents: ScopeContributor = {
  name: 'test_cases',
  sql: `jsonb_build_object('caseConsents', coalesce((
          SELECT jsonb_agg(jsonb_build_object('caseId', m.case_id, 'consentId', c.id, 'categories', c.categories))
            FROM test_case_member m JOIN test_consent c ON c.case_id = m.case_id AND c.agency_id = u.agency_id
           WHERE m.user_id = u.id AND c.withdrawn_at IS NULL AND c.valid_until > $2::timestamptz), '[]'))`,
};

const TALK = '00000000-0000-4000-8000-000000000001';
const CASE = '00000000-0000-4000-8000-000000000011';
const CONSENT = '00000000-0000-4000-8000-000000000021';
const EMAIL = 'fritid.norr@samverka.test';
const NOW = new Date('2026-11-23T08:00:00Z');

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  // Its fixture tables are schema changes: the owner makes them.
  dataSource = createAppDataSource({ url: db.ownerUrl, poolSize: 2 });
  await dataSource.initialize();
  await dataSource.query(`CREATE TABLE test_talk_participant (talk_id uuid, user_id uuid)`);
  await dataSource.query(`CREATE TABLE test_case_member (case_id uuid, user_id uuid)`);
  await dataSource.query(
    `CREATE TABLE test_consent (id uuid, case_id uuid, agency_id uuid, categories text[], valid_until timestamptz, withdrawn_at timestamptz)`,
  );
  const [user] = await dataSource.query(`SELECT id, agency_id FROM app_user WHERE email = $1`, [EMAIL]);
  await dataSource.query(`INSERT INTO test_talk_participant VALUES ($1, $2)`, [TALK, user.id]);
  await dataSource.query(`INSERT INTO test_case_member VALUES ($1, $2)`, [CASE, user.id]);
  await dataSource.query(`INSERT INTO test_consent VALUES ($1, $2, $3, ARRAY['BASIC_FACTS', 'PLAN_ACTIONS'], $4, NULL)`, [
    CONSENT,
    CASE,
    user.agency_id,
    new Date('2027-06-01T00:00:00Z'),
  ]);
});

afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

describe('viewer scope with contributors', () => {
  it('has empty relations when no module contributes', async () => {
    const viewer = await viewerRepository.load(dataSource.manager, { email: EMAIL }, NOW, []);
    expect(viewer!.scope.relations.invitedTalkIds.size).toBe(0);
    expect(viewer!.scope.relations.caseConsents.size).toBe(0);
  });

  it("loads every contributor's part in the one viewer statement", async () => {
    const counter = countStatements(dataSource);
    const { result: viewer, count } = await counter.measure(() =>
      viewerRepository.load(dataSource.manager, { email: EMAIL }, NOW, [talkInvitations, caseConsents]),
    );
    expect(count).toBe(1);
    expect([...viewer!.scope.relations.invitedTalkIds]).toEqual([TALK]);
    expect(viewer!.scope.relations.caseConsents.get(CASE)).toEqual([
      { consentId: CONSENT, categories: new Set(['BASIC_FACTS', 'PLAN_ACTIONS']) },
    ]);
  });

  it('decides under the consent and names it; a withdrawal takes effect on the next load', async () => {
    const grants = [grant([Role.LEISURE_STAFF], teamMemberWithConsent('PLAN_ACTIONS'), LegalBasis.CONSENT)];
    const talkGrants = [grant([Role.LEISURE_STAFF], invitedToTalk, LegalBasis.CONSENT)];
    const before = await viewerRepository.load(dataSource.manager, { email: EMAIL }, NOW, [talkInvitations, caseConsents]);
    expect(decide(before!.scope, grants, { caseId: CASE })).toEqual({ allowed: true, basis: LegalBasis.CONSENT, consentId: CONSENT });
    expect(decide(before!.scope, talkGrants, { talkId: TALK })).toEqual({ allowed: true, basis: LegalBasis.CONSENT });

    await dataSource.query(`UPDATE test_consent SET withdrawn_at = $2 WHERE id = $1`, [CONSENT, NOW]);
    const after = await viewerRepository.load(dataSource.manager, { email: EMAIL }, NOW, [talkInvitations, caseConsents]);
    expect(decide(after!.scope, grants, { caseId: CASE })).toEqual({ allowed: false });
    // The scope already loaded for a request in flight is a snapshot: it keeps its decision until that request ends.
    expect(decide(before!.scope, grants, { caseId: CASE }).allowed).toBe(true);
  });

  it('an expired consent counts as none', async () => {
    await dataSource.query(`UPDATE test_consent SET withdrawn_at = NULL WHERE id = $1`, [CONSENT]);
    const later = await viewerRepository.load(dataSource.manager, { email: EMAIL }, new Date('2027-07-01T00:00:00Z'), [caseConsents]);
    expect(later!.scope.relations.caseConsents.size).toBe(0);
  });
});
