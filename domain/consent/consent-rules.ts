import { AgencyKind } from '../access/roles';
import { DistrictPolicy } from '../districts/district-policy';
import { DAY_MS } from '../time/clock';

/** Which information a consent lets the agencies share (samtyckets omfattning). */
export enum InformationCategory {
  BASIC_FACTS = 'BASIC_FACTS',
  SCHOOL = 'SCHOOL',
  LEISURE = 'LEISURE',
  POLICE_CONTACTS = 'POLICE_CONTACTS',
  SOCIAL_SERVICES_CONTACTS = 'SOCIAL_SERVICES_CONTACTS',
}

export enum ConsentForm {
  WRITTEN = 'WRITTEN',
  /** Oral consent is recorded with a note of how and to whom it was given. */
  ORAL = 'ORAL',
}

export enum CollaborationModel {
  /** Skola, socialtjänst, polis, fritid: the youth consents (the guardians too below the district's age). */
  SSPF = 'SSPF',
  /** Skola, socialtjänst, fritid, familj: the guardians consent; the police are normally not part. */
  SSFF = 'SSFF',
}

export interface RequiredConsenters {
  readonly youth: boolean;
  readonly guardians: boolean;
}

/**
 * Who must consent, by the child's age (DOMAIN.md §3; OSL 12:3 and municipal practice): the guardians
 * (the child heard) below the youth age, the youth and the guardians until the adult age, then the youth alone.
 */
export function requiredConsenters(age: number, policy: Pick<DistrictPolicy, 'consentYouthAge' | 'consentAdultAge'>): RequiredConsenters {
  if (age < policy.consentYouthAge) return { youth: false, guardians: true };
  return { youth: true, guardians: age < policy.consentAdultAge };
}

export interface ConsentGivers {
  readonly youth: boolean;
  readonly guardianIds: readonly string[];
}

export type ConsenterProblem = 'YOUTH_MISSING' | 'GUARDIANS_MISSING' | 'UNKNOWN_GUARDIAN' | 'NOBODY';

/**
 * What is missing for a consent to be complete. When guardians must consent,
 * every registered guardian does (joint custody); a child with none registered
 * cannot give a guardian consent here.
 */
export function consenterProblems(
  required: RequiredConsenters,
  given: ConsentGivers,
  registeredGuardianIds: readonly string[],
): ConsenterProblem[] {
  const problems: ConsenterProblem[] = [];
  const registered = new Set(registeredGuardianIds);
  if (!given.youth && given.guardianIds.length === 0) problems.push('NOBODY');
  if (given.guardianIds.some((id) => !registered.has(id))) problems.push('UNKNOWN_GUARDIAN');
  if (required.youth && !given.youth) problems.push('YOUTH_MISSING');
  const givenGuardians = new Set(given.guardianIds);
  if (required.guardians && (registered.size === 0 || [...registered].some((id) => !givenGuardians.has(id))))
    problems.push('GUARDIANS_MISSING');
  return [...new Set(problems)];
}

export interface ConsentDraft {
  readonly form: ConsentForm;
  readonly oralNote: string | null;
  readonly givenAt: Date;
  readonly endsAt: Date | null;
  readonly agencyIds: readonly string[];
  readonly categories: readonly InformationCategory[];
}

export type ConsentDraftProblem = 'ORAL_WITHOUT_NOTE' | 'GIVEN_IN_FUTURE' | 'ENDS_BEFORE_GIVEN' | 'NO_AGENCY' | 'NO_CATEGORY';

export function consentDraftProblems(draft: ConsentDraft, now: Date): ConsentDraftProblem[] {
  const problems: ConsentDraftProblem[] = [];
  if (draft.form === ConsentForm.ORAL && !draft.oralNote?.trim()) problems.push('ORAL_WITHOUT_NOTE');
  if (draft.givenAt.getTime() > now.getTime()) problems.push('GIVEN_IN_FUTURE');
  if (draft.endsAt && draft.endsAt.getTime() <= draft.givenAt.getTime()) problems.push('ENDS_BEFORE_GIVEN');
  if (draft.agencyIds.length === 0) problems.push('NO_AGENCY');
  if (draft.categories.length === 0) problems.push('NO_CATEGORY');
  return problems;
}

/** The facts of a stored consent that decide whether it holds. */
export interface ConsentTimes {
  readonly givenAt: Date;
  readonly endsAt: Date | null;
  readonly withdrawnAt: Date | null;
  /** False while a required person's consent is missing. */
  readonly complete: boolean;
}

export function isConsentValid(consent: ConsentTimes, at: Date): boolean {
  const t = at.getTime();
  return (
    consent.complete &&
    consent.givenAt.getTime() <= t &&
    (consent.endsAt === null || t < consent.endsAt.getTime()) &&
    (consent.withdrawnAt === null || t < consent.withdrawnAt.getTime())
  );
}

export interface ConsentScope extends ConsentTimes {
  readonly id: string;
  readonly agencyIds: readonly string[];
  readonly categories: readonly InformationCategory[];
}

/** The first valid consent that covers this agency (and category, when given), or null. */
export function coveringConsent<C extends ConsentScope>(
  consents: readonly C[],
  agencyId: string,
  at: Date,
  category?: InformationCategory,
): C | null {
  return (
    consents.find(
      (c) => isConsentValid(c, at) && c.agencyIds.includes(agencyId) && (category === undefined || c.categories.includes(category)),
    ) ?? null
  );
}

/** Every agency some valid consent covers: the agencies a team member may come from. */
export function agenciesCoveredByConsent(consents: readonly ConsentScope[], at: Date): Set<string> {
  return new Set(consents.filter((c) => isConsentValid(c, at)).flatMap((c) => c.agencyIds));
}

/** The information category an agency's own work falls under. */
export function categoryOfAgency(kind: AgencyKind): InformationCategory {
  switch (kind) {
    case AgencyKind.SCHOOL:
      return InformationCategory.SCHOOL;
    case AgencyKind.LEISURE:
      return InformationCategory.LEISURE;
    case AgencyKind.POLICE:
      return InformationCategory.POLICE_CONTACTS;
    case AgencyKind.SOCIAL_SERVICES:
    case AgencyKind.MUNICIPALITY:
      return InformationCategory.SOCIAL_SERVICES_CONTACTS;
  }
}

/** When the coordinator is warned that a consent is about to end: null without an end date, at once for a short consent. */
export function expiryWarningAt(
  consent: Pick<ConsentTimes, 'givenAt' | 'endsAt'>,
  policy: Pick<DistrictPolicy, 'consentExpiryWarningDays'>,
): Date | null {
  if (!consent.endsAt) return null;
  const at = new Date(consent.endsAt.getTime() - policy.consentExpiryWarningDays * DAY_MS);
  return at.getTime() > consent.givenAt.getTime() ? at : consent.givenAt;
}
