import { AgencyKind } from '../access/roles';
import { ConsentScope, InformationCategory as C } from '../consent';
import { actionVisibility, caseRelation, CaseViewer, seesMeeting } from './case-visibility';
import { ActionKind } from './plan-rules';

const at = new Date('2026-12-01T00:00:00Z');
const consent: ConsentScope = {
  id: 'consent-1',
  givenAt: new Date('2026-11-01T00:00:00Z'),
  endsAt: null,
  withdrawnAt: null,
  complete: true,
  agencyIds: ['school', 'youth', 'association', 'social'],
  categories: [C.BASIC_FACTS, C.SCHOOL, C.LEISURE],
};
const theCase = { coordinatorUserId: 'coordinator', teamUserIds: ['teacher', 'leisure', 'officer', 'club'], consents: [consent] };

const viewer = (userId: string, agencyId: string, agencyKind: AgencyKind, extra: Partial<CaseViewer> = {}): CaseViewer => ({
  userId,
  agencyId,
  agencyKind,
  isPublicAuthority: true,
  isSocialServicesInDistrict: false,
  ...extra,
});
const VIEWERS = {
  coordinator: viewer('coordinator', 'social', AgencyKind.SOCIAL_SERVICES, { isSocialServicesInDistrict: true }),
  socialWorker: viewer('worker', 'social', AgencyKind.SOCIAL_SERVICES, { isSocialServicesInDistrict: true }),
  teacher: viewer('teacher', 'school', AgencyKind.SCHOOL),
  leisure: viewer('leisure', 'youth', AgencyKind.LEISURE),
  club: viewer('club', 'association', AgencyKind.LEISURE, { isPublicAuthority: false }),
  officer: viewer('officer', 'police', AgencyKind.POLICE),
  otherTeacher: viewer('other-teacher', 'school', AgencyKind.SCHOOL),
};

const ACTIONS = {
  school: { kind: ActionKind.SCHOOL_SUPPORT, responsibleAgencyKind: AgencyKind.SCHOOL, responsibleAgencyId: 'school' },
  leisure: { kind: ActionKind.LEISURE_ACTIVITY, responsibleAgencyKind: AgencyKind.LEISURE, responsibleAgencyId: 'youth' },
  clubActivity: { kind: ActionKind.LEISURE_ACTIVITY, responsibleAgencyKind: AgencyKind.LEISURE, responsibleAgencyId: 'association' },
  clubPolice: { kind: ActionKind.POLICE_COOPERATION, responsibleAgencyKind: AgencyKind.LEISURE, responsibleAgencyId: 'association' },
  police: { kind: ActionKind.POLICE_COOPERATION, responsibleAgencyKind: AgencyKind.POLICE, responsibleAgencyId: 'police' },
  guardians: { kind: ActionKind.GUARDIAN_SUPPORT, responsibleAgencyKind: AgencyKind.SOCIAL_SERVICES, responsibleAgencyId: 'social' },
};

describe('caseRelation', () => {
  it.each<[keyof typeof VIEWERS, string]>([
    ['coordinator', 'COORDINATOR'],
    ['socialWorker', 'SOCIAL_SERVICES'],
    ['teacher', 'PARTNER'],
    ['leisure', 'PARTNER'],
    ['club', 'PARTNER'],
    ['officer', 'NONE'],
    ['otherTeacher', 'NONE'],
  ])('%s is %s', (who, kind) => expect(caseRelation(VIEWERS[who], theCase, at).kind).toBe(kind));

  it('carries the consent id for partners and loses them at withdrawal', () => {
    expect(caseRelation(VIEWERS.teacher, theCase, at)).toMatchObject({ kind: 'PARTNER', consentId: 'consent-1' });
    const withdrawn = { ...theCase, consents: [{ ...consent, withdrawnAt: new Date('2026-11-30T00:00:00Z') }] };
    expect(caseRelation(VIEWERS.teacher, withdrawn, at).kind).toBe('NONE');
    expect(caseRelation(VIEWERS.coordinator, withdrawn, at).kind).toBe('COORDINATOR');
  });
});

describe('actionVisibility (viewer × action)', () => {
  const table: [keyof typeof VIEWERS, keyof typeof ACTIONS, 'FULL' | 'HIDDEN'][] = [
    ['coordinator', 'school', 'FULL'],
    ['coordinator', 'police', 'FULL'],
    ['coordinator', 'guardians', 'FULL'],
    ['socialWorker', 'school', 'FULL'],
    ['socialWorker', 'guardians', 'FULL'],
    ['socialWorker', 'police', 'HIDDEN'],
    ['teacher', 'school', 'FULL'],
    ['teacher', 'leisure', 'HIDDEN'],
    ['teacher', 'guardians', 'HIDDEN'],
    ['teacher', 'police', 'HIDDEN'],
    ['leisure', 'leisure', 'FULL'],
    ['leisure', 'school', 'HIDDEN'],
    ['leisure', 'clubActivity', 'HIDDEN'],
    ['club', 'clubActivity', 'FULL'],
    ['club', 'clubPolice', 'HIDDEN'],
    ['club', 'police', 'HIDDEN'],
    ['officer', 'police', 'HIDDEN'],
    ['otherTeacher', 'school', 'HIDDEN'],
  ];
  it.each(table)('%s sees %s: %s', (who, action, expected) => {
    const v = VIEWERS[who];
    expect(actionVisibility(v, caseRelation(v, theCase, at), ACTIONS[action])).toBe(expected);
  });
});

describe('seesMeeting', () => {
  it.each<[keyof typeof VIEWERS, string[], boolean]>([
    ['coordinator', [], true],
    ['socialWorker', [], true],
    ['teacher', ['teacher'], true],
    ['teacher', ['leisure'], false],
    ['officer', ['officer'], false],
  ])('%s attending %j: %s', (who, attendees, expected) => {
    const v = VIEWERS[who];
    expect(seesMeeting(v, caseRelation(v, theCase, at), attendees)).toBe(expected);
  });
});
