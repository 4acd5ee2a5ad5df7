import { organisationRepository } from '../../db/organisation/organisation.repository';
import { ReportRow, reportRepository } from '../../db/reports/report.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { reportIntoOpenCaseMessage } from '../../domain/notifications/notification-content';
import { ReportedChild } from './report-child';

type NewReportFacts = Pick<ReportRow, 'id' | 'reference' | 'childId' | 'districtId'>;

/** Records on a new report what social services must see of the child's identity: unconfirmed (name only) or a name mismatch. */
export async function recordReportedIdentity(uow: UnitOfWork, report: NewReportFacts, child: ReportedChild): Promise<void> {
  if (child.identityConfirmed && !child.mismatchRecordName) return;
  await reportRepository.update(uow.manager, report.id, {
    identityConfirmed: child.identityConfirmed,
    identityMismatchRecordName: child.mismatchRecordName,
  });
}

/**
 * "Orosanmälningar kommer också in i redan aktuella ärenden": a report about a child with an open investigation or an
 * open collaboration case is marked, and whoever is responsible for that case is told (the district's supervisors
 * while nobody is assigned to the investigation).
 */
export async function markArrivalIntoOpenCase(uow: UnitOfWork, report: NewReportFacts): Promise<void> {
  const open = await reportRepository.openCasesOf(uow.manager, report.childId, report.id);
  const investigation = open.investigation;
  const collaborationCase = investigation ? null : open.collaborationCase;
  if (!investigation && !collaborationCase) return;
  await reportRepository.update(uow.manager, report.id, { arrivedIntoOpenCase: true });
  const userIds = investigation
    ? investigation.responsibleUserId
      ? [investigation.responsibleUserId]
      : await organisationRepository.supervisorsOf(uow.manager, report.districtId)
    : [collaborationCase!.coordinatorUserId];
  const message = reportIntoOpenCaseMessage(report.reference, investigation ? 'INVESTIGATION' : 'COLLABORATION_CASE');
  uow.notify(
    ...userIds.map((userId) => ({
      userId,
      kind: 'REPORT_INTO_OPEN_CASE',
      message,
      subjectType: 'REPORT',
      subjectId: report.id,
      dedupeKey: `open-case:${report.id}:${userId}`,
      email: true,
    })),
  );
}
