import { SettingsDeclaration, unless, wholeBetween } from '../districts/district-setting';
import { ReportCategory } from '../reports';
import { TalkHolderKind, TalkTrigger } from './talk-enums';

export enum TalkDeadlineMode {
  /** Stockholm model: the talk is held within N hours. */
  HELD_WITHIN_HOURS = 'HELD_WITHIN_HOURS',
  /** DS 2024:30: the child and guardians are summoned within N hours. */
  SUMMONS_WITHIN_HOURS = 'SUMMONS_WITHIN_HOURS',
  /** The talk is held within N days. */
  HELD_WITHIN_DAYS = 'HELD_WITHIN_DAYS',
  /** No clock: the weekly collaboration forum decides (Gothenburg districts). */
  FORUM_DECIDES = 'FORUM_DECIDES',
}

export interface TalksSettings {
  readonly talkDeadlineMode: TalkDeadlineMode;
  /** Used by the *_HOURS modes. */
  readonly talkDeadlineHours: number | null;
  /** Used by HELD_WITHIN_DAYS. */
  readonly talkDeadlineDays: number | null;
  readonly talkMinimumAge: number;
  /** No automatic talk above this age; null = no maximum (Hisingen: under 15, so 14). */
  readonly talkMaximumAge: number | null;
  /** What in a report starts one automatically. */
  readonly talkTrigger: TalkTrigger;
  /** The report categories that qualify (the Gothenburg motion's three by default). */
  readonly talkCategories: readonly ReportCategory[];
  /** Offence types that qualify whatever the category ("strategiska brott"); matched without case. */
  readonly talkQualifyingOffences: readonly string[];
  /** In SUMMONS_WITHIN_HOURS mode: the talk itself is held within this many hours of the summons. */
  readonly talkSummonsToTalkHours: number;
  /** Who holds them unless the talk says otherwise. */
  readonly talkDefaultHolder: TalkHolderKind;
  /** The invited police officer is told this many hours before the talk. */
  readonly talkOfficerNoticeHours: number;
  /** In SUMMONS_WITHIN_HOURS mode: young adults ("unga", DS 2024:30) up to this age get a summons without guardians; 17 = none. */
  readonly talkYoungAdultMaxAge: number;
}

const usesHours = (mode: TalkDeadlineMode) => mode === TalkDeadlineMode.HELD_WITHIN_HOURS || mode === TalkDeadlineMode.SUMMONS_WITHIN_HOURS;

export const TALKS_SETTINGS: SettingsDeclaration<TalksSettings> = {
  talkDeadlineMode: {
    api: { type: TalkDeadlineMode },
    default: TalkDeadlineMode.HELD_WITHIN_HOURS,
    reference: 'Stockholm model (48 h); DS 2024:30 (summons within 24 h); Gothenburg (forum decides)',
    check: () => null,
  },
  talkDeadlineHours: {
    api: { type: 'Int', nullable: true },
    default: 48,
    reference: 'Stockholm model: within 48 hours',
    check: (s) =>
      usesHours(s.talkDeadlineMode)
        ? unless(
            s.talkDeadlineHours !== null && wholeBetween(s.talkDeadlineHours, 1, 720),
            'must be 1–720 hours for this talk deadline mode',
          )
        : null,
  },
  talkDeadlineDays: {
    api: { type: 'Int', nullable: true },
    default: null,
    reference: 'district practice',
    check: (s) =>
      s.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_DAYS
        ? unless(s.talkDeadlineDays !== null && wholeBetween(s.talkDeadlineDays, 1, 60), 'must be 1–60 days for this talk deadline mode')
        : null,
  },
  talkMinimumAge: {
    api: { type: 'Int', description: 'Serious talks are offered from this age. Default 10.' },
    default: 10,
    reference: 'Gothenburg motion: aged 10 and up',
    check: (s) => unless(wholeBetween(s.talkMinimumAge, 0, 17), 'must be 0–17 years'),
  },
  talkMaximumAge: {
    api: { type: 'Int', nullable: true, description: 'No automatic talk above this age; empty = no maximum.' },
    default: null,
    reference: 'Hisingen: under 15',
    check: (s) =>
      unless(
        s.talkMaximumAge === null || (wholeBetween(s.talkMaximumAge, 0, 17) && s.talkMaximumAge >= s.talkMinimumAge),
        'must be empty or whole years 0–17, not below talkMinimumAge',
      ),
  },
  talkTrigger: {
    api: { type: TalkTrigger, description: 'What in a report opens a talk by itself. Default FIRST_SUSPICION.' },
    default: TalkTrigger.FIRST_SUSPICION,
    reference: 'Stockholm model: the first suspicion; Gothenburg once: the arrest',
    check: (s) => unless(Object.values(TalkTrigger).includes(s.talkTrigger), 'must be FIRST_SUSPICION or ARREST'),
  },
  talkCategories: {
    api: { type: ReportCategory, list: true, description: 'Report categories that qualify for an automatic talk.' },
    default: Object.freeze([ReportCategory.UNSUITABLE_ENVIRONMENT, ReportCategory.CRIMINAL_BEHAVIOUR, ReportCategory.SUSPECTED_CRIME]),
    reference: 'Gothenburg motion',
    check: (s) =>
      unless(
        s.talkCategories.every((c) => Object.values(ReportCategory).includes(c)),
        'must list report categories',
      ),
  },
  talkQualifyingOffences: {
    api: {
      type: 'String',
      list: true,
      description: 'Offence types that qualify whatever the category ("strategiska brott").',
      text: { min: 1, max: 100 },
      maxItems: 50,
    },
    default: Object.freeze([]),
    reference: 'district practice ("strategiska brott")',
    check: (s) =>
      unless(
        s.talkQualifyingOffences.length <= 50 && s.talkQualifyingOffences.every((o) => o.trim().length >= 1 && o.length <= 100),
        'must be at most 50 offence types of 1–100 characters',
      ),
  },
  talkSummonsToTalkHours: {
    api: { type: 'Int', description: 'SUMMONS_WITHIN_HOURS: the talk is held within this many hours of the summons. Default 168.' },
    /** Gothenburg: talks are usually held within a week. */
    default: 168,
    reference: 'Gothenburg: usually within a week',
    check: (s) => unless(wholeBetween(s.talkSummonsToTalkHours, 1, 720), 'must be 1–720 hours'),
  },
  talkDefaultHolder: {
    api: { type: TalkHolderKind, description: 'Who holds talks unless a talk says otherwise.' },
    default: TalkHolderKind.SOCIAL_SERVICES,
    reference: 'DS 2024:30: social services summon',
    check: (s) => unless(Object.values(TalkHolderKind).includes(s.talkDefaultHolder), 'must be a talk holder kind'),
  },
  talkOfficerNoticeHours: {
    api: { type: 'Int', description: 'The invited officer is told this many hours before the talk. Default 24.' },
    default: 24,
    reference: 'practice: police attend "if possible"',
    check: (s) => unless(wholeBetween(s.talkOfficerNoticeHours, 1, 168), 'must be 1–168 hours'),
  },
  talkYoungAdultMaxAge: {
    api: {
      type: 'Int',
      description: 'SUMMONS_WITHIN_HOURS: young adults up to this age are summoned without guardians (DS 2024:30). 17 = none.',
    },
    default: 20,
    reference: 'DS 2024:30 ("unga" up to 21)',
    check: (s) => unless(wholeBetween(s.talkYoungAdultMaxAge, 17, 20), 'must be 17 (none) to 20 years'),
  },
};

declare module '../districts/district-policy' {
  interface DistrictPolicy extends TalksSettings {}
}
