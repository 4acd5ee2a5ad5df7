import { EntityManager } from 'typeorm';
import { asSystem, systemDataSourceOf } from '../../db/access/row-scope';
import { DistrictPeriod } from '../../db/indicators/indicator.repository';
import { INDICATOR_SOURCES } from '../../db/indicators/indicator-definitions';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { Role } from '../../domain/access/roles';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { BadInput } from '../../domain/errors';
import { DEFAULT_DISTRICT_POLICY } from '../../platform/districts/district-settings';
import { GridCell, gridCells, periodHours } from '../../domain/indicators/indicator-grid';
import { isPeriodProblem, monthOf, monthRange, MonthRange, periodBounds, PeriodUnit } from '../../domain/indicators/indicator-period';
import { FOLLOW_UP_MONTHS, Indicator } from '../../domain/indicators/indicators';
import { monthAtoms } from '../../db/indicators/indicator-months';

export interface IndicatorCellRow extends GridCell {
  readonly districtName: string;
  readonly municipalityId: string;
  readonly definitionSv: string;
  readonly definitionEn: string;
}

export interface CalendarPeriod {
  readonly unit: PeriodUnit;
  readonly from: string;
  readonly to: string;
}

/** The name of the cell for every district the viewer sees, together. */
export const ALL_DISTRICTS = { sv: 'Alla områden', en: 'All districts' } as const;

/** The period as whole months, or BAD_USER_INPUT naming the part to fix; `argument` is where the period arrived, if in one. */
export function checkCalendarPeriod(period: CalendarPeriod, argument: string | null): MonthRange {
  const range = monthRange(period.unit, period.from, period.to);
  if (!isPeriodProblem(range)) return range;
  const field = (part: 'from' | 'to') => (argument ? `${argument}.${part}` : part);
  switch (range.kind) {
    case 'FORMAT': {
      const en = range.field === 'from' ? 'the first period' : 'the last period';
      const sv = range.field === 'from' ? 'första perioden' : 'sista perioden';
      throw new BadInput(field(range.field), `Write ${en} like ${range.example}.`, `Skriv ${sv} som ${range.example}.`);
    }
    case 'TO_BEFORE_FROM':
      throw new BadInput(field('to'), 'The last period cannot come before the first.', 'Sista perioden kan inte komma före den första.');
    case 'TOO_LONG':
      throw new BadInput(field('to'), `Choose at most ${range.maxMonths} months.`, `Välj högst ${range.maxMonths} månader.`);
  }
}

/** The districts the viewer reads statistics for (analysts: the municipality; supervisors: their own), each with its period in its time zone. */
export async function viewerDistrictPeriods(manager: EntityManager, scope: ViewerScope, range: MonthRange) {
  const districts = scope.roles.has(Role.ANALYST)
    ? await organisationRepository.districtsOfMunicipality(manager, scope.municipalityId)
    : await organisationRepository.districtsByIds(manager, [...scope.districtIds]);
  const policies = await organisationRepository.policiesByKeys(
    manager,
    districts.map((d) => ({ districtId: d.id, version: d.policyVersion })),
  );
  const periods: DistrictPeriod[] = policies.map((p) => ({
    districtId: p.districtId,
    timeZone: p.settings.timeZone,
    ...periodBounds(range, p.settings.timeZone),
  }));
  return { districts, periods };
}

/**
 * The cells of `indicators` and of the CSV export: analysts see the municipality, supervisors their districts; one
 * cell per district (and, for analysts, one for them together) per whole period of the unit, each district's months running from
 * local midnight to local midnight in its own time zone.
 */
export async function indicatorCells(
  manager: EntityManager,
  scope: ViewerScope,
  period: CalendarPeriod,
  range: MonthRange,
  now: Date,
): Promise<IndicatorCellRow[]> {
  const { districts, periods } = await viewerDistrictPeriods(manager, scope, range);
  // Counted past row-level security, so every role gets the same number for a district (a child's re-report in another
  // district counts where the talk was); only the viewer's districts' cells leave, as sums, under the hiding rule.
  const thisMonth = monthOf(now, DEFAULT_DISTRICT_POLICY.timeZone);
  const followUpOpen = (indicator: Indicator, periodEndMonth: number) => {
    const months = FOLLOW_UP_MONTHS[indicator];
    return months !== undefined && thisMonth < periodEndMonth + months;
  };
  // With a system pool of its own, each count runs in a transaction of its own, side by side: the wall time is the
  // longest count's. On a pool that is its own system pool they share the request's transaction (no second connection).
  const api = manager.connection;
  const { atoms, hours } =
    systemDataSourceOf(api) !== api
      ? await monthAtoms((work) => asSystem(api, work), periods, range, now, followUpOpen)
      : await asSystem(manager, (system) => monthAtoms((work) => work(system), periods, range, now, followUpOpen));
  const names = new Map(districts.map((d) => [d.id, d.name]));
  // The municipality's total is the analysts'; a supervisor's districts are a part of it, and the policy grants by district.
  const withTotal = scope.roles.has(Role.ANALYST);
  return gridCells(
    atoms,
    periodHours(hours, range, period.unit),
    range,
    period.unit,
    districts.map((d) => d.id),
    followUpOpen,
  )
    .filter((c) => withTotal || c.districtId !== null)
    .map((cell) => ({
      ...cell,
      districtName: cell.districtId === null ? ALL_DISTRICTS.sv : (names.get(cell.districtId) ?? ''),
      municipalityId: scope.municipalityId,
      definitionSv: INDICATOR_SOURCES[cell.indicator].definition.sv,
      definitionEn: INDICATOR_SOURCES[cell.indicator].definition.en,
    }));
}
