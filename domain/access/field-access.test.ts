import { SubjectFacts } from './conditions';
import { FieldAccess } from './field-access';
import { decide } from './policy';
import { TYPE_POLICIES } from './policy-table';
import { AgencyKind, Role } from './roles';
import { ViewerScope } from './viewer-scope';

const AGENCY = '00000000-0000-4000-8000-00000000000a';
const OTHER_AGENCY = '00000000-0000-4000-8000-00000000000b';
const DISTRICT = '00000000-0000-4000-8000-0000000000d1';
const OTHER_DISTRICT = '00000000-0000-4000-8000-0000000000d9';
const USER = '00000000-0000-4000-8000-000000000001';
const MUNICIPALITY = '00000000-0000-4000-8000-0000000000f1';

const scope = (roles: Role[], isPublicAuthority = true): ViewerScope => ({
  userId: USER, agencyId: AGENCY, agencyKind: AgencyKind.SOCIAL_SERVICES, isPublicAuthority, municipalityId: MUNICIPALITY,
  roles: new Set(roles), districtIds: new Set([DISTRICT]),
});

const FACTS: SubjectFacts[] = [
  {},
  { districtId: DISTRICT, reporterAgencyId: AGENCY, userId: USER, agencyId: AGENCY, municipalityId: MUNICIPALITY },
  { districtId: DISTRICT, reporterAgencyId: OTHER_AGENCY },
  { districtId: OTHER_DISTRICT, reporterAgencyId: AGENCY },
  { districtId: OTHER_DISTRICT, reporterAgencyId: OTHER_AGENCY, userId: 'someone else', agencyId: OTHER_AGENCY, municipalityId: 'elsewhere' },
];

const SCOPES = [
  ...Object.values(Role).map((role) => scope([role])),
  scope([Role.SCHOOL_STAFF], false),
  scope([Role.SOCIAL_WORKER, Role.SOCIAL_SERVICES_SUPERVISOR]),
];

describe('FieldAccess', () => {
  it('decides every field of every type exactly as decide() does field by field', () => {
    let cases = 0;
    const mismatches: unknown[] = [];
    for (const viewer of SCOPES) {
      const access = new FieldAccess(viewer, TYPE_POLICIES);
      for (const [type, policy] of TYPE_POLICIES) {
        for (const facts of FACTS) {
          const decision = access.decide(type, facts);
          for (const [field, grants] of Object.entries(policy.fields)) {
            const expected = decide(viewer, grants, facts);
            const got = decision.fields.get(field);
            const same = got?.allowed === expected.allowed && (!expected.allowed || (got.allowed && got.basis === expected.basis));
            if (!same || decision.denied.has(field) === expected.allowed) mismatches.push({ roles: [...viewer.roles], type, field, facts, got, expected });
            cases += 1;
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cases).toBeGreaterThan(1000);
  });

  it('reuses one decision for objects whose grants come out the same', () => {
    const access = new FieldAccess(scope([Role.POLICE_OFFICER]), TYPE_POLICIES);
    const a = access.decide('Report', { districtId: DISTRICT, reporterAgencyId: AGENCY });
    const b = access.decide('Report', { districtId: OTHER_DISTRICT, reporterAgencyId: AGENCY });
    expect(b).toBe(a);
    expect(access.decide('Report', { districtId: DISTRICT, reporterAgencyId: OTHER_AGENCY })).not.toBe(a);
  });

  it('groups the requested fields by outcome and basis, for the audit', () => {
    const access = new FieldAccess(scope([Role.POLICE_OFFICER]), TYPE_POLICIES);
    const decision = access.decide('Report', { districtId: DISTRICT, reporterAgencyId: AGENCY });
    const requested = ['reference', 'feedback', 'id', 'child', 'feedbackStatus', 'acuteDanger'];
    expect(decision.readGroups(requested)).toEqual([
      { allowed: true, basis: 'SAME_AGENCY', fields: ['id', 'reference'] },
      { allowed: true, basis: 'REPORTING_DUTY', fields: ['feedback', 'feedbackStatus'] },
      { allowed: false, basis: null, fields: ['acuteDanger', 'child'] },
    ]);
    expect(decision.readGroups(requested)).toBe(decision.readGroups(requested));
  });
});
