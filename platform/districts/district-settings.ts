import { defaultsOf, PolicyProblem, settingsProblems } from '../../domain/districts/district-setting';
import { DistrictPolicy, foldDistrictSettings } from '../../domain/districts/district-policy';
import { TalkDeadlineMode } from '../../domain/talks/talks.settings';
import { moduleFiles } from '../module-files';

/**
 * Every district setting of every module. A module's first setting needs no line anywhere else: its settings file is
 * found here, and app/modules.int.test.ts checks its descriptor hands over the same declarations.
 */
export const DISTRICT_SETTINGS = foldDistrictSettings(moduleFiles('settings'));

export const DEFAULT_DISTRICT_POLICY: DistrictPolicy = defaultsOf(DISTRICT_SETTINGS);

/** DS 2024:30: summons at the latest within 24 hours. */
export const DS_2024_30_POLICY: DistrictPolicy = Object.freeze({
  ...DEFAULT_DISTRICT_POLICY,
  talkDeadlineMode: TalkDeadlineMode.SUMMONS_WITHIN_HOURS,
  talkDeadlineHours: 24,
});

/** Returns every problem with a policy; an empty list means it can be saved. */
export function validateDistrictPolicy(policy: DistrictPolicy): (PolicyProblem & { readonly field: keyof DistrictPolicy })[] {
  return settingsProblems(DISTRICT_SETTINGS, policy) as (PolicyProblem & { readonly field: keyof DistrictPolicy })[];
}

/** Policies stored before a setting existed read it as its default. */
export function withPolicyDefaults(stored: Partial<DistrictPolicy>): DistrictPolicy {
  return { ...DEFAULT_DISTRICT_POLICY, ...stored };
}
