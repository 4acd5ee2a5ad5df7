import { FIELD_LABELS } from '../i18n/field-labels';
import type { Catalogue } from '../i18n/messages';

/** The texts of the districts pages: `t.policy`. Folded into the catalogue by i18n/messages.ts. */
const sv = {
  policy: {
    title: 'Områdesinställningar',
    intro:
      'Varje tal från lagen eller riktlinjerna är en inställning per område. Ändringar gäller nya klockor; pågående klockor behåller sin version.',
    version: (v: number) => `Version ${v}`,
    defaultValue: (v: string) => `Standard: ${v}`,
    saved: (v: number) => `Sparat som version ${v}.`,
    protectionAssessmentHours: FIELD_LABELS.protectionAssessmentHours.sv,
    preliminaryAssessmentDays: FIELD_LABELS.preliminaryAssessmentDays.sv,
    investigationMonths: FIELD_LABELS.investigationMonths.sv,
    feedbackDays: FIELD_LABELS.feedbackDays.sv,
    talkDeadlineMode: FIELD_LABELS.talkDeadlineMode.sv,
    talkDeadlineHours: FIELD_LABELS.talkDeadlineHours.sv,
    talkDeadlineDays: FIELD_LABELS.talkDeadlineDays.sv,
    talkMinimumAge: FIELD_LABELS.talkMinimumAge.sv,
    reminderPercents: FIELD_LABELS.reminderPercents.sv,
    timeZone: FIELD_LABELS.timeZone.sv,
    investigationExtensionMonths: FIELD_LABELS.investigationExtensionMonths.sv,
    receiptBackdateDays: FIELD_LABELS.receiptBackdateDays.sv,
    reportAgeLimit: FIELD_LABELS.reportAgeLimit.sv,
    sspfAgeBand: FIELD_LABELS.sspfAgeBand.sv,
    ssffAgeBand: FIELD_LABELS.ssffAgeBand.sv,
    modes: {
      HELD_WITHIN_HOURS: 'Hållet inom timmar',
      SUMMONS_WITHIN_HOURS: 'Kallelse inom timmar',
      HELD_WITHIN_DAYS: 'Hållet inom dagar',
      FORUM_DECIDES: 'Forum beslutar',
    } as Record<string, string>,
  },
};

const en: typeof sv = {
  policy: {
    title: 'District settings',
    intro:
      'Every number from the law or the guidelines is a per-district setting. Changes apply to new clocks; running clocks keep their version.',
    version: (v) => `Version ${v}`,
    defaultValue: (v) => `Default: ${v}`,
    saved: (v) => `Saved as version ${v}.`,
    protectionAssessmentHours: FIELD_LABELS.protectionAssessmentHours.en,
    preliminaryAssessmentDays: FIELD_LABELS.preliminaryAssessmentDays.en,
    investigationMonths: FIELD_LABELS.investigationMonths.en,
    feedbackDays: FIELD_LABELS.feedbackDays.en,
    talkDeadlineMode: FIELD_LABELS.talkDeadlineMode.en,
    talkDeadlineHours: FIELD_LABELS.talkDeadlineHours.en,
    talkDeadlineDays: FIELD_LABELS.talkDeadlineDays.en,
    talkMinimumAge: FIELD_LABELS.talkMinimumAge.en,
    reminderPercents: FIELD_LABELS.reminderPercents.en,
    timeZone: FIELD_LABELS.timeZone.en,
    investigationExtensionMonths: FIELD_LABELS.investigationExtensionMonths.en,
    receiptBackdateDays: FIELD_LABELS.receiptBackdateDays.en,
    reportAgeLimit: FIELD_LABELS.reportAgeLimit.en,
    sspfAgeBand: FIELD_LABELS.sspfAgeBand.en,
    ssffAgeBand: FIELD_LABELS.ssffAgeBand.en,
    modes: {
      HELD_WITHIN_HOURS: 'Held within hours',
      SUMMONS_WITHIN_HOURS: 'Summons within hours',
      HELD_WITHIN_DAYS: 'Held within days',
      FORUM_DECIDES: 'The forum decides',
    },
  },
};

export const MESSAGES: Catalogue<DistrictsMessages> = { sv, en };

type DistrictsMessages = typeof sv;

declare module '../i18n/messages' {
  interface Messages extends DistrictsMessages {}
}
