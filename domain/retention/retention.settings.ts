import { LegalCeiling, SettingsDeclaration, unless } from '../districts/district-setting';

export interface RetentionSettings {
  /** A concern report that led to no investigation is anonymised this many months after its last entry. */
  readonly retentionReportMonths: number;
  /** A report whose investigation closed is anonymised this many months after the closure. */
  readonly retentionInvestigationMonths: number;
  /** Records of children born on the 5th, 15th or 25th are kept for research (the old SoL 12 kap. rule). */
  readonly retentionResearchException: boolean;
}

/** The law's longest retention of a personal file after its last entry: a district may delete sooner, never later. */
export const RETENTION_LEGAL_CEILINGS = {
  retentionReportMonths: {
    max: 60,
    unit: 'months',
    unitSv: 'månader',
    law: 'SoL 12 kap. 7 § (äldre lydelse)',
    what: 'retention of a personal file after its last entry',
    whatSv: 'gallring av personakten efter sista anteckningen',
  },
  retentionInvestigationMonths: {
    max: 60,
    unit: 'months',
    unitSv: 'månader',
    law: 'SoL 12 kap. 7 § (äldre lydelse)',
    what: 'retention of a personal file after its last entry',
    whatSv: 'gallring av personakten efter sista anteckningen',
  },
} as const satisfies { readonly [K in keyof RetentionSettings]?: LegalCeiling };

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
};
