import { SubjectFacts, or, sameAgency, teamMemberWithConsent } from '../../domain/access/conditions';
import { LegalBasis } from '../../domain/access/legal-basis';
import { FieldAccess } from '../../domain/access/field-access';
import { decide, definePolicy, grant, TypePolicy } from '../../domain/access/policy';
import { TYPE_POLICIES } from './policy-table';
import { AgencyKind, Role } from '../../domain/access/roles';
import { ViewerScope } from '../../domain/access/viewer-scope';

const AGENCY = '00000000-0000-4000-8000-00000000000a';
const OTHER_AGENCY = '00000000-0000-4000-8000-00000000000b';
const DISTRICT = '00000000-0000-4000-8000-0000000000d1';
const OTHER_DISTRICT = '00000000-0000-4000-8000-0000000000d9';
const USER = '00000000-0000-4000-8000-000000000001';
const MUNICIPALITY = '00000000-0000-4000-8000-0000000000f1';

const scope = (roles: Role[], isPublicAuthority = true): ViewerScope => ({
  userId: USER, agencyId: AGENCY, agencyKind: AgencyKind.SOCIAL_SERVICES, isPublicAuthority, municipalityId: MUNICIPALITY,
  roles: new Set(roles), districtIds: new Set([DISTRICT]),
  relations: {
    invitedTalkIds: new Set(['talk-1']),
    caseConsents: new Map([
      ['case-1', [{ consentId: 'consent-1', categories: new Set(['PLAN_ACTIONS']) }]],
      ['case-2', [{ consentId: 'consent-2', categories: new Set(['PLAN_ACTIONS', 'BASIC_FACTS']) }]],
    ]),
    teamCaseIds: new Set(['case-1', 'case-2']),
  },
});

/** A type shaped like the collaboration module's, with consent-bearing grants. */
const planAction: TypePolicy = definePolicy<{ id: unknown; title: unknown; note: unknown }>()({
  type: 'PlanAction', personal: true, rows: [], facts: (row) => row as SubjectFacts,
  fields: {
    id: [grant(Object.values(Role), or(sameAgency, teamMemberWithConsent('PLAN_ACTIONS')), LegalBasis.CONSENT)],
    title: [grant(Object.values(Role), sameAgency, LegalBasis.SAME_AGENCY), grant(Object.values(Role), teamMemberWithConsent('PLAN_ACTIONS'), LegalBasis.CONSENT)],
    note: [grant(Object.values(Role), teamMemberWithConsent('BASIC_FACTS'), LegalBasis.CONSENT)],
  },
});
const POLICIES = new Map<string, TypePolicy>([...TYPE_POLICIES, ['PlanAction', planAction]]);

const FACTS: SubjectFacts[] = [
  {},
  { districtId: DISTRICT, reporterAgencyId: AGENCY, userId: USER, agencyId: AGENCY, municipalityId: MUNICIPALITY },
  { districtId: DISTRICT, reporterAgencyId: OTHER_AGENCY },
  { districtId: OTHER_DISTRICT, reporterAgencyId: AGENCY },
  { districtId: OTHER_DISTRICT, reporterAgencyId: OTHER_AGENCY, userId: 'someone else', agencyId: OTHER_AGENCY, municipalityId: 'elsewhere' },
  { caseId: 'case-1', talkId: 'talk-1' },
  { caseId: 'case-2', agencyId: AGENCY },
  { caseId: 'case-3', talkId: 'talk-2' },
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
      const access = new FieldAccess(viewer, POLICIES);
      for (const [type, policy] of POLICIES) {
        for (const facts of FACTS) {
          const decision = access.decide(type, facts);
          for (const [field, grants] of Object.entries(policy.fields)) {
            const expected = decide(viewer, grants, facts);
            const got = decision.fields.get(field);
            const same = JSON.stringify(got) === JSON.stringify(expected);
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

  it('keeps the consent each object\'s read rests on, though the grants come out the same', () => {
    const access = new FieldAccess(scope([Role.LEISURE_STAFF]), POLICIES);
    const first = access.decide('PlanAction', { caseId: 'case-1' });
    const second = access.decide('PlanAction', { caseId: 'case-2' });
    expect(first.readGroups(['id', 'title', 'note'])).toEqual([
      { allowed: true, basis: 'CONSENT', consentId: 'consent-1', fields: ['id', 'title'] },
      { allowed: false, basis: null, consentId: null, fields: ['note'] },
    ]);
    expect(second.readGroups(['id', 'title', 'note'])).toEqual([
      { allowed: true, basis: 'CONSENT', consentId: 'consent-2', fields: ['id', 'note', 'title'] },
    ]);
    expect(access.decide('PlanAction', { caseId: 'case-1' })).toBe(first);
  });

  it('groups the requested fields by outcome and basis, for the audit', () => {
    const access = new FieldAccess(scope([Role.POLICE_OFFICER]), TYPE_POLICIES);
    const decision = access.decide('Report', { districtId: DISTRICT, reporterAgencyId: AGENCY });
    const requested = ['reference', 'feedback', 'id', 'child', 'feedbackStatus', 'acuteDanger'];
    expect(decision.readGroups(requested)).toEqual([
      { allowed: true, basis: 'SAME_AGENCY', consentId: null, fields: ['id', 'reference'] },
      { allowed: true, basis: 'REPORTING_DUTY', consentId: null, fields: ['feedback', 'feedbackStatus'] },
      { allowed: false, basis: null, consentId: null, fields: ['acuteDanger', 'child'] },
    ]);
    expect(decision.readGroups(requested)).toBe(decision.readGroups(requested));
  });
});
