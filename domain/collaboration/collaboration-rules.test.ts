import { DistrictPolicy } from '../districts/district-policy';
import { DEFAULT_DISTRICT_POLICY, validateDistrictPolicy } from '../../platform/districts/district-settings';
import {
  canMove,
  CaseState,
  closingProblem,
  ClosingReason,
  CollaborationModel,
  decideModel,
  followUpReminderAt,
  modelForAge,
  staleAt,
  stateAfterConsent,
  stateAfterFollowUp,
  stateAfterGoals,
  suggestedModelSwitch,
} from './collaboration-rules';

const policy = DEFAULT_DISTRICT_POLICY;
const d = (iso: string) => new Date(iso);

describe('modelForAge with the default bands (SSFF 6–12, SSPF 12–18)', () => {
  it.each<[number, CollaborationModel | null]>([
    [5, null],
    [6, CollaborationModel.SSFF],
    [8, CollaborationModel.SSFF],
    [11, CollaborationModel.SSFF],
    [12, CollaborationModel.SSPF],
    [14, CollaborationModel.SSPF],
    [17, CollaborationModel.SSPF],
    [18, null],
    [21, null],
  ])('age %i → %s', (age, model) => expect(modelForAge(age, policy)).toBe(model));

  it('follows a district with other bands (10–17 SSPF)', () => {
    const other = { ...policy, sspfAgeBand: { min: 10, max: 17 }, ssffAgeBand: { min: 6, max: 10 } };
    expect([9, 10, 16, 17].map((age) => modelForAge(age, other))).toEqual([
      CollaborationModel.SSFF,
      CollaborationModel.SSPF,
      CollaborationModel.SSPF,
      null,
    ]);
  });
});

describe('decideModel', () => {
  it.each<[string, number, { model: CollaborationModel; reason: string } | null, ReturnType<typeof decideModel>]>([
    ['inside SSPF', 14, null, { ok: true, model: CollaborationModel.SSPF, overrideReason: null }],
    ['inside SSFF', 8, null, { ok: true, model: CollaborationModel.SSFF, overrideReason: null }],
    ['outside both', 19, null, { ok: false, problem: 'OUTSIDE_BANDS' }],
    [
      'outside both, overridden',
      19,
      { model: CollaborationModel.SSPF, reason: ' Fortsatt stöd efter 18 ' },
      { ok: true, model: CollaborationModel.SSPF, overrideReason: 'Fortsatt stöd efter 18' },
    ],
    ['an override without reason', 19, { model: CollaborationModel.SSPF, reason: '  ' }, { ok: false, problem: 'OVERRIDE_WITHOUT_REASON' }],
  ])('%s', (_case, age, override, expected) => expect(decideModel(age, policy, override)).toEqual(expected));
});

describe('suggestedModelSwitch', () => {
  it.each<[CollaborationModel, number, CollaborationModel | null]>([
    [CollaborationModel.SSFF, 11, null],
    [CollaborationModel.SSFF, 12, CollaborationModel.SSPF],
    [CollaborationModel.SSPF, 15, null],
    [CollaborationModel.SSPF, 18, null],
    [CollaborationModel.SSPF, 11, CollaborationModel.SSFF],
  ])('%s at %i', (model, age, expected) => expect(suggestedModelSwitch(model, age, policy)).toBe(expected));
});

describe('case states', () => {
  const S = CaseState;
  it.each<[CaseState, CaseState, boolean]>([
    [S.INTAKE, S.CONSENT_PENDING, true],
    [S.INTAKE, S.MAPPING, true],
    [S.INTAKE, S.PLAN_ACTIVE, false],
    [S.CONSENT_PENDING, S.MAPPING, true],
    [S.CONSENT_PENDING, S.PLAN_ACTIVE, false],
    [S.MAPPING, S.PLAN_ACTIVE, true],
    [S.PLAN_ACTIVE, S.FOLLOW_UP, true],
    [S.FOLLOW_UP, S.PLAN_ACTIVE, true],
    [S.MAPPING, S.CLOSED, true],
    [S.FOLLOW_UP, S.CLOSED, true],
    [S.CLOSED, S.INTAKE, false],
    [S.CLOSED, S.CLOSED, false],
  ])('%s → %s: %s', (from, to, ok) => expect(canMove(from, to)).toBe(ok));

  it.each<[CaseState, boolean, CaseState | null]>([
    [S.INTAKE, false, S.CONSENT_PENDING],
    [S.INTAKE, true, S.MAPPING],
    [S.CONSENT_PENDING, false, null],
    [S.CONSENT_PENDING, true, S.MAPPING],
    [S.PLAN_ACTIVE, true, null],
  ])('consent in %s (complete %s) → %s', (state, complete, next) => expect(stateAfterConsent(state, complete)).toBe(next));

  it('starts the plan when goals are set during mapping, and follow-up after the first follow-up meeting', () => {
    expect([S.MAPPING, S.PLAN_ACTIVE, S.INTAKE].map(stateAfterGoals)).toEqual([S.PLAN_ACTIVE, null, null]);
    expect([S.PLAN_ACTIVE, S.FOLLOW_UP, S.MAPPING].map(stateAfterFollowUp)).toEqual([S.FOLLOW_UP, null, null]);
  });

  it.each<[CaseState, ClosingReason, string | null, string | null]>([
    [S.PLAN_ACTIVE, ClosingReason.GOALS_MET, null, null],
    [S.INTAKE, ClosingReason.REFERRED_ELSEWHERE, null, null],
    [S.FOLLOW_UP, ClosingReason.OTHER, 'Familjen avböjde', null],
    [S.FOLLOW_UP, ClosingReason.OTHER, ' ', 'OTHER_WITHOUT_NOTE'],
    [S.CLOSED, ClosingReason.GOALS_MET, null, 'ALREADY_CLOSED'],
  ])('closing %s with %s', (state, reason, note, problem) => expect(closingProblem(state, reason, note)).toBe(problem));
});

describe('clocks of a case', () => {
  it('is stale after the district number of days without activity', () => {
    expect(staleAt(d('2026-11-23T08:00:00Z'), policy).toISOString()).toBe('2026-12-23T08:00:00.000Z');
    expect(staleAt(d('2026-11-23T08:00:00Z'), { staleCaseDays: 7 }).toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });

  it.each<[string, string, string]>([
    ['two days before', '2026-12-10T09:00:00Z', '2026-12-08T09:00:00.000Z'],
    ['at once when sooner than the lead', '2026-11-24T09:00:00Z', '2026-11-23T08:00:00.000Z'],
  ])('reminds before a follow-up %s', (_case, scheduledAt, expected) => {
    expect(followUpReminderAt(d(scheduledAt), d('2026-11-23T08:00:00Z'), policy).toISOString()).toBe(expected);
  });
});

describe('the collaboration settings of a district', () => {
  const withChange = (change: Partial<DistrictPolicy>) => ({ ...policy, ...change });
  it('has the documented defaults', () => {
    expect(policy).toMatchObject({
      consentYouthAge: 15,
      consentAdultAge: 18,
      staleCaseDays: 30,
      consentExpiryWarningDays: 14,
      followUpReminderDays: 2,
    });
  });
  it.each<[keyof DistrictPolicy, Partial<DistrictPolicy>]>([
    ['consentYouthAge', { consentYouthAge: -1 }],
    ['consentYouthAge', { consentYouthAge: 19, consentAdultAge: 21 }],
    ['consentAdultAge', { consentAdultAge: 14 }],
    ['consentAdultAge', { consentAdultAge: 22 }],
    ['consentAdultAge', { consentYouthAge: 17, consentAdultAge: 16 }],
    ['staleCaseDays', { staleCaseDays: 0 }],
    ['staleCaseDays', { staleCaseDays: 366 }],
    ['staleCaseDays', { staleCaseDays: 1.5 }],
    ['consentExpiryWarningDays', { consentExpiryWarningDays: 0 }],
    ['consentExpiryWarningDays', { consentExpiryWarningDays: 91 }],
    ['followUpReminderDays', { followUpReminderDays: 0 }],
    ['followUpReminderDays', { followUpReminderDays: 31 }],
  ])('refuses %s for %o', (field, change) => {
    expect(validateDistrictPolicy(withChange(change)).map((p) => p.field)).toEqual([field]);
  });
  it.each<Partial<DistrictPolicy>>([
    { consentYouthAge: 0 },
    { consentYouthAge: 18, consentAdultAge: 18 },
    { consentAdultAge: 21 },
    { staleCaseDays: 365 },
    { consentExpiryWarningDays: 90 },
    { followUpReminderDays: 30 },
  ])('accepts %o', (change) => expect(validateDistrictPolicy(withChange(change))).toEqual([]));
});
