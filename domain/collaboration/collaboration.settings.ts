import { SettingsDeclaration, unless, wholeBetween } from '../districts/district-setting';

export interface AgeBand {
  readonly min: number;
  readonly max: number;
}

export interface CollaborationSettings {
  readonly ssffAgeBand: AgeBand;
  readonly sspfAgeBand: AgeBand;
  /** An active collaboration case with no activity for this many days raises an alert. */
  readonly staleCaseDays: number;
  /** The coordinator is reminded this many days before a follow-up meeting. */
  readonly followUpReminderDays: number;
}

const band = (field: 'ssffAgeBand' | 'sspfAgeBand') => (s: CollaborationSettings) => {
  const { min, max } = s[field];
  return unless(wholeBetween(min, 0, 25) && wholeBetween(max, 0, 25) && min <= max, 'must be whole years 0–25 with min ≤ max');
};

export const COLLABORATION_SETTINGS: SettingsDeclaration<CollaborationSettings> = {
  ssffAgeBand: {
    api: { type: 'AgeBand' },
    default: Object.freeze({ min: 6, max: 12 }),
    reference: 'SSFF guides: ages 6–12 (DOMAIN.md §3)',
    check: band('ssffAgeBand'),
  },
  sspfAgeBand: {
    api: { type: 'AgeBand' },
    default: Object.freeze({ min: 12, max: 18 }),
    reference: 'SSPF guides: ages 12–18 (DOMAIN.md §3)',
    check: band('sspfAgeBand'),
  },
  staleCaseDays: {
    api: { type: 'Int', description: 'An active collaboration case without activity for this many days raises an alert. Default 30.' },
    default: 30,
    reference: 'practice: an idle case is followed up',
    check: (s) => unless(wholeBetween(s.staleCaseDays, 1, 365), 'must be 1–365 days'),
  },
  followUpReminderDays: {
    api: { type: 'Int', description: 'Days before a follow-up meeting that the coordinator is reminded. Default 2.' },
    default: 2,
    reference: 'practice: each action has a follow-up (DOMAIN.md §3)',
    check: (s) => unless(wholeBetween(s.followUpReminderDays, 1, 30), 'must be 1–30 days'),
  },
};

declare module '../districts/district-policy' {
  interface DistrictPolicy extends CollaborationSettings {}
}
