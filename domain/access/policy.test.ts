import { always, publicAuthorityOnly, reporterAgency, sameAgency, sameDistrict, self } from './conditions';
import { LegalBasis } from './legal-basis';
import { Grant, decide, definePolicy, grant, rowScopeSql } from './policy';
import { AgencyKind, Role } from './roles';
import { NO_RELATIONS, ViewerScope } from './viewer-scope';

const AGENCY = '00000000-0000-4000-8000-00000000000a';
const OTHER_AGENCY = '00000000-0000-4000-8000-00000000000b';
const DISTRICT = '00000000-0000-4000-8000-0000000000d1';
const OTHER_DISTRICT = '00000000-0000-4000-8000-0000000000d9';
const USER = '00000000-0000-4000-8000-000000000001';

const scope = (roles: Role[], change: Partial<ViewerScope> = {}): ViewerScope => ({
  userId: USER,
  agencyId: AGENCY,
  agencyKind: AgencyKind.SOCIAL_SERVICES,
  isPublicAuthority: true,
  municipalityId: '00000000-0000-4000-8000-0000000000f1',
  roles: new Set(roles),
  districtIds: new Set([DISTRICT]),
  relations: NO_RELATIONS,
  ...change,
});

// Narrowest disclosure first, as the policy table lists them.
const grants: readonly Grant[] = [
  grant([Role.SOCIAL_WORKER, Role.SOCIAL_SERVICES_SUPERVISOR], sameDistrict, LegalBasis.SAME_AGENCY),
  grant([Role.POLICE_OFFICER, Role.SCHOOL_STAFF], reporterAgency, LegalBasis.SAME_AGENCY),
  grant([Role.POLICE_OFFICER], reporterAgency, LegalBasis.REPORTING_DUTY),
  grant([Role.SSPF_COORDINATOR], sameAgency, LegalBasis.CONSENT),
];

describe('decide', () => {
  it.each<[string, Role[], Partial<ViewerScope>, object, ReturnType<typeof decide>]>([
    [
      'a social worker in the district',
      [Role.SOCIAL_WORKER],
      {},
      { districtId: DISTRICT },
      { allowed: true, basis: LegalBasis.SAME_AGENCY },
    ],
    [
      'a supervisor in the district',
      [Role.SOCIAL_SERVICES_SUPERVISOR],
      {},
      { districtId: DISTRICT },
      { allowed: true, basis: LegalBasis.SAME_AGENCY },
    ],
    ['a social worker outside the district', [Role.SOCIAL_WORKER], {}, { districtId: OTHER_DISTRICT }, { allowed: false }],
    ['a social worker without facts', [Role.SOCIAL_WORKER], {}, {}, { allowed: false }],
    [
      'the reporting police officer gets the first matching basis',
      [Role.POLICE_OFFICER],
      {},
      { reporterAgencyId: AGENCY },
      { allowed: true, basis: LegalBasis.SAME_AGENCY },
    ],
    ['a police officer from another agency', [Role.POLICE_OFFICER], {}, { reporterAgencyId: OTHER_AGENCY }, { allowed: false }],
    ['a school that reported', [Role.SCHOOL_STAFF], {}, { reporterAgencyId: AGENCY }, { allowed: true, basis: LegalBasis.SAME_AGENCY }],
    ['a coordinator in the same agency', [Role.SSPF_COORDINATOR], {}, { agencyId: AGENCY }, { allowed: true, basis: LegalBasis.CONSENT }],
    [
      'a role no grant names, though the facts match',
      [Role.ANALYST],
      {},
      { districtId: DISTRICT, reporterAgencyId: AGENCY, agencyId: AGENCY },
      { allowed: false },
    ],
    ['a viewer with no roles', [], {}, { districtId: DISTRICT }, { allowed: false }],
    [
      'the facts match a grant for a role the viewer lacks',
      [Role.SCHOOL_STAFF],
      {},
      { districtId: DISTRICT, reporterAgencyId: OTHER_AGENCY },
      { allowed: false },
    ],
    [
      "a later grant when the first one's condition fails",
      [Role.SOCIAL_WORKER, Role.SSPF_COORDINATOR],
      {},
      { districtId: OTHER_DISTRICT, agencyId: AGENCY },
      { allowed: true, basis: LegalBasis.CONSENT },
    ],
    [
      'the first grant when both match',
      [Role.SOCIAL_WORKER, Role.SSPF_COORDINATOR],
      {},
      { districtId: DISTRICT, agencyId: AGENCY },
      { allowed: true, basis: LegalBasis.SAME_AGENCY },
    ],
  ])('%s', (_case, roles, change, facts, expected) => {
    expect(decide(scope(roles, change), grants, facts)).toEqual(expected);
  });

  it('uses the grant order, not the basis, to choose', () => {
    const reversed = [grants[2], grants[1]];
    expect(decide(scope([Role.POLICE_OFFICER]), reversed, { reporterAgencyId: AGENCY })).toEqual({
      allowed: true,
      basis: LegalBasis.REPORTING_DUTY,
    });
  });

  it('returns a null basis for data about no child', () => {
    expect(decide(scope([Role.ADMIN]), [grant([Role.ADMIN], self, null)], { userId: USER })).toEqual({ allowed: true, basis: null });
  });

  it('denies with no grants at all', () => {
    expect(decide(scope([Role.SOCIAL_WORKER]), [], { districtId: DISTRICT })).toEqual({ allowed: false });
  });

  it('denies a private association a grant that needs a public authority', () => {
    const crimeData = [grant([Role.LEISURE_STAFF], publicAuthorityOnly, LegalBasis.CONSENT)];
    expect(decide(scope([Role.LEISURE_STAFF], { isPublicAuthority: false }), crimeData, {})).toEqual({ allowed: false });
    expect(decide(scope([Role.LEISURE_STAFF]), crimeData, {})).toEqual({ allowed: true, basis: LegalBasis.CONSENT });
  });
});

describe('rowScopeSql', () => {
  const columns = { districtId: 'r.district_id', reporterAgencyId: 'r.reporter_agency_id', agencyId: 'r.agency_id' };

  it.each<[string, Role[], string, unknown[]]>([
    ['none of the roles', [Role.ANALYST], 'FALSE', []],
    ['no roles at all', [], 'FALSE', []],
    ['a social worker', [Role.SOCIAL_WORKER], '(r.district_id = ANY($1::uuid[]))', [[DISTRICT]]],
    ['a school', [Role.SCHOOL_STAFF], '(r.reporter_agency_id = $1)', [AGENCY]],
    [
      'a police officer matches two grants',
      [Role.POLICE_OFFICER],
      '(r.reporter_agency_id = $1 OR r.reporter_agency_id = $2)',
      [AGENCY, AGENCY],
    ],
    [
      'a viewer with two roles gets both grants',
      [Role.SOCIAL_WORKER, Role.SSPF_COORDINATOR],
      '(r.district_id = ANY($1::uuid[]) OR r.agency_id = $2)',
      [[DISTRICT], AGENCY],
    ],
  ])('%s', (_case, roles, sql, params) => {
    expect(rowScopeSql(scope(roles), grants, columns)).toEqual({ sql, params });
  });

  it('continues the numbering of the parameters it is given and returns the same list', () => {
    const params: unknown[] = ['search term'];
    const fragment = rowScopeSql(scope([Role.SOCIAL_WORKER]), grants, columns, params);
    expect(fragment.sql).toBe('(r.district_id = ANY($2::uuid[]))');
    expect(fragment.params).toBe(params);
    expect(params).toEqual(['search term', [DISTRICT]]);
  });

  it('binds nothing when it denies', () => {
    const params: unknown[] = ['search term'];
    expect(rowScopeSql(scope([Role.ADMIN]), grants, columns, params)).toEqual({ sql: 'FALSE', params: ['search term'] });
  });

  it('denies with FALSE when a grant needs a fact the table lacks', () => {
    expect(rowScopeSql(scope([Role.SCHOOL_STAFF]), grants, { districtId: 'c.district_id' })).toEqual({ sql: '(FALSE)', params: [] });
  });

  it('allows every row of an always grant', () => {
    expect(rowScopeSql(scope([Role.ADMIN]), [grant([Role.ADMIN], always, null)], {})).toEqual({ sql: '(TRUE)', params: [] });
  });
});

describe('definePolicy', () => {
  interface Thing {
    id: string;
    name: string;
  }

  it('refuses a personal type with a grant that has no legal basis', () => {
    expect(() =>
      definePolicy<Thing>()({
        type: 'Thing',
        personal: true,
        rows: [grant([Role.SOCIAL_WORKER], sameDistrict, LegalBasis.SAME_AGENCY)],
        facts: () => ({}),
        fields: { id: [grant([Role.SOCIAL_WORKER], sameDistrict, LegalBasis.SAME_AGENCY)], name: [grant([Role.ADMIN], always, null)] },
      }),
    ).toThrow('Policy for Thing');
  });

  it('accepts a grant without a basis on a type that is not personal', () => {
    const policy = definePolicy<Thing>()({
      type: 'Thing',
      personal: false,
      rows: [grant([Role.ADMIN], always, null)],
      facts: () => ({}),
      fields: { id: [grant([Role.ADMIN], always, null)], name: [grant([Role.ADMIN], always, null)] },
    });
    expect(policy.type).toBe('Thing');
    expect(Object.isFrozen(policy)).toBe(true);
  });
});
