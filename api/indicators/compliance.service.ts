import { EntityManager } from 'typeorm';
import { complianceItems } from '../../db/indicators/compliance.repository';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { complianceGroups } from '../../domain/indicators/compliance';
import { MonthRange, periodKey, PeriodUnit } from '../../domain/indicators/indicator-period';
import { viewerDistrictPeriods } from './indicators.service';

export interface ComplianceLateItemRow {
  readonly id: string;
  readonly childId: string;
  readonly districtId: string;
  readonly reference: string;
  readonly dueAt: Date;
  readonly doneAt: Date | null;
  readonly reason: string | null;
  readonly reasonText: string | null;
}

export interface ComplianceRow {
  readonly districtId: string;
  readonly municipalityId: string;
  readonly districtName: string;
  readonly month: string;
  readonly clock: DeadlineKind;
  readonly fellDue: number;
  readonly met: number;
  readonly late: number;
  readonly shareMet: number | null;
  readonly lateItems: ComplianceLateItemRow[];
}

/** The compliance report of the supervisor's districts: per month and clock, what fell due, met or late with its reason. */
export async function complianceRows(manager: EntityManager, scope: ViewerScope, range: MonthRange, now: Date): Promise<ComplianceRow[]> {
  const { districts, periods } = await viewerDistrictPeriods(manager, scope, range);
  const items = await complianceItems(manager, periods, now);
  const months = Array.from({ length: range.toMonthExclusive - range.fromMonth }, (_, i) => range.fromMonth + i);
  const entries = items.map((i) => ({
    districtId: i.districtId,
    month: i.month,
    clock: i.clock,
    met: i.met,
    item: {
      id: i.reportId,
      childId: i.childId,
      districtId: i.districtId,
      reference: i.reference,
      dueAt: i.dueAt,
      doneAt: i.doneAt,
      reason: i.reason,
      reasonText: i.reasonText,
    },
  }));
  const names = new Map(districts.map((d) => [d.id, d.name]));
  return complianceGroups(
    entries,
    districts.map((d) => d.id),
    months,
  ).map((g) => ({
    ...g,
    municipalityId: scope.municipalityId,
    districtName: names.get(g.districtId) ?? '',
    month: periodKey(PeriodUnit.MONTH, g.month),
  }));
}
