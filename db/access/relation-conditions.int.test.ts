import { Client } from 'pg';
import {
  Condition,
  FactColumns,
  SubjectFacts,
  and,
  conditionToSql,
  holds,
  invitedToTalk,
  or,
  sameDistrict,
  teamMemberWithConsent,
} from '../../domain/access/conditions';
import { AgencyKind, Role } from '../../domain/access/roles';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { createTestDatabase, TestDatabase } from '../../test/helpers/test-database';
import { relationsFrom } from './viewer.repository';

/**
 * Each relation condition, evaluated in memory (`holds`, what a field check
 * does) and compiled to SQL (`conditionToSql`, what a row scope does) on real
 * PostgreSQL, must pick exactly the same rows from the same scope.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TALK_A = id(1);
const TALK_B = id(2);
const TALK_C = id(3);
const CASE_A = id(11);
const CASE_B = id(12);
const CASE_C = id(13);
const DISTRICT = id(21);
const OTHER_DISTRICT = id(22);

const base: Omit<ViewerScope, 'relations'> = {
  userId: id(31),
  agencyId: id(32),
  agencyKind: AgencyKind.SCHOOL,
  isPublicAuthority: true,
  municipalityId: id(33),
  roles: new Set([Role.SCHOOL_STAFF]),
  districtIds: new Set([DISTRICT]),
};

const viewers: Record<string, ViewerScope> = {
  'no relations': { ...base, relations: relationsFrom([]) },
  'invited to talk A and B': { ...base, relations: relationsFrom([{ invitedTalkIds: [TALK_A, TALK_B] }]) },
  'on case A (basic facts) and case B (basic facts, plan actions)': {
    ...base,
    relations: relationsFrom([
      {
        caseConsents: [
          { caseId: CASE_A, consentId: id(41), categories: ['BASIC_FACTS'] },
          { caseId: CASE_B, consentId: id(42), categories: ['BASIC_FACTS', 'PLAN_ACTIONS'] },
        ],
      },
    ]),
  },
  'on case C under two consents from two modules': {
    ...base,
    relations: relationsFrom([
      { caseConsents: [{ caseId: CASE_C, consentId: id(43), categories: ['BASIC_FACTS'] }] },
      { invitedTalkIds: [TALK_C], caseConsents: [{ caseId: CASE_C, consentId: id(44), categories: ['PLAN_ACTIONS'] }] },
    ]),
  },
};

/** Rows of a table that carries every relation fact, including rows with none. */
const ROWS: (SubjectFacts & { id: number })[] = [
  { id: 1, talkId: TALK_A, caseId: null, districtId: DISTRICT },
  { id: 2, talkId: TALK_B, caseId: CASE_A, districtId: OTHER_DISTRICT },
  { id: 3, talkId: TALK_C, caseId: CASE_B, districtId: DISTRICT },
  { id: 4, talkId: null, caseId: CASE_C, districtId: OTHER_DISTRICT },
  { id: 5, talkId: id(99), caseId: id(98), districtId: DISTRICT },
  { id: 6, talkId: null, caseId: null, districtId: null },
];

const COLUMNS: FactColumns = { talkId: 't.talk_id', caseId: 't.case_id', districtId: 't.district_id' };

const conditions: Record<string, Condition> = {
  invitedToTalk,
  'teamMemberWithConsent(BASIC_FACTS)': teamMemberWithConsent('BASIC_FACTS'),
  'teamMemberWithConsent(PLAN_ACTIONS)': teamMemberWithConsent('PLAN_ACTIONS'),
  'teamMemberWithConsent(CRIME_DATA)': teamMemberWithConsent('CRIME_DATA'),
  'invitedToTalk or teamMemberWithConsent(PLAN_ACTIONS)': or(invitedToTalk, teamMemberWithConsent('PLAN_ACTIONS')),
  'teamMemberWithConsent(BASIC_FACTS) and sameDistrict': and(teamMemberWithConsent('BASIC_FACTS'), sameDistrict),
};

let db: TestDatabase;
let client: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query(`CREATE TEMP TABLE facts (id int PRIMARY KEY, talk_id uuid, case_id uuid, district_id uuid)`);
  for (const r of ROWS) await client.query(`INSERT INTO facts VALUES ($1, $2, $3, $4)`, [r.id, r.talkId, r.caseId, r.districtId]);
});

afterAll(async () => {
  await client.end();
  await db.drop();
});

const cases = Object.entries(conditions).flatMap(([conditionName, condition]) =>
  Object.entries(viewers).map(([viewerName, viewer]) => [conditionName, viewerName, condition, viewer] as const),
);

describe('relation conditions: in memory and in SQL pick the same rows', () => {
  it.each(cases)('%s, viewer %s', async (_c, _v, condition, viewer) => {
    const inMemory = ROWS.filter((r) => holds(condition, viewer, r)).map((r) => r.id);
    const params: unknown[] = [];
    const where = conditionToSql(condition, viewer, COLUMNS, params);
    const { rows } = await client.query(`SELECT t.id FROM facts t WHERE ${where} ORDER BY t.id`, params);
    expect(rows.map((r: { id: number }) => r.id)).toEqual(inMemory);
  });

  it('the cases are not vacuous: each relation condition admits some row for some viewer and refuses some', () => {
    for (const condition of Object.values(conditions)) {
      const verdicts = Object.values(viewers).flatMap((v) => ROWS.map((r) => holds(condition, v, r)));
      if (condition !== conditions['teamMemberWithConsent(CRIME_DATA)']) expect(verdicts).toContain(true);
      expect(verdicts).toContain(false);
    }
  });
});
