import { DistrictPolicy } from '../districts/district-policy';
import { TalkDeadlineMode } from './talks.settings';
import { ReportCategory } from '../reports';
import { TalkIneligibility, TalkTrigger } from './talk-enums';

/** What a concern report says that decides whether it opens a talk by itself. */
export interface TalkTriggerFacts {
  /** The child's age when social services learned of it; null when unknown. */
  readonly age: number | null;
  readonly category: ReportCategory;
  readonly firstKnownSuspicion: boolean | null;
  readonly arrested: boolean | null;
  readonly suspectedOffence: string | null;
  readonly offenceCanLeadToPrison: boolean | null;
  /** References of the child's earlier suspicion reports and talks that social services already hold. */
  readonly knownBefore: readonly string[];
  /** The child already has an open talk. */
  readonly talkOpen: boolean;
}

export type TalkEligibility =
  { readonly eligible: true; readonly youngAdult: boolean } | { readonly eligible: false; readonly reasons: readonly TalkIneligibility[] };

const ADULT_AGE = 18;

function normalised(text: string): string {
  return text.trim().toLocaleLowerCase('sv-SE');
}

export function isQualifyingOffence(policy: DistrictPolicy, suspectedOffence: string | null): boolean {
  if (!suspectedOffence?.trim()) return false;
  const offence = normalised(suspectedOffence);
  return policy.talkQualifyingOffences.some((o) => normalised(o) === offence);
}

function ageReason(policy: DistrictPolicy, age: number | null): TalkIneligibility | null {
  if (age === null) return TalkIneligibility.AGE_UNKNOWN;
  if (age < policy.talkMinimumAge) return TalkIneligibility.TOO_YOUNG;
  if (age >= ADULT_AGE) {
    const youngAdultsCovered = policy.talkDeadlineMode === TalkDeadlineMode.SUMMONS_WITHIN_HOURS && age <= policy.talkYoungAdultMaxAge;
    return youngAdultsCovered ? null : TalkIneligibility.TOO_OLD;
  }
  if (policy.talkMaximumAge !== null && age > policy.talkMaximumAge) return TalkIneligibility.TOO_OLD;
  return null;
}

function triggerReason(policy: DistrictPolicy, facts: TalkTriggerFacts): TalkIneligibility | null {
  switch (policy.talkTrigger) {
    case TalkTrigger.FIRST_SUSPICION:
      if (facts.firstKnownSuspicion !== true) return TalkIneligibility.NOT_A_FIRST_SUSPICION;
      return facts.knownBefore.length ? TalkIneligibility.KNOWN_BEFORE : null;
    case TalkTrigger.ARREST:
      return facts.arrested === true ? null : TalkIneligibility.NOT_AN_ARREST;
  }
}

/**
 * Whether a report opens a talk by itself under the district's policy, and
 * every reason it does not, so the intake can show them all.
 */
export function talkEligibility(policy: DistrictPolicy, facts: TalkTriggerFacts): TalkEligibility {
  const reasons: TalkIneligibility[] = [];
  const age = ageReason(policy, facts.age);
  if (age) reasons.push(age);
  const trigger = triggerReason(policy, facts);
  if (trigger) reasons.push(trigger);
  if (!policy.talkCategories.includes(facts.category) && !isQualifyingOffence(policy, facts.suspectedOffence)) {
    reasons.push(TalkIneligibility.CATEGORY_NOT_SELECTED);
  }
  // DS 2024:30 is about crimes that can lead to prison; unknown is not a refusal.
  if (policy.talkDeadlineMode === TalkDeadlineMode.SUMMONS_WITHIN_HOURS && facts.offenceCanLeadToPrison === false) {
    reasons.push(TalkIneligibility.OFFENCE_CANNOT_LEAD_TO_PRISON);
  }
  if (facts.talkOpen) reasons.push(TalkIneligibility.TALK_ALREADY_OPEN);
  if (reasons.length) return { eligible: false, reasons };
  return { eligible: true, youngAdult: facts.age !== null && facts.age >= ADULT_AGE };
}

/** Who a summons goes to: a young adult is summoned alone. */
export function summonsIncludesGuardians(age: number | null): boolean {
  return age === null || age < ADULT_AGE;
}

export const INELIGIBILITY_TEXT: { readonly [R in TalkIneligibility]: { readonly en: string; readonly sv: string } } = {
  [TalkIneligibility.TOO_YOUNG]: {
    en: "The child is below the district's minimum age for talks.",
    sv: 'Barnet är yngre än områdets lägsta ålder för samtal.',
  },
  [TalkIneligibility.TOO_OLD]: {
    en: "The child is above the district's maximum age for talks.",
    sv: 'Barnet är äldre än områdets högsta ålder för samtal.',
  },
  [TalkIneligibility.NOT_A_FIRST_SUSPICION]: {
    en: 'The report is not about a first known suspicion.',
    sv: 'Anmälan gäller inte en första känd misstanke.',
  },
  [TalkIneligibility.NOT_AN_ARREST]: { en: 'The report is not about an arrest.', sv: 'Anmälan gäller inte ett gripande.' },
  [TalkIneligibility.CATEGORY_NOT_SELECTED]: {
    en: 'The district does not hold talks for this category or offence.',
    sv: 'Området håller inte samtal för denna kategori eller brottstyp.',
  },
  [TalkIneligibility.OFFENCE_CANNOT_LEAD_TO_PRISON]: {
    en: 'The offence cannot lead to prison.',
    sv: 'Brottet kan inte leda till fängelse.',
  },
  [TalkIneligibility.AGE_UNKNOWN]: { en: "The child's age is not known.", sv: 'Barnets ålder är okänd.' },
  [TalkIneligibility.KNOWN_BEFORE]: {
    en: 'Social services already know of an earlier suspicion or talk for the child: it is not the first time.',
    sv: 'Socialtjänsten känner redan till en tidigare misstanke eller ett tidigare samtal för barnet: det är inte första gången.',
  },
  [TalkIneligibility.TALK_ALREADY_OPEN]: {
    en: 'The child already has an open talk: the report is added to it and no new talk is opened.',
    sv: 'Barnet har redan ett pågående samtal: anmälan läggs till det och inget nytt samtal öppnas.',
  },
};
