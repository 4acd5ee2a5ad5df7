import { AgencyKind } from '../access/roles';
import { DEFAULT_DISTRICT_POLICY } from '../../platform/districts/district-settings';
import {
  agenciesCoveredByConsent,
  categoryOfAgency,
  ConsentDraft,
  consentDraftProblems,
  ConsentForm,
  consenterProblems,
  ConsentScope,
  coveringConsent,
  expiryWarningAt,
  InformationCategory,
  isConsentValid,
  requiredConsenters,
} from './consent-rules';

const d = (iso: string) => new Date(iso);
const policy = DEFAULT_DISTRICT_POLICY;

describe('requiredConsenters', () => {
  const guardians = { youth: false, guardians: true };
  const both = { youth: true, guardians: true };
  const youth = { youth: true, guardians: false };
  it.each<[number, number, number, { youth: boolean; guardians: boolean }]>([
    [8, 15, 18, guardians],
    [14, 15, 18, guardians],
    [15, 15, 18, both],
    [16, 15, 18, both],
    [17, 15, 18, both],
    [18, 15, 18, youth],
    [20, 15, 18, youth],
    [13, 13, 18, both],
    [16, 15, 16, youth],
  ])('at age %i with youth age %i and adult age %i', (age, consentYouthAge, consentAdultAge, expected) => {
    expect(requiredConsenters(age, { consentYouthAge, consentAdultAge })).toEqual(expected);
  });
});

describe('consenterProblems', () => {
  const both = { youth: true, guardians: true };
  it.each<[string, { youth: boolean; guardians: boolean }, { youth: boolean; guardianIds: string[] }, string[], string[]]>([
    ['youth and both guardians', both, { youth: true, guardianIds: ['g1', 'g2'] }, ['g1', 'g2'], []],
    ['youth only when guardians are needed', both, { youth: true, guardianIds: [] }, ['g1', 'g2'], ['GUARDIANS_MISSING']],
    ['one guardian of two', both, { youth: true, guardianIds: ['g1'] }, ['g1', 'g2'], ['GUARDIANS_MISSING']],
    ['guardians without the youth in SSPF', both, { youth: false, guardianIds: ['g1', 'g2'] }, ['g1', 'g2'], ['YOUTH_MISSING']],
    ['the youth alone over the age', { youth: true, guardians: false }, { youth: true, guardianIds: [] }, ['g1'], []],
    ['SSFF guardians', { youth: false, guardians: true }, { youth: false, guardianIds: ['g1'] }, ['g1'], []],
    ['nobody', { youth: false, guardians: true }, { youth: false, guardianIds: [] }, ['g1'], ['NOBODY', 'GUARDIANS_MISSING']],
    [
      'a guardian of another child',
      { youth: false, guardians: true },
      { youth: false, guardianIds: ['g1', 'x'] },
      ['g1'],
      ['UNKNOWN_GUARDIAN'],
    ],
    ['no guardian registered', { youth: false, guardians: true }, { youth: true, guardianIds: [] }, [], ['GUARDIANS_MISSING']],
  ])('%s', (_case, required, given, registered, expected) => {
    expect(consenterProblems(required, given, registered)).toEqual(expected);
  });
});

describe('consentDraftProblems', () => {
  const now = d('2026-11-23T08:00:00Z');
  const base: ConsentDraft = {
    form: ConsentForm.WRITTEN,
    oralNote: null,
    givenAt: d('2026-11-20T08:00:00Z'),
    endsAt: null,
    agencyIds: ['a'],
    categories: [InformationCategory.BASIC_FACTS],
  };
  it.each<[string, Partial<ConsentDraft>, string[]]>([
    ['a written consent', {}, []],
    ['an oral consent with a note', { form: ConsentForm.ORAL, oralNote: 'Per telefon till samordnaren' }, []],
    ['an oral consent without a note', { form: ConsentForm.ORAL, oralNote: '  ' }, ['ORAL_WITHOUT_NOTE']],
    ['given tomorrow', { givenAt: d('2026-11-24T08:00:00Z') }, ['GIVEN_IN_FUTURE']],
    ['ending when given', { endsAt: d('2026-11-20T08:00:00Z') }, ['ENDS_BEFORE_GIVEN']],
    ['no agency', { agencyIds: [] }, ['NO_AGENCY']],
    ['no category', { categories: [] }, ['NO_CATEGORY']],
  ])('%s', (_case, change, expected) => {
    expect(consentDraftProblems({ ...base, ...change }, now)).toEqual(expected);
  });
});

describe('isConsentValid and coveringConsent', () => {
  const consent: ConsentScope = {
    id: 'c1',
    givenAt: d('2026-11-01T00:00:00Z'),
    endsAt: d('2027-05-01T00:00:00Z'),
    withdrawnAt: null,
    complete: true,
    agencyIds: ['school', 'leisure'],
    categories: [InformationCategory.BASIC_FACTS, InformationCategory.SCHOOL],
  };
  it.each<[string, Partial<ConsentScope>, string, boolean]>([
    ['before it is given', {}, '2026-10-31T23:59:59Z', false],
    ['when given', {}, '2026-11-01T00:00:00Z', true],
    ['before its end', {}, '2027-04-30T23:59:59Z', true],
    ['at its end', {}, '2027-05-01T00:00:00Z', false],
    ['without an end', { endsAt: null }, '2030-01-01T00:00:00Z', true],
    ['before withdrawal', { withdrawnAt: d('2026-12-01T00:00:00Z') }, '2026-11-30T00:00:00Z', true],
    ['after withdrawal', { withdrawnAt: d('2026-12-01T00:00:00Z') }, '2026-12-01T00:00:00Z', false],
    ['while incomplete', { complete: false }, '2026-11-10T00:00:00Z', false],
  ])('%s', (_case, change, at, expected) => {
    expect(isConsentValid({ ...consent, ...change }, d(at))).toBe(expected);
  });

  it.each<[string, string, InformationCategory | undefined, string | null]>([
    ['a covered agency', 'school', undefined, 'c1'],
    ['a covered agency and category', 'school', InformationCategory.SCHOOL, 'c1'],
    ['a covered agency, other category', 'school', InformationCategory.POLICE_CONTACTS, null],
    ['an agency outside the scope', 'police', undefined, null],
  ])('covers %s', (_case, agencyId, category, expected) => {
    expect(coveringConsent([consent], agencyId, d('2026-11-10T00:00:00Z'), category)?.id ?? null).toBe(expected);
  });
});

describe('agenciesCoveredByConsent', () => {
  const base: ConsentScope = {
    id: 'c1',
    givenAt: d('2026-11-01T00:00:00Z'),
    endsAt: null,
    withdrawnAt: null,
    complete: true,
    agencyIds: ['school'],
    categories: [InformationCategory.BASIC_FACTS],
  };
  const leisure: ConsentScope = { ...base, id: 'c2', agencyIds: ['leisure', 'school'] };
  it.each<[string, ConsentScope[], string[]]>([
    ['no consent', [], []],
    ['one valid consent', [base], ['school']],
    ['two valid consents, once each', [base, leisure], ['school', 'leisure']],
    ['a withdrawn consent', [{ ...leisure, withdrawnAt: d('2026-11-05T00:00:00Z') }], []],
    ['an ended one beside a valid one', [base, { ...leisure, endsAt: d('2026-11-05T00:00:00Z') }], ['school']],
    ['an incomplete one', [{ ...leisure, complete: false }], []],
  ])('%s', (_case, consents, expected) => {
    expect([...agenciesCoveredByConsent(consents, d('2026-11-10T00:00:00Z'))].sort()).toEqual([...expected].sort());
  });
});

describe('categoryOfAgency', () => {
  it.each<[AgencyKind, InformationCategory]>([
    [AgencyKind.SCHOOL, InformationCategory.SCHOOL],
    [AgencyKind.LEISURE, InformationCategory.LEISURE],
    [AgencyKind.POLICE, InformationCategory.POLICE_CONTACTS],
    [AgencyKind.SOCIAL_SERVICES, InformationCategory.SOCIAL_SERVICES_CONTACTS],
  ])('%s → %s', (kind, category) => expect(categoryOfAgency(kind)).toBe(category));
});

describe('expiryWarningAt', () => {
  it.each<[string, string, string | null, string | null]>([
    ['no end date', '2026-11-01T00:00:00Z', null, null],
    ['14 days before the end', '2026-11-01T00:00:00Z', '2027-05-01T00:00:00Z', '2027-04-17T00:00:00.000Z'],
    ['at once for a short consent', '2026-11-01T00:00:00Z', '2026-11-05T00:00:00Z', '2026-11-01T00:00:00.000Z'],
  ])('%s', (_case, givenAt, endsAt, expected) => {
    const at = expiryWarningAt({ givenAt: d(givenAt), endsAt: endsAt ? d(endsAt) : null }, policy);
    expect(at?.toISOString() ?? null).toBe(expected);
  });
});
