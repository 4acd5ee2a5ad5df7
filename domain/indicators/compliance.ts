import { DeadlineKind } from '../deadlines/deadline-kinds';
import { Definition } from './indicators';

/** The clocks the compliance report accounts for: the law's three and the feedback owed to the reporter. */
export const COMPLIANCE_CLOCKS = ['PROTECTION_ASSESSMENT', 'PRELIMINARY_ASSESSMENT', 'INVESTIGATION', 'FEEDBACK'] as const;

export const COMPLIANCE_CLOCK_NAMES: { readonly [K in (typeof COMPLIANCE_CLOCKS)[number]]: Definition } = {
  PROTECTION_ASSESSMENT: { sv: 'Skyddsbedömning', en: 'Protection assessment' },
  PRELIMINARY_ASSESSMENT: { sv: 'Förhandsbedömning', en: 'Preliminary assessment' },
  INVESTIGATION: { sv: 'Utredning', en: 'Investigation' },
  FEEDBACK: { sv: 'Återkoppling', en: 'Feedback' },
};

export interface ComplianceEntry<Item> {
  readonly districtId: string;
  readonly month: number;
  readonly clock: DeadlineKind;
  readonly met: boolean;
  readonly item: Item;
}

export interface ComplianceGroup<Item> {
  readonly districtId: string;
  readonly month: number;
  readonly clock: DeadlineKind;
  readonly fellDue: number;
  readonly met: number;
  readonly late: number;
  /** met ÷ fell due; null when none fell due. */
  readonly shareMet: number | null;
  readonly lateItems: Item[];
}

/** One row per district, month and clock: every clock in the grid, also those where none fell due. */
export function complianceGroups<Item>(
  entries: readonly ComplianceEntry<Item>[],
  districtIds: readonly string[],
  months: readonly number[],
): ComplianceGroup<Item>[] {
  return districtIds.flatMap((districtId) =>
    months.flatMap((month) =>
      COMPLIANCE_CLOCKS.map((clock) => {
        const mine = entries.filter((e) => e.districtId === districtId && e.month === month && e.clock === clock);
        const met = mine.filter((e) => e.met).length;
        return {
          districtId,
          month,
          clock,
          fellDue: mine.length,
          met,
          late: mine.length - met,
          shareMet: mine.length ? met / mine.length : null,
          lateItems: mine.filter((e) => !e.met).map((e) => e.item),
        };
      }),
    ),
  );
}
