import { Field, Int } from 'type-graphql';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { DISTRICT_SETTINGS } from '../../platform/districts/district-settings';
import type { SettingApi } from '../../domain/districts/district-setting';
import { inPrintedOrder } from '../common/printed-order';

/**
 * The settings in the order schema/schema.graphql printed them when their fields were written by hand, which keeps
 * the schema byte-identical; a setting declared since prints after these, in the order of DISTRICT_SETTINGS.
 */
const PRINTED_FIRST: readonly string[] = [
  'protectionAssessmentHours',
  'preliminaryAssessmentDays',
  'investigationMonths',
  'feedbackDays',
  'talkDeadlineMode',
  'talkDeadlineHours',
  'talkDeadlineDays',
  'talkMinimumAge',
  'ssffAgeBand',
  'sspfAgeBand',
  'reminderPercents',
  'timeZone',
  'talkMaximumAge',
  'talkTrigger',
  'talkCategories',
  'talkQualifyingOffences',
  'talkSummonsToTalkHours',
  'talkDefaultHolder',
  'talkOfficerNoticeHours',
  'talkYoungAdultMaxAge',
  'receiptBackdateDays',
  'investigationExtensionMonths',
  'consentYouthAge',
  'consentAdultAge',
  'staleCaseDays',
  'consentExpiryWarningDays',
  'followUpReminderDays',
  'reportAgeLimit',
  'retentionReportMonths',
  'retentionInvestigationMonths',
  'retentionResearchException',
];

/** Every district setting with how the API shows it, in the order the schema prints them (a stable sort). */
export const DISTRICT_SETTING_FIELDS = inPrintedOrder(
  (Object.entries(DISTRICT_SETTINGS) as [keyof DistrictPolicy, { api: SettingApi }][]).map(
    ([key, declaration]) => [key, declaration.api] as const,
  ),
  ([key]) => key,
  PRINTED_FIRST,
);

type TypeFunction = NonNullable<Parameters<typeof Field>[0]>;

/** The type function for `Field`: `objects` are the object types (of the output type, or of the input) a setting may have. */
export function settingType(api: SettingApi, objects: { readonly AgeBand: object }): TypeFunction {
  const scalars = { Int, Boolean, String, AgeBand: objects.AgeBand } as const;
  const named = typeof api.type === 'string' ? scalars[api.type] : api.type;
  return () => (api.list ? [named] : named);
}
