import { LegalCeiling, SettingsDeclaration, unless, wholeBetween } from '../districts/district-setting';

export interface RetentionSettings {
  /** A concern report that led to no investigation is anonymised this many months after its last entry. */
  readonly retentionReportMonths: number;
  /** A report whose investigation closed is anonymised this many months after the closure. */
  readonly retentionInvestigationMonths: number;
  /** Records of children born on the 5th, 15th or 25th are kept for research (the old SoL 12 kap. rule). */
  readonly retentionResearchException: boolean;
  /** A talk is anonymised this many months after its last entry. */
  readonly retentionTalkMonths: number;
  /** A closed SSPF/SSFF case, its plan and its consents are anonymised this many months after the closure. */
  readonly retentionCollaborationMonths: number;
  /** In-app notifications and sent or parked e-mails are deleted this many months after they were created. */
  readonly retentionMessageMonths: number;
  /** Access-log events are deleted this many months after they happened. */
  readonly retentionAuditMonths: number;
  /** Idempotency keys and ended queue-dashboard sessions are deleted this many months after creation or end. */
  readonly retentionSessionMonths: number;
}

const PERSONAL_FILE = {
  max: 60,
  unit: 'months',
  unitSv: 'månader',
  law: 'SoL 12 kap. 7 § (äldre lydelse)',
  what: 'retention of a personal file after its last entry',
  whatSv: 'gallring av personakten efter sista anteckningen',
} as const;

/** The law's longest retention of a personal file after its last entry: a district may delete sooner, never later. */
export const RETENTION_LEGAL_CEILINGS = {
  retentionReportMonths: PERSONAL_FILE,
  retentionInvestigationMonths: PERSONAL_FILE,
  retentionTalkMonths: PERSONAL_FILE,
} as const satisfies { readonly [K in keyof RetentionSettings]?: LegalCeiling };

/** Where the documents set no time: the municipality decides; the bounds keep a typo from keeping or losing years. */
const MUNICIPAL_DECISION = 'no rule in the documents: a municipal decision';
const months = (min: number, max: number) => (value: unknown) =>
  unless(wholeBetween(value, min, max), `must be a whole number of months, ${min}–${max}`, `Ange ett helt antal månader, ${min}–${max}.`);

export const RETENTION_SETTINGS: SettingsDeclaration<RetentionSettings> = {
  retentionReportMonths: {
    api: {
      type: 'Int',
      description:
        'Retention (gallring): a concern report that led to no investigation is anonymised this many months after its last entry. ' +
        'Default and legal ceiling 60 (SoL 12 kap. 7 §, older wording: five years after the last entry): stricter only.',
    },
    default: 60,
    reference: 'SoL 12 kap. 7 § (äldre lydelse)',
    ceiling: RETENTION_LEGAL_CEILINGS.retentionReportMonths,
  },
  retentionInvestigationMonths: {
    api: {
      type: 'Int',
      description:
        'Retention (gallring): a report whose investigation is closed is anonymised this many months after the closure. ' +
        'Default and legal ceiling 60 (SoL 12 kap. 7 §, older wording): stricter only.',
    },
    default: 60,
    reference: 'SoL 12 kap. 7 § (äldre lydelse)',
    ceiling: RETENTION_LEGAL_CEILINGS.retentionInvestigationMonths,
  },
  retentionResearchException: {
    api: {
      type: 'Boolean',
      description:
        'Research exception: records of children born on the 5th, 15th or 25th of a month are kept for research, as under the old ' +
        'rule (SoL 12 kap. 2 §, older wording; SOSFS 2014:5). Default on.',
    },
    default: true,
    reference: 'SoL 12 kap. 2 § and SOSFS 2014:5 (research exception); a municipal decision',
    check: (s) => unless(typeof s.retentionResearchException === 'boolean', 'must be true or false'),
  },
  retentionTalkMonths: {
    api: {
      type: 'Int',
      description:
        'Retention (gallring): a talk is anonymised this many months after its last entry (creation, summons, holding, closure, ' +
        'outcome). Default and legal ceiling 60 (SoL 12 kap. 7 §, older wording): stricter only.',
    },
    default: 60,
    reference: 'SoL 12 kap. 7 § (äldre lydelse): a talk held by social services is part of the personal file',
    ceiling: RETENTION_LEGAL_CEILINGS.retentionTalkMonths,
  },
  retentionCollaborationMonths: {
    api: {
      type: 'Int',
      description:
        'Retention (gallring): a closed SSPF/SSFF case, its plan, meetings, team and consents are anonymised this many months ' +
        'after the closure. No rule in the documents: the municipality decides. Default 60 (no longer than social services’ files), 1–60.',
    },
    default: 60,
    reference: `${MUNICIPAL_DECISION}; the default keeps SSPF/SSFF records no longer than social services' own files (SoL 12 kap. 7 §)`,
    check: (s) => months(1, 60)(s.retentionCollaborationMonths),
  },
  retentionMessageMonths: {
    api: {
      type: 'Int',
      description:
        'Retention (gallring): in-app notifications and sent or parked e-mails are deleted this many months after they were ' +
        'created. No rule in the documents: the municipality decides. Default 12, 1–60.',
    },
    default: 12,
    reference: `${MUNICIPAL_DECISION}; notifications and e-mails are copies of what the records hold (GDPR art. 5.1 e)`,
    check: (s) => months(1, 60)(s.retentionMessageMonths),
  },
  retentionAuditMonths: {
    api: {
      type: 'Int',
      description:
        'Retention (gallring): access-log events are deleted this many months after they happened, except those about a child ' +
        'under a legal hold or kept for research. No rule in the documents: the municipality decides. Default 60, 12–120.',
    },
    default: 60,
    reference: `${MUNICIPAL_DECISION}; the log is kept as long as the records it guards may be reviewed by supervision (IVO, the data protection officer)`,
    check: (s) => months(12, 120)(s.retentionAuditMonths),
  },
  retentionSessionMonths: {
    api: {
      type: 'Int',
      description:
        'Retention (gallring): idempotency keys (from creation) and ended queue-dashboard sessions (from expiry or sign-out) are ' +
        'deleted after this many months. No rule in the documents: the municipality decides. Default 1, 1–12.',
    },
    default: 1,
    reference: `${MUNICIPAL_DECISION}; a retried request and a signed-in session need days, not months`,
    check: (s) => months(1, 12)(s.retentionSessionMonths),
  },
};

declare module '../districts/district-policy' {
  interface DistrictPolicy extends RetentionSettings {}
}
