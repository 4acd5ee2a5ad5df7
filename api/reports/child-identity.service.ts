import { recordAudit } from '../../domain/audit';
import { ChildRow, childRepository } from '../../db/children/child.repository';
import { ReportRow, reportRepository } from '../../db/reports/report.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { AuditAction, WriteAudit } from '../../domain/audit/audit-event';
import { MergeProblem, mergeProblem } from '../../domain/children/child-identity.rules';
import { BadInput, Conflict } from '../../domain/errors';
import { LinkReportToChildInput, MergeChildrenInput } from '../../schema/children/child.inputs';
import { RequestContext, requireScope } from '../context';
import { childrenService } from '../children';
import { write } from '../write';
import { markArrivalIntoOpenCase } from './report-identity';
import { lockHandledReport, writeHandledReport } from './reports.service';

const MERGE_PROBLEMS: Record<MergeProblem, [string, string]> = {
  SAME_RECORD: ['These are already one record.', 'Det här är redan samma post.'],
  OTHER_DISTRICT: [
    "The records are in different districts: move one to the other's district first.",
    'Posterna hör till olika områden: flytta först den ena till den andras område.',
  ],
  BIRTH_DATES_DIFFER: [
    'The records have different dates of birth, so they are not the same child.',
    'Posterna har olika födelsedatum och gäller alltså inte samma barn.',
  ],
};

function childAudit(child: Pick<ChildRow, 'id' | 'districtId'>, fields: string[]): WriteAudit {
  return recordAudit('Child', { ...child, childId: child.id }, AuditAction.UPDATE, fields);
}

function reportIdentityAudit(report: Pick<ReportRow, 'id' | 'childId' | 'districtId'>, fields: string[]): WriteAudit {
  return recordAudit('Report', report, AuditAction.UPDATE, fields);
}

function refuseUnconfirmedOnly(report: ReportRow): void {
  if (report.identityConfirmed) {
    throw new Conflict(
      'The child on this report is already confirmed. Two records of the same child are merged with mergeChildren.',
      'Barnet i anmälan är redan bekräftat. Två poster för samma barn slås ihop med sammanslagning.',
    );
  }
}

/**
 * Moves everything of `merged` to `kept` and leaves `merged` as a tombstone, audited on both records and on every
 * report that moved (the audit trail of each child keeps what was written before).
 */
async function mergeRecords(uow: UnitOfWork, keptId: string, mergedId: string, field: string): Promise<ChildRow> {
  const locked = await childRepository.lock(uow.manager, [keptId, mergedId]);
  const kept = locked.find((c) => c.id === keptId);
  const merged = locked.find((c) => c.id === mergedId);
  if (!kept || !merged || kept.mergedIntoId || merged.mergedIntoId) {
    throw new Conflict(
      'One of the records was merged a moment ago. Reload and try again.',
      'En av posterna slogs nyss ihop. Ladda om och försök igen.',
    );
  }
  const problem = mergeProblem(kept, merged);
  if (problem) throw new BadInput(field, ...MERGE_PROBLEMS[problem]);
  const movedReports = await reportRepository.idsOfChild(uow.manager, merged.id);
  const moved = await childRepository.merge(uow.manager, kept, merged, uow.now);
  const confirmed = await reportRepository.confirmIdentityOfChild(uow.manager, kept.id);
  const movedKinds = Object.entries(moved)
    .filter(([, count]) => count > 0)
    .map(([table]) => table);
  uow.audit(
    childAudit(kept, ['mergedFrom', ...movedKinds]),
    childAudit(merged, ['mergedInto', ...movedKinds]),
    ...movedReports.map((id) => reportIdentityAudit({ id, childId: kept.id, districtId: kept.districtId }, ['child'])),
    ...confirmed.map((id) => reportIdentityAudit({ id, childId: kept.id, districtId: kept.districtId }, ['identityConfirmed'])),
  );
  return kept;
}

export const childIdentityService = {
  /** Intake: the report by name only is about a child already registered. */
  async linkReportToChild(context: RequestContext, input: LinkReportToChildInput): Promise<ReportRow> {
    const scope = requireScope(context);
    const target = await childrenService.loadVisibleChild(context, input.childId);
    const reportId = await write(context, async (uow) => {
      const report = await lockHandledReport(uow, scope, input.reportId);
      refuseUnconfirmedOnly(report);
      if (target.id === report.childId)
        throw new BadInput(
          'input.childId',
          "Choose another child than the report's own provisional record.",
          'Välj ett annat barn än anmälans preliminära post.',
        );
      await mergeRecords(uow, target.id, report.childId, 'input.childId');
      await reportRepository.update(uow.manager, report.id, { identityConfirmed: true });
      uow.audit(reportIdentityAudit({ ...report, childId: target.id }, ['identityConfirmed']));
      await markArrivalIntoOpenCase(uow, { ...report, childId: target.id });
      return report.id;
    });
    context.loaders.child.clearAll();
    return (await reportRepository.findVisibleByIds(context.db.manager, scope, [reportId]))[0];
  },

  /** Intake: none of the possible matches is this child; the report's record is a new child. */
  async confirmNewChild(context: RequestContext, reportId: string): Promise<ReportRow> {
    return writeHandledReport(context, reportId, async (uow, report) => {
      refuseUnconfirmedOnly(report);
      await reportRepository.update(uow.manager, report.id, { identityConfirmed: true });
      uow.audit(reportIdentityAudit(report, ['identityConfirmed']));
      return { ...report, identityConfirmed: true };
    });
  },

  /** Two records of one child become one; the merged id keeps resolving to the kept child. */
  async mergeChildren(context: RequestContext, input: MergeChildrenInput): Promise<ChildRow> {
    const kept = await childrenService.loadVisibleChild(context, input.keptChildId);
    const merged = await childrenService.loadVisibleChild(context, input.mergedChildId);
    if (kept.id === merged.id) throw new BadInput('input.mergedChildId', ...MERGE_PROBLEMS.SAME_RECORD);
    await write(context, (uow) => mergeRecords(uow, kept.id, merged.id, 'input.mergedChildId'));
    context.loaders.child.clearAll();
    return childrenService.loadVisibleChild(context, kept.id);
  },
};
