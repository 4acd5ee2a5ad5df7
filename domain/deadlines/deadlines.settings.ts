import { SettingsDeclaration, unless, wholeBetween } from '../districts/district-setting';

export interface DeadlinesSettings {
  /** Reminder steps, as percentages of a deadline's window. */
  readonly reminderPercents: readonly number[];
}

export const DEADLINES_SETTINGS: SettingsDeclaration<DeadlinesSettings> = {
  reminderPercents: {
    api: { type: 'Int', list: true, description: 'Reminders, as percentages of a deadline window.' },
    default: Object.freeze([50, 80]),
    reference: 'practice: reminders before a deadline (DOMAIN.md §3, feedback loop)',
    check: (s) =>
      unless(
        s.reminderPercents.length <= 5 && s.reminderPercents.every((p) => wholeBetween(p, 1, 99)),
        'must be at most five whole percentages between 1 and 99',
      ),
  },
};

declare module '../districts/district-policy' {
  interface DistrictPolicy extends DeadlinesSettings {}
}
