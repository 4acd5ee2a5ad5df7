import { COLLABORATION_SETTINGS } from '../collaboration/collaboration.settings';
import { CONSENT_SETTINGS } from '../consent/consent.settings';
import { DEADLINES_SETTINGS } from '../deadlines/deadlines.settings';
import { REPORTS_LEGAL_CEILINGS, REPORTS_SETTINGS } from '../reports/reports.settings';
import { RETENTION_LEGAL_CEILINGS, RETENTION_SETTINGS } from '../retention/retention.settings';
import { TalkDeadlineMode, TALKS_SETTINGS } from '../talks/talks.settings';
import { defaultsOf, PolicyProblem, SettingDeclaration, settingsProblems } from './district-setting';
import { DISTRICTS_SETTINGS } from './districts.settings';

export type { AgeBand } from '../collaboration/collaboration.settings';
export { LONGEST_REPORT_CLOCK_DAYS } from '../reports/reports.settings';
export { TalkDeadlineMode } from '../talks/talks.settings';
export type { PolicyProblem } from './district-setting';

/**
 * Every number the law or the municipal documents name is a district setting. Each module declares its own (default,
 * bounds, legal ceiling, reference, how the API shows it) in `domain/<m>/<m>.settings.ts` and hands them to the
 * platform in its descriptor; this is the one place they are put together, because the policy's type and defaults are
 * read by domain rules, the repositories and the web app, which sit below the descriptors. The type follows from the
 * declarations, so a module's first setting is one line here. app/modules.int.test.ts checks that the descriptors hand
 * over exactly these declarations. Districts change them through versioned policy updates.
 */
export const DISTRICT_SETTINGS = {
  ...DISTRICTS_SETTINGS,
  ...DEADLINES_SETTINGS,
  ...REPORTS_SETTINGS,
  ...TALKS_SETTINGS,
  ...COLLABORATION_SETTINGS,
  ...CONSENT_SETTINGS,
  ...RETENTION_SETTINGS,
};

/** The values a set of declarations declares. */
type SettingValues<D> = { readonly [K in keyof D]: D[K] extends SettingDeclaration<never, infer V> ? V : never };

export interface DistrictPolicy extends SettingValues<typeof DISTRICT_SETTINGS> {}

export const DEFAULT_DISTRICT_POLICY: DistrictPolicy = defaultsOf(DISTRICT_SETTINGS);

/** DS 2024:30: summons at the latest within 24 hours. */
export const DS_2024_30_POLICY: DistrictPolicy = Object.freeze({
  ...DEFAULT_DISTRICT_POLICY,
  talkDeadlineMode: TalkDeadlineMode.SUMMONS_WITHIN_HOURS,
  talkDeadlineHours: 24,
});

/** The times the law sets (DOMAIN.md §3), each a ceiling: concern reports' clocks and how long their files are kept. */
export const LEGAL_CEILINGS = { ...REPORTS_LEGAL_CEILINGS, ...RETENTION_LEGAL_CEILINGS };

/** Returns every problem with a policy; an empty list means it can be saved. */
export function validateDistrictPolicy(policy: DistrictPolicy): (PolicyProblem & { readonly field: keyof DistrictPolicy })[] {
  return settingsProblems(DISTRICT_SETTINGS, policy) as (PolicyProblem & { readonly field: keyof DistrictPolicy })[];
}

/** Two policies hold the same settings (key order and unset keys aside). */
export function samePolicy(a: DistrictPolicy, b: DistrictPolicy): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]);
    }
    return value;
  };
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** A stored policy version; deadlines remember the version they were computed with. */
export interface VersionedPolicy {
  readonly districtId: string;
  readonly version: number;
  readonly policy: DistrictPolicy;
}

/** Policies stored before a setting existed read it as its default. */
export function withPolicyDefaults(stored: Partial<DistrictPolicy>): DistrictPolicy {
  return { ...DEFAULT_DISTRICT_POLICY, ...stored };
}
