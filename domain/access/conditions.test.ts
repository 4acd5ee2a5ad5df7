import {
  Condition,
  FactColumns,
  SubjectFacts,
  always,
  and,
  conditionToSql,
  consentCoversCategory,
  consentUsed,
  describeCondition,
  filedByViewer,
  holds,
  invitedToTalk,
  or,
  onTeam,
  clockOn,
  publicAuthorityForCrimeData,
  publicAuthorityOnly,
  reporterAgency,
  sameAgency,
  sameDistrict,
  sameMunicipality,
  self,
  teamMemberWithConsent,
} from './conditions';
import { AgencyKind, Role } from './roles';
import { NO_RELATIONS, ViewerScope } from './viewer-scope';

const USER = '00000000-0000-4000-8000-000000000001';
const OTHER_USER = '00000000-0000-4000-8000-000000000002';
const AGENCY = '00000000-0000-4000-8000-00000000000a';
const OTHER_AGENCY = '00000000-0000-4000-8000-00000000000b';
const DISTRICT_1 = '00000000-0000-4000-8000-0000000000d1';
const DISTRICT_2 = '00000000-0000-4000-8000-0000000000d2';
const OTHER_DISTRICT = '00000000-0000-4000-8000-0000000000d9';
const MUNICIPALITY = '00000000-0000-4000-8000-0000000000f1';
const OTHER_MUNICIPALITY = '00000000-0000-4000-8000-0000000000f2';

const viewer: ViewerScope = {
  userId: USER,
  agencyId: AGENCY,
  agencyKind: AgencyKind.SOCIAL_SERVICES,
  isPublicAuthority: true,
  municipalityId: MUNICIPALITY,
  roles: new Set([Role.SOCIAL_WORKER]),
  districtIds: new Set([DISTRICT_1, DISTRICT_2]),
  relations: NO_RELATIONS,
};

const association: ViewerScope = {
  ...viewer,
  agencyKind: AgencyKind.LEISURE,
  isPublicAuthority: false,
  roles: new Set([Role.LEISURE_STAFF]),
  districtIds: new Set(),
};

describe('holds', () => {
  it.each<[string, Condition, SubjectFacts, boolean]>([
    ['always, with no facts', always, {}, true],
    ['self, own record', self, { userId: USER }, true],
    ["self, someone else's record", self, { userId: OTHER_USER }, false],
    ['self, no user fact', self, {}, false],
    ['self, null user fact', self, { userId: null }, false],
    ['self, empty user fact', self, { userId: '' }, false],
    ['sameAgency, own agency', sameAgency, { agencyId: AGENCY }, true],
    ['sameAgency, other agency', sameAgency, { agencyId: OTHER_AGENCY }, false],
    ['sameAgency, no agency fact', sameAgency, {}, false],
    ['sameAgency, the reporter agency is not the holding agency', sameAgency, { reporterAgencyId: AGENCY }, false],
    ['sameDistrict, first served district', sameDistrict, { districtId: DISTRICT_1 }, true],
    ['sameDistrict, second served district', sameDistrict, { districtId: DISTRICT_2 }, true],
    ['sameDistrict, other district', sameDistrict, { districtId: OTHER_DISTRICT }, false],
    ['sameDistrict, no district fact', sameDistrict, {}, false],
    ['sameDistrict, null district fact', sameDistrict, { districtId: null }, false],
    ['sameMunicipality, own municipality', sameMunicipality, { municipalityId: MUNICIPALITY }, true],
    ['sameMunicipality, other municipality', sameMunicipality, { municipalityId: OTHER_MUNICIPALITY }, false],
    ['sameMunicipality, no municipality fact', sameMunicipality, {}, false],
    ['reporterAgency, own agency reported', reporterAgency, { reporterAgencyId: AGENCY }, true],
    ['reporterAgency, other agency reported', reporterAgency, { reporterAgencyId: OTHER_AGENCY }, false],
    ['reporterAgency, no reporter fact', reporterAgency, {}, false],
    ['reporterAgency, the holding agency is not the reporter', reporterAgency, { agencyId: AGENCY }, false],
    ['filedByViewer, the viewer filed it', filedByViewer, { filedByUserId: USER }, true],
    ['filedByViewer, a colleague filed it', filedByViewer, { filedByUserId: OTHER_USER }, false],
    ['filedByViewer, no filer fact', filedByViewer, {}, false],
    ['filedByViewer, the record belonging to the viewer is not filing it', filedByViewer, { userId: USER }, false],
    [
      'need to know: own agency and filed by the viewer',
      and(reporterAgency, filedByViewer),
      { reporterAgencyId: AGENCY, filedByUserId: USER },
      true,
    ],
    [
      'need to know: own agency, a colleague filed it',
      and(reporterAgency, filedByViewer),
      { reporterAgencyId: AGENCY, filedByUserId: OTHER_USER },
      false,
    ],
    ['publicAuthorityOnly, public authority', publicAuthorityOnly, {}, true],
    ['and, all hold', and(sameDistrict, sameMunicipality), { districtId: DISTRICT_1, municipalityId: MUNICIPALITY }, true],
    ['and, one fails', and(sameDistrict, sameMunicipality), { districtId: DISTRICT_1, municipalityId: OTHER_MUNICIPALITY }, false],
    ['and, a fact is missing', and(sameDistrict, sameMunicipality), { districtId: DISTRICT_1 }, false],
    ['or, first holds', or(sameAgency, reporterAgency), { agencyId: AGENCY }, true],
    ['or, second holds', or(sameAgency, reporterAgency), { reporterAgencyId: AGENCY }, true],
    ['or, none holds', or(sameAgency, reporterAgency), { agencyId: OTHER_AGENCY, reporterAgencyId: OTHER_AGENCY }, false],
    ['nested', and(sameDistrict, or(self, sameAgency)), { districtId: DISTRICT_2, agencyId: AGENCY }, true],
    ['nested, outer fails', and(sameDistrict, or(self, sameAgency)), { districtId: OTHER_DISTRICT, agencyId: AGENCY }, false],
    ['nested, inner fails', and(sameDistrict, or(self, sameAgency)), { districtId: DISTRICT_2, userId: OTHER_USER }, false],
    ['empty and', and(), {}, true],
    ['empty or', or(), {}, false],
  ])('%s → %s', (_case, condition, facts, expected) => {
    expect(holds(condition, viewer, facts)).toBe(expected);
  });

  it.each<[string, Condition, SubjectFacts, boolean]>([
    ['publicAuthorityOnly', publicAuthorityOnly, {}, false],
    ['publicAuthorityOnly and own agency', and(publicAuthorityOnly, reporterAgency), { reporterAgencyId: AGENCY }, false],
    ['own agency', reporterAgency, { reporterAgencyId: AGENCY }, true],
    ['sameDistrict when the agency serves no district', sameDistrict, { districtId: DISTRICT_1 }, false],
  ])('for a private association: %s → %s', (_case, condition, facts, expected) => {
    expect(holds(condition, association, facts)).toBe(expected);
  });

  it('throws on a condition kind it does not know', () => {
    expect(() => holds({ kind: 'everyone' } as unknown as Condition, viewer, {})).toThrow('Unknown condition');
  });
});

describe('conditionToSql', () => {
  const allColumns: FactColumns = {
    userId: 'r.user_id',
    agencyId: 'r.agency_id',
    districtId: 'r.district_id',
    municipalityId: 'r.municipality_id',
    reporterAgencyId: 'r.reporter_agency_id',
    filedByUserId: 'r.registered_by_user_id',
  };

  it.each<[string, Condition, string, unknown[]]>([
    ['always', always, 'TRUE', []],
    ['self', self, 'r.user_id = $1', [USER]],
    ['sameAgency', sameAgency, 'r.agency_id = $1', [AGENCY]],
    ['sameDistrict', sameDistrict, 'r.district_id = ANY($1::uuid[])', [[DISTRICT_1, DISTRICT_2]]],
    ['sameMunicipality', sameMunicipality, 'r.municipality_id = $1', [MUNICIPALITY]],
    ['reporterAgency', reporterAgency, 'r.reporter_agency_id = $1', [AGENCY]],
    ['filedByViewer', filedByViewer, 'r.registered_by_user_id = $1', [USER]],
    ['publicAuthorityOnly', publicAuthorityOnly, 'TRUE', []],
    ['and', and(sameDistrict, sameAgency), '(r.district_id = ANY($1::uuid[]) AND r.agency_id = $2)', [[DISTRICT_1, DISTRICT_2], AGENCY]],
    ['or', or(sameAgency, reporterAgency), '(r.agency_id = $1 OR r.reporter_agency_id = $2)', [AGENCY, AGENCY]],
    [
      'nested',
      and(sameMunicipality, or(self, reporterAgency)),
      '(r.municipality_id = $1 AND (r.user_id = $2 OR r.reporter_agency_id = $3))',
      [MUNICIPALITY, USER, AGENCY],
    ],
    ['empty and is true, like holds', and(), 'TRUE', []],
    ['empty or is false, like holds', or(), 'FALSE', []],
  ])('%s', (_case, condition, sql, params) => {
    const bound: unknown[] = [];
    expect(conditionToSql(condition, viewer, allColumns, bound)).toBe(sql);
    expect(bound).toEqual(params);
  });

  it('numbers its parameters after the ones already bound', () => {
    const bound: unknown[] = ['earlier', 42];
    expect(conditionToSql(or(self, sameAgency), viewer, allColumns, bound)).toBe('(r.user_id = $3 OR r.agency_id = $4)');
    expect(bound).toEqual(['earlier', 42, USER, AGENCY]);
  });

  it.each<[string, Condition]>([
    ['self', self],
    ['sameAgency', sameAgency],
    ['sameDistrict', sameDistrict],
    ['sameMunicipality', sameMunicipality],
    ['reporterAgency', reporterAgency],
    ['filedByViewer', filedByViewer],
  ])('compiles %s to FALSE, binding nothing, when the table lacks the fact', (_case, condition) => {
    const bound: unknown[] = [];
    expect(conditionToSql(condition, viewer, {}, bound)).toBe('FALSE');
    expect(bound).toEqual([]);
  });

  it('keeps the facts the table has when it lacks others', () => {
    const bound: unknown[] = [];
    expect(conditionToSql(or(sameAgency, sameDistrict), viewer, { districtId: 'c.district_id' }, bound)).toBe(
      '(FALSE OR c.district_id = ANY($1::uuid[]))',
    );
    expect(bound).toEqual([[DISTRICT_1, DISTRICT_2]]);
  });

  it("does not read the fact of one condition from another fact's column", () => {
    const bound: unknown[] = [];
    expect(conditionToSql(reporterAgency, viewer, { agencyId: 'r.agency_id' }, bound)).toBe('FALSE');
    expect(conditionToSql(sameAgency, viewer, { reporterAgencyId: 'r.reporter_agency_id' }, bound)).toBe('FALSE');
    expect(bound).toEqual([]);
  });

  it('compiles publicAuthorityOnly to FALSE for a private association', () => {
    const bound: unknown[] = [];
    expect(conditionToSql(and(publicAuthorityOnly, reporterAgency), association, allColumns, bound)).toBe(
      '(FALSE AND r.reporter_agency_id = $1)',
    );
    expect(bound).toEqual([AGENCY]);
  });

  it('binds an empty district list for an agency that serves no district', () => {
    const bound: unknown[] = [];
    expect(conditionToSql(sameDistrict, association, allColumns, bound)).toBe('r.district_id = ANY($1::uuid[])');
    expect(bound).toEqual([[]]);
  });

  it('never puts a viewer value into the SQL text', () => {
    const bound: unknown[] = [];
    const hostile: ViewerScope = { ...viewer, userId: "x' OR '1'='1", agencyId: "y'; DROP TABLE report; --" };
    const sql = conditionToSql(or(self, sameAgency, reporterAgency), hostile, allColumns, bound);
    expect(sql).not.toContain("'");
    expect(bound).toEqual([hostile.userId, hostile.agencyId, hostile.agencyId]);
  });
});

describe('describeCondition', () => {
  it.each<[Condition, string]>([
    [always, 'always'],
    [sameDistrict, 'sameDistrict'],
    [and(sameDistrict, publicAuthorityOnly), 'sameDistrict and publicAuthorityOnly'],
    [or(sameAgency, reporterAgency), '(sameAgency or reporterAgency)'],
    [and(sameMunicipality, or(self, sameAgency)), 'sameMunicipality and (self or sameAgency)'],
  ])('%o reads "%s"', (condition, text) => {
    expect(describeCondition(condition)).toBe(text);
  });
});

describe('relation conditions', () => {
  const TALK = '00000000-0000-4000-8000-0000000000a1';
  const CASE = '00000000-0000-4000-8000-0000000000c1';
  const OTHER_CASE = '00000000-0000-4000-8000-0000000000c2';
  const CONSENT = '00000000-0000-4000-8000-0000000000e1';
  const teamMember: ViewerScope = {
    ...viewer,
    relations: {
      invitedTalkIds: new Set([TALK]),
      caseConsents: new Map([[CASE, [{ consentId: CONSENT, categories: new Set(['BASIC_FACTS']) }]]]),
      teamCaseIds: new Set([CASE]),
    },
  };

  it.each<[string, Condition, SubjectFacts, boolean]>([
    ['invited to the talk', invitedToTalk, { talkId: TALK }, true],
    ['not invited to that talk', invitedToTalk, { talkId: OTHER_CASE }, false],
    ['no talk fact', invitedToTalk, {}, false],
    ['on the team, consent covers the category', teamMemberWithConsent('BASIC_FACTS'), { caseId: CASE }, true],
    ['on the team, consent does not cover the category', teamMemberWithConsent('CRIME_DATA'), { caseId: CASE }, false],
    ["not on that case's team", teamMemberWithConsent('BASIC_FACTS'), { caseId: OTHER_CASE }, false],
    ['no case fact', teamMemberWithConsent('BASIC_FACTS'), {}, false],
  ])('%s → %s', (_case, condition, facts, expected) => {
    expect(holds(condition, teamMember, facts)).toBe(expected);
    expect(holds(condition, viewer, facts)).toBe(false);
  });

  it.each<[string, Condition, SubjectFacts, boolean]>([
    ['a school part, consent covers basic facts only', consentCoversCategory, { caseId: CASE, category: 'SCHOOL' }, false],
    ['a basic-facts part, consent covers basic facts', consentCoversCategory, { caseId: CASE, category: 'BASIC_FACTS' }, true],
    ['a part of no category', consentCoversCategory, { caseId: CASE }, false],
    ['a part of another case', consentCoversCategory, { caseId: OTHER_CASE, category: 'BASIC_FACTS' }, false],
    ['a current team member', onTeam, { caseId: CASE }, true],
    ['not on that team', onTeam, { caseId: OTHER_CASE }, false],
  ])("the consent's categories decide each part: %s → %s", (_case, condition, facts, expected) => {
    expect(holds(condition, teamMember, facts)).toBe(expected);
    expect(holds(condition, viewer, facts)).toBe(false);
  });

  it("reads a clock like its subject: the clock's subject decides which grants apply", () => {
    expect(holds(clockOn('REPORT', 'TALK'), viewer, { clockSubject: 'TALK' })).toBe(true);
    expect(holds(clockOn('REPORT', 'TALK'), viewer, { clockSubject: 'PLAN_ACTION' })).toBe(false);
    expect(holds(clockOn('REPORT'), viewer, {})).toBe(false);
    const bound: unknown[] = [];
    expect(conditionToSql(clockOn('REPORT'), viewer, { clockSubject: 'd.subject_type' }, bound)).toBe('d.subject_type = ANY($1::text[])');
    expect(bound).toEqual([['REPORT']]);
    expect(conditionToSql(clockOn('REPORT'), viewer, {}, [])).toBe('FALSE');
    expect(describeCondition(and(clockOn('REPORT', 'TALK'), sameDistrict))).toBe('clockOn(REPORT, TALK) and sameDistrict');
  });

  it('compiles a category check to (case, category) pairs of the scope', () => {
    const bound: unknown[] = [];
    expect(conditionToSql(consentCoversCategory, teamMember, { caseId: 'x.case_id', category: 'x.category' }, bound)).toBe(
      "(x.case_id::text || '|' || x.category) = ANY($1::text[])",
    );
    expect(bound).toEqual([[`${CASE}|BASIC_FACTS`]]);
    expect(conditionToSql(consentCoversCategory, teamMember, { caseId: 'x.case_id' }, [])).toBe('FALSE');
    expect(consentUsed(consentCoversCategory, teamMember, { caseId: CASE, category: 'BASIC_FACTS' })).toBe(CONSENT);
  });

  it("compiles to the ids of the request's scope", () => {
    const bound: unknown[] = [];
    const columns = { talkId: 'x.talk_id', caseId: 'x.case_id' };
    expect(conditionToSql(or(invitedToTalk, teamMemberWithConsent('BASIC_FACTS')), teamMember, columns, bound)).toBe(
      '(x.talk_id = ANY($1::uuid[]) OR x.case_id = ANY($2::uuid[]))',
    );
    expect(bound).toEqual([[TALK], [CASE]]);
    expect(conditionToSql(teamMemberWithConsent('CRIME_DATA'), teamMember, columns, [])).toBe('x.case_id = ANY($1::uuid[])');
    expect(conditionToSql(invitedToTalk, teamMember, {}, [])).toBe('FALSE');
  });

  it('names the consent a decision rests on, and none otherwise', () => {
    expect(consentUsed(teamMemberWithConsent('BASIC_FACTS'), teamMember, { caseId: CASE })).toBe(CONSENT);
    expect(
      consentUsed(or(sameDistrict, teamMemberWithConsent('BASIC_FACTS')), teamMember, { caseId: CASE, districtId: DISTRICT_1 }),
    ).toBeNull();
    expect(
      consentUsed(or(sameDistrict, teamMemberWithConsent('BASIC_FACTS')), teamMember, { caseId: CASE, districtId: OTHER_DISTRICT }),
    ).toBe(CONSENT);
    expect(consentUsed(and(publicAuthorityOnly, teamMemberWithConsent('BASIC_FACTS')), teamMember, { caseId: CASE })).toBe(CONSENT);
    expect(consentUsed(invitedToTalk, teamMember, { talkId: TALK })).toBeNull();
  });

  it('reads in the access matrix', () => {
    expect(describeCondition(and(teamMemberWithConsent('PLAN_ACTIONS'), publicAuthorityOnly))).toBe(
      'teamMemberWithConsent(PLAN_ACTIONS) and publicAuthorityOnly',
    );
    expect(describeCondition(invitedToTalk)).toBe('invitedToTalk');
  });
});

describe('publicAuthorityForCrimeData (GDPR art. 10)', () => {
  const crime = { crimeInformation: 'a.crime' } as const;
  it.each<[string, ViewerScope, SubjectFacts, boolean, string]>([
    ['a public authority, crime data', viewer, { crimeInformation: true }, true, 'TRUE'],
    ['a public authority, no crime data', viewer, { crimeInformation: false }, true, 'TRUE'],
    ['a private association, crime data', association, { crimeInformation: true }, false, '(a.crime) IS FALSE'],
    ['a private association, no crime data', association, { crimeInformation: false }, true, '(a.crime) IS FALSE'],
    ['a private association, unknown', association, {}, false, '(a.crime) IS FALSE'],
  ])('%s', (_case, scope, facts, expected, sql) => {
    expect(holds(publicAuthorityForCrimeData, scope, facts)).toBe(expected);
    expect(conditionToSql(publicAuthorityForCrimeData, scope, crime, [])).toBe(sql);
  });

  it('compiles to FALSE for a private association on a table that does not say', () => {
    expect(conditionToSql(publicAuthorityForCrimeData, association, {}, [])).toBe('FALSE');
    expect(describeCondition(publicAuthorityForCrimeData)).toBe('publicAuthorityForCrimeData');
  });
});
