import { DistrictPolicy } from '../districts/district-policy';
import { DEFAULT_DISTRICT_POLICY, DS_2024_30_POLICY } from '../../platform/districts/district-settings';
import { TalkDeadlineMode } from './talks.settings';
import { ReportCategory } from '../reports/report-rules';
import { TalkIneligibility, TalkTrigger } from './talk-enums';
import { INELIGIBILITY_TEXT, summonsIncludesGuardians, talkEligibility, TalkTriggerFacts } from './talk-eligibility.rules';

const firstSuspicion: TalkTriggerFacts = {
  age: 13,
  category: ReportCategory.SUSPECTED_CRIME,
  firstKnownSuspicion: true,
  arrested: null,
  suspectedOffence: 'Snatteri',
  offenceCanLeadToPrison: true,
  knownBefore: [],
  talkOpen: false,
};
const policy = (change: Partial<DistrictPolicy> = {}): DistrictPolicy => ({ ...DEFAULT_DISTRICT_POLICY, ...change });
const hisingen = policy({ talkMaximumAge: 14 });
const ds = { ...DS_2024_30_POLICY };
const { TOO_YOUNG, TOO_OLD, NOT_A_FIRST_SUSPICION, NOT_AN_ARREST, CATEGORY_NOT_SELECTED, OFFENCE_CANNOT_LEAD_TO_PRISON, AGE_UNKNOWN } =
  TalkIneligibility;

describe('talkEligibility', () => {
  it.each<[string, DistrictPolicy, Partial<TalkTriggerFacts>, readonly TalkIneligibility[] | 'eligible' | 'young adult']>([
    ["a 13-year-old's first suspicion", policy(), {}, 'eligible'],
    ['exactly the minimum age', policy(), { age: 10 }, 'eligible'],
    ['a 9-year-old under minimum 10', policy(), { age: 9 }, [TOO_YOUNG]],
    ['a 9-year-old where the minimum is 8', policy({ talkMinimumAge: 8 }), { age: 9 }, 'eligible'],
    ['a 14-year-old where the maximum is 14', hisingen, { age: 14 }, 'eligible'],
    ['a 15-year-old where the maximum is 14', hisingen, { age: 15 }, [TOO_OLD]],
    ['a 17-year-old with no maximum', policy(), { age: 17 }, 'eligible'],
    ['an 18-year-old outside the summons mode', policy(), { age: 18 }, [TOO_OLD]],
    ['a 19-year-old in the summons mode', ds, { age: 19 }, 'young adult'],
    ['a 20-year-old in the summons mode', ds, { age: 20 }, 'young adult'],
    ['a 21-year-old in the summons mode', ds, { age: 21 }, [TOO_OLD]],
    ['a 19-year-old where young adults are not covered', { ...ds, talkYoungAdultMaxAge: 17 }, { age: 19 }, [TOO_OLD]],
    ['a 19-year-old in the summons mode with a child maximum of 14', { ...ds, talkMaximumAge: 14 }, { age: 19 }, 'young adult'],
    ['an unknown age', policy(), { age: null }, [AGE_UNKNOWN]],
    [
      'a "first" suspicion where social services know an earlier one',
      policy(),
      { knownBefore: ['OA-2026-000001'] },
      [TalkIneligibility.KNOWN_BEFORE],
    ],
    [
      'an arrest with an earlier talk known',
      policy({ talkTrigger: TalkTrigger.ARREST }),
      { arrested: true, knownBefore: ['SA-2026-000001'] },
      'eligible',
    ],
    ['a first suspicion while a talk is open', policy(), { talkOpen: true }, [TalkIneligibility.TALK_ALREADY_OPEN]],
    ['not a first suspicion', policy(), { firstKnownSuspicion: false }, [NOT_A_FIRST_SUSPICION]],
    ['a first suspicion not stated', policy(), { firstKnownSuspicion: null }, [NOT_A_FIRST_SUSPICION]],
    [
      'an arrest where arrests trigger',
      policy({ talkTrigger: TalkTrigger.ARREST }),
      { firstKnownSuspicion: false, arrested: true },
      'eligible',
    ],
    ['no arrest where arrests trigger', policy({ talkTrigger: TalkTrigger.ARREST }), { arrested: false }, [NOT_AN_ARREST]],
    ['unsuitable environment', policy(), { category: ReportCategory.UNSUITABLE_ENVIRONMENT }, 'eligible'],
    ['criminal behaviour', policy(), { category: ReportCategory.CRIMINAL_BEHAVIOUR }, 'eligible'],
    ['school absence', policy(), { category: ReportCategory.SCHOOL_ABSENCE }, [CATEGORY_NOT_SELECTED]],
    [
      'drugs where the district selects drugs',
      policy({ talkCategories: [ReportCategory.DRUGS] }),
      { category: ReportCategory.DRUGS },
      'eligible',
    ],
    [
      'a strategic offence outside the categories',
      policy({ talkQualifyingOffences: ['Rån'] }),
      { category: ReportCategory.OTHER, suspectedOffence: ' rån ' },
      'eligible',
    ],
    [
      'another offence outside the categories',
      policy({ talkQualifyingOffences: ['Rån'] }),
      { category: ReportCategory.OTHER, suspectedOffence: 'Snatteri' },
      [CATEGORY_NOT_SELECTED],
    ],
    ['no category selected, offences only', policy({ talkCategories: [], talkQualifyingOffences: ['Rån'] }), {}, [CATEGORY_NOT_SELECTED]],
    ['an offence that cannot lead to prison in the summons mode', ds, { offenceCanLeadToPrison: false }, [OFFENCE_CANNOT_LEAD_TO_PRISON]],
    ['an offence that cannot lead to prison in the 48 h mode', policy(), { offenceCanLeadToPrison: false }, 'eligible'],
    ['unknown prison question in the summons mode', ds, { offenceCanLeadToPrison: null }, 'eligible'],
    [
      'every reason at once',
      hisingen,
      { age: 16, firstKnownSuspicion: false, category: ReportCategory.SCHOOL_ABSENCE },
      [TOO_OLD, NOT_A_FIRST_SUSPICION, CATEGORY_NOT_SELECTED],
    ],
    ['a first suspicion in the forum mode', policy({ talkDeadlineMode: TalkDeadlineMode.FORUM_DECIDES }), {}, 'eligible'],
  ])('%s', (_case, p, change, expected) => {
    const result = talkEligibility(p, { ...firstSuspicion, ...change });
    if (expected === 'eligible') expect(result).toEqual({ eligible: true, youngAdult: false });
    else if (expected === 'young adult') expect(result).toEqual({ eligible: true, youngAdult: true });
    else expect(result).toEqual({ eligible: false, reasons: expected });
  });

  it('has an English and a Swedish text for every reason', () => {
    for (const reason of Object.values(TalkIneligibility)) {
      expect(INELIGIBILITY_TEXT[reason].en.length).toBeGreaterThan(10);
      expect(INELIGIBILITY_TEXT[reason].sv.length).toBeGreaterThan(10);
    }
  });
});

describe('summonsIncludesGuardians', () => {
  it.each([
    [9, true],
    [17, true],
    [18, false],
    [20, false],
    [null, true],
  ])('age %p → %p', (age, expected) => {
    expect(summonsIncludesGuardians(age)).toBe(expected);
  });
});
