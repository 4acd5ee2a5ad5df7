import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { InvestigationExtensionRow, ReportRow, reportRepository } from '../../db/reports/report.repository';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { byKey, groupBy } from '../batching';

export function reportsLoaders(manager: EntityManager, scope: ViewerScope | null) {
  return {
    /** Every report of each child the viewer may load, newest first. */
    reportsOfChild: new DataLoader<string, ReportRow[]>(async (ids) =>
      scope ? groupBy(ids, await reportRepository.findVisibleByChildIds(manager, scope, ids), (r) => r.childId) : ids.map(() => []),
    ),
    /** Scoped: ids outside the viewer's scope load as null. */
    report: new DataLoader<string, ReportRow | null>(async (ids) =>
      scope ? byKey(ids, await reportRepository.findVisibleByIds(manager, scope, ids), (r) => r.id) : ids.map(() => null),
    ),
    /** Open reports per colleague, counted in the viewer's districts only. */
    openReportCount: new DataLoader<string, number>(async (ids) => {
      const counts = scope ? await reportRepository.openReportCounts(manager, ids, [...scope.districtIds]) : new Map<string, number>();
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    extensionsOfReport: new DataLoader<string, InvestigationExtensionRow[]>(async (ids) =>
      groupBy(ids, await reportRepository.extensionsOf(manager, ids), (r) => r.reportId),
    ),
  };
}

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof reportsLoaders> {}
}
