import { ReportCategory } from '../reports/report-rules';
import { TalkHolderKind, TalkTrigger } from '../talks/talk-enums';
import { TalkDeadlineMode } from '../talks/talks.settings';
import {
  DEFAULT_DISTRICT_POLICY,
  DS_2024_30_POLICY,
  validateDistrictPolicy,
  withPolicyDefaults,
} from '../../platform/districts/district-settings';
import { DistrictPolicy, foldDistrictSettings, samePolicy } from './district-policy';

const withChange = (change: Partial<DistrictPolicy>): DistrictPolicy => ({ ...DEFAULT_DISTRICT_POLICY, ...change });
const fieldsOf = (policy: DistrictPolicy) => validateDistrictPolicy(policy).map((p) => p.field);

describe('DEFAULT_DISTRICT_POLICY', () => {
  it('holds the documented numbers', () => {
    expect(DEFAULT_DISTRICT_POLICY).toEqual({
      protectionAssessmentHours: 24,
      preliminaryAssessmentDays: 14,
      investigationMonths: 4,
      feedbackDays: 14,
      talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_HOURS,
      talkDeadlineHours: 48,
      talkDeadlineDays: null,
      talkMinimumAge: 10,
      ssffAgeBand: { min: 6, max: 12 },
      sspfAgeBand: { min: 12, max: 18 },
      reminderPercents: [50, 80],
      timeZone: 'Europe/Stockholm',
      talkMaximumAge: null,
      talkTrigger: TalkTrigger.FIRST_SUSPICION,
      talkCategories: [ReportCategory.UNSUITABLE_ENVIRONMENT, ReportCategory.CRIMINAL_BEHAVIOUR, ReportCategory.SUSPECTED_CRIME],
      talkQualifyingOffences: [],
      talkSummonsToTalkHours: 168,
      talkDefaultHolder: TalkHolderKind.SOCIAL_SERVICES,
      talkOfficerNoticeHours: 24,
      talkYoungAdultMaxAge: 20,
      receiptBackdateDays: 14,
      investigationExtensionMonths: 2,
      consentYouthAge: 15,
      consentAdultAge: 18,
      staleCaseDays: 30,
      consentExpiryWarningDays: 14,
      followUpReminderDays: 2,
      reportAgeLimit: 21,
      retentionReportMonths: 60,
      retentionInvestigationMonths: 60,
      retentionResearchException: true,
      retentionTalkMonths: 60,
      retentionCollaborationMonths: 60,
      retentionMessageMonths: 12,
      retentionAuditMonths: 60,
      retentionSessionMonths: 1,
    });
  });

  it('is valid', () => {
    expect(validateDistrictPolicy(DEFAULT_DISTRICT_POLICY)).toEqual([]);
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_DISTRICT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_DISTRICT_POLICY.ssffAgeBand)).toBe(true);
    expect(Object.isFrozen(DEFAULT_DISTRICT_POLICY.sspfAgeBand)).toBe(true);
    expect(Object.isFrozen(DEFAULT_DISTRICT_POLICY.reminderPercents)).toBe(true);
  });
});

describe('DS_2024_30_POLICY', () => {
  it('summons within 24 hours and keeps every other default', () => {
    expect(DS_2024_30_POLICY).toEqual({
      ...DEFAULT_DISTRICT_POLICY,
      talkDeadlineMode: TalkDeadlineMode.SUMMONS_WITHIN_HOURS,
      talkDeadlineHours: 24,
    });
  });

  it('is valid', () => {
    expect(validateDistrictPolicy(DS_2024_30_POLICY)).toEqual([]);
  });
});

describe('validateDistrictPolicy', () => {
  it.each<[keyof DistrictPolicy, Partial<DistrictPolicy>]>([
    ['protectionAssessmentHours', { protectionAssessmentHours: 0 }],
    ['protectionAssessmentHours', { protectionAssessmentHours: -24 }],
    ['protectionAssessmentHours', { protectionAssessmentHours: 169 }],
    ['protectionAssessmentHours', { protectionAssessmentHours: 25 }],
    ['preliminaryAssessmentDays', { preliminaryAssessmentDays: 15 }],
    ['investigationMonths', { investigationMonths: 5 }],
    ['receiptBackdateDays', { receiptBackdateDays: 61 }],
    ['investigationExtensionMonths', { investigationExtensionMonths: 0 }],
    ['protectionAssessmentHours', { protectionAssessmentHours: 24.5 }],
    ['protectionAssessmentHours', { protectionAssessmentHours: Number.NaN }],
    ['preliminaryAssessmentDays', { preliminaryAssessmentDays: 0 }],
    ['preliminaryAssessmentDays', { preliminaryAssessmentDays: 91 }],
    ['preliminaryAssessmentDays', { preliminaryAssessmentDays: 1.5 }],
    ['investigationMonths', { investigationMonths: 0 }],
    ['investigationMonths', { investigationMonths: 25 }],
    ['investigationMonths', { investigationMonths: 4.5 }],
    ['feedbackDays', { feedbackDays: 0 }],
    ['feedbackDays', { feedbackDays: 121 }],
    ['feedbackDays', { feedbackDays: Number.POSITIVE_INFINITY }],
    ['talkDeadlineHours', { talkDeadlineHours: null }],
    ['talkDeadlineHours', { talkDeadlineHours: 0 }],
    ['talkDeadlineHours', { talkDeadlineHours: 721 }],
    ['talkDeadlineHours', { talkDeadlineHours: 47.5 }],
    ['talkDeadlineHours', { talkDeadlineMode: TalkDeadlineMode.SUMMONS_WITHIN_HOURS, talkDeadlineHours: null }],
    ['talkDeadlineHours', { talkDeadlineMode: TalkDeadlineMode.SUMMONS_WITHIN_HOURS, talkDeadlineHours: 0 }],
    ['talkDeadlineDays', { talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_DAYS, talkDeadlineDays: null }],
    ['talkDeadlineDays', { talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_DAYS, talkDeadlineDays: 0 }],
    ['talkDeadlineDays', { talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_DAYS, talkDeadlineDays: 61 }],
    ['talkDeadlineDays', { talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_DAYS, talkDeadlineDays: 6.5 }],
    ['talkMinimumAge', { talkMinimumAge: -1 }],
    ['talkMinimumAge', { talkMinimumAge: 18 }],
    ['talkMinimumAge', { talkMinimumAge: 10.5 }],
    ['ssffAgeBand', { ssffAgeBand: { min: 12, max: 6 } }],
    ['ssffAgeBand', { ssffAgeBand: { min: -1, max: 12 } }],
    ['ssffAgeBand', { ssffAgeBand: { min: 6, max: 26 } }],
    ['ssffAgeBand', { ssffAgeBand: { min: 6.5, max: 12 } }],
    ['sspfAgeBand', { sspfAgeBand: { min: 18, max: 12 } }],
    ['sspfAgeBand', { sspfAgeBand: { min: 12, max: 26 } }],
    ['sspfAgeBand', { sspfAgeBand: { min: 12, max: 17.5 } }],
    ['reminderPercents', { reminderPercents: [0] }],
    ['reminderPercents', { reminderPercents: [50, 100] }],
    ['reminderPercents', { reminderPercents: [50.5] }],
    ['reminderPercents', { reminderPercents: [-10] }],
    ['reminderPercents', { reminderPercents: [10, 20, 30, 40, 50, 60] }],
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }],
    ['timeZone', { timeZone: 'Stockholm' }],
    ['timeZone', { timeZone: '' }],
  ])('reports %s for %o', (field, change) => {
    const problems = validateDistrictPolicy(withChange(change));
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0].message).toEqual(expect.any(String));
    expect(problems[0].message.length).toBeGreaterThan(0);
  });

  it.each<[string, Partial<DistrictPolicy>]>([
    [
      'the smallest numbers',
      {
        protectionAssessmentHours: 1,
        preliminaryAssessmentDays: 1,
        investigationMonths: 1,
        feedbackDays: 1,
        talkDeadlineHours: 1,
        talkMinimumAge: 0,
        ssffAgeBand: { min: 0, max: 0 },
        sspfAgeBand: { min: 0, max: 0 },
        reminderPercents: [1],
      },
    ],
    [
      'the largest numbers',
      {
        protectionAssessmentHours: 24,
        preliminaryAssessmentDays: 14,
        investigationMonths: 4,
        feedbackDays: 120,
        talkDeadlineHours: 720,
        talkMinimumAge: 17,
        ssffAgeBand: { min: 25, max: 25 },
        sspfAgeBand: { min: 0, max: 25 },
        reminderPercents: [99],
      },
    ],
    ['five reminders', { reminderPercents: [10, 20, 30, 40, 50] }],
    ['no reminders', { reminderPercents: [] }],
    ['a stricter district', { protectionAssessmentHours: 12, preliminaryAssessmentDays: 10, investigationMonths: 3, feedbackDays: 7 }],
    ['the age bands of other municipalities', { sspfAgeBand: { min: 10, max: 17 }, ssffAgeBand: { min: 6, max: 21 } }],
    ['another IANA time zone', { timeZone: 'Europe/Helsinki' }],
    ['UTC', { timeZone: 'UTC' }],
    ['HELD_WITHIN_DAYS with days', { talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_DAYS, talkDeadlineDays: 7, talkDeadlineHours: null }],
    [
      'HELD_WITHIN_DAYS at the limits',
      { talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_DAYS, talkDeadlineDays: 60, talkDeadlineHours: null },
    ],
    ['HELD_WITHIN_DAYS ignores hours', { talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_DAYS, talkDeadlineDays: 1, talkDeadlineHours: 0 }],
    [
      'FORUM_DECIDES needs neither hours nor days',
      { talkDeadlineMode: TalkDeadlineMode.FORUM_DECIDES, talkDeadlineHours: null, talkDeadlineDays: null },
    ],
    [
      'HELD_WITHIN_HOURS ignores days',
      { talkDeadlineMode: TalkDeadlineMode.HELD_WITHIN_HOURS, talkDeadlineHours: 48, talkDeadlineDays: 0 },
    ],
  ])('accepts %s', (_case, change) => {
    expect(validateDistrictPolicy(withChange(change))).toEqual([]);
  });

  it.each([
    ['protectionAssessmentHours', 25, 'SoL 11 kap. 1 a §'],
    ['preliminaryAssessmentDays', 15, 'SoL 11 kap. 1 a §'],
    ['investigationMonths', 5, 'SoL 11 kap. 2 §'],
  ] as const)('refuses a looser %s (%i) naming the law', (field, value, law) => {
    const [problem] = validateDistrictPolicy(withChange({ [field]: value }));
    expect(problem.message).toContain(law);
    expect(problem.messageSv).toContain(law);
  });

  it('reports every problem at once, each with its field', () => {
    const fields = fieldsOf(
      withChange({
        protectionAssessmentHours: 0,
        preliminaryAssessmentDays: 0,
        investigationMonths: 0,
        feedbackDays: 0,
        talkDeadlineHours: null,
        talkMinimumAge: 99,
        ssffAgeBand: { min: 9, max: 1 },
        sspfAgeBand: { min: 9, max: 1 },
        reminderPercents: [100],
        timeZone: 'Nowhere/Nothing',
      }),
    );
    expect([...fields].sort()).toEqual([
      'feedbackDays',
      'investigationMonths',
      'preliminaryAssessmentDays',
      'protectionAssessmentHours',
      'reminderPercents',
      'ssffAgeBand',
      'sspfAgeBand',
      'talkDeadlineHours',
      'talkMinimumAge',
      'timeZone',
    ]);
  });

  it('does not need talk hours once the mode no longer uses them', () => {
    expect(fieldsOf(withChange({ talkDeadlineHours: null }))).toEqual(['talkDeadlineHours']);
    expect(fieldsOf(withChange({ talkDeadlineHours: null, talkDeadlineMode: TalkDeadlineMode.FORUM_DECIDES }))).toEqual([]);
  });
});

describe('talk settings', () => {
  it.each<[string, Partial<DistrictPolicy>]>([
    ['talkMaximumAge', { talkMaximumAge: 9 }],
    ['talkMaximumAge', { talkMaximumAge: 18 }],
    ['talkMaximumAge', { talkMaximumAge: 14.5 }],
    ['talkTrigger', { talkTrigger: 'SHOPLIFTING' as TalkTrigger }],
    ['talkCategories', { talkCategories: ['NOT_A_CATEGORY' as ReportCategory] }],
    ['talkQualifyingOffences', { talkQualifyingOffences: ['  '] }],
    ['talkQualifyingOffences', { talkQualifyingOffences: ['x'.repeat(101)] }],
    ['talkSummonsToTalkHours', { talkSummonsToTalkHours: 0 }],
    ['talkSummonsToTalkHours', { talkSummonsToTalkHours: 721 }],
    ['talkDefaultHolder', { talkDefaultHolder: 'SCHOOL' as TalkHolderKind }],
    ['talkOfficerNoticeHours', { talkOfficerNoticeHours: 0 }],
    ['talkOfficerNoticeHours', { talkOfficerNoticeHours: 169 }],
    ['talkYoungAdultMaxAge', { talkYoungAdultMaxAge: 21 }],
    ['talkYoungAdultMaxAge', { talkYoungAdultMaxAge: 16 }],
  ])('reports %s for %o', (field, change) => {
    expect(fieldsOf(withChange(change))).toEqual([field]);
  });

  it.each<[string, Partial<DistrictPolicy>]>([
    ['Hisingen: under 15', { talkMaximumAge: 14 }],
    ['a maximum equal to the minimum', { talkMinimumAge: 12, talkMaximumAge: 12 }],
    ['the arrest trigger', { talkTrigger: TalkTrigger.ARREST }],
    ['no category, offences only', { talkCategories: [], talkQualifyingOffences: ['Rån', 'Grov misshandel'] }],
    ['a field team as holder', { talkDefaultHolder: TalkHolderKind.FIELD_TEAM }],
    ['no young adults', { talkYoungAdultMaxAge: 17 }],
  ])('accepts %s', (_case, change) => {
    expect(validateDistrictPolicy(withChange(change))).toEqual([]);
  });

  it('reads a policy stored before the talk settings existed with their defaults', () => {
    const { talkMaximumAge: _a, talkTrigger: _b, talkOfficerNoticeHours: _c, ...old } = { ...DEFAULT_DISTRICT_POLICY, talkMinimumAge: 12 };
    expect(withPolicyDefaults(old)).toEqual({ ...DEFAULT_DISTRICT_POLICY, talkMinimumAge: 12 });
    expect(withPolicyDefaults({ ...old, talkMaximumAge: 14 }).talkMaximumAge).toBe(14);
  });
});

describe('samePolicy', () => {
  it.each<[string, Partial<DistrictPolicy>, boolean]>([
    ['the same numbers', {}, true],
    ['age band keys in another order', { sspfAgeBand: { max: 18, min: 12 } }, true],
    ['a changed number', { feedbackDays: 7 }, false],
    ['reminders in another order', { reminderPercents: [80, 50] }, false],
  ])('%s', (_case, change, expected) => {
    expect(samePolicy(DEFAULT_DISTRICT_POLICY, { ...DEFAULT_DISTRICT_POLICY, ...change })).toBe(expected);
  });
});

describe('foldDistrictSettings', () => {
  const declaration = { api: { type: 'Int' as const }, default: 1, reference: 'test' };

  it('takes <M>_SETTINGS of every domain/<m>/<m>.settings file, in the order of their paths', () => {
    const folded = foldDistrictSettings({
      '/x/domain/talks/talks.settings.ts': { TALKS_SETTINGS: { b: declaration }, TalkDeadlineMode: {} },
      '/x/domain/consent/consent.settings.js': { CONSENT_SETTINGS: { a: declaration } },
    });
    expect(Object.keys(folded)).toEqual(['a', 'b']);
  });

  it.each<[string, Record<string, Record<string, unknown>>, string]>([
    [
      'a setting two modules declare',
      { 'domain/a/a.settings.ts': { A_SETTINGS: { x: declaration } }, 'domain/b/b.settings.ts': { B_SETTINGS: { x: declaration } } },
      'District setting "x" is declared by domain/a/a.settings.ts and domain/b/b.settings.ts: keep one',
    ],
    [
      'a settings file without its declarations',
      { 'domain/a/a.settings.ts': { SETTINGS: {} } },
      'domain/a/a.settings.ts does not export A_SETTINGS',
    ],
    [
      'a settings file named after another module',
      { 'domain/a/b.settings.ts': { B_SETTINGS: {} } },
      "domain/a/b.settings.ts: a module's district settings live in domain/<module>/<module>.settings.ts",
    ],
  ])('refuses %s, naming the files', (_case, files, message) => {
    expect(() => foldDistrictSettings(files)).toThrow(message);
  });

  it('finds every module that declares settings, on disk as in the web app', () => {
    expect(Object.keys(DEFAULT_DISTRICT_POLICY)).toEqual(expect.arrayContaining(['timeZone', 'talkDeadlineMode', 'retentionReportMonths']));
  });
});
