import { REPORTS_ACCESS } from '../../api/reports/reports.policy';
import { ReportIdentityResolver } from '../../api/reports/report-identity.resolver';
import { reportsLoaders } from '../../api/reports/reports.loaders';
import { InvestigationExtensionResolver, ReportsResolver } from '../../api/reports/reports.resolver';
import { ReceiptTime1733200000000 } from '../../db/migrations/1733200000000-receipt-time';
import { InvestigationRules1733200200000 } from '../../db/migrations/1733200200000-investigation-rules';
import { IntakeChannels1734850000000 } from '../../db/reports/migrations/1734850000000-intake-channels';
import { ReportSenderReference1734855000000 } from '../../db/migrations/1734855000000-report-sender-reference';
import { InvestigationExtensionEntity } from '../../db/reports/investigation-extension.entity';
import { ReportEntity } from '../../db/reports/report.entity';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { ModuleDescriptor } from '../module-descriptor';

export const REPORTS_MODULE: ModuleDescriptor = {
  name: 'reports',
  entities: [ReportEntity, InvestigationExtensionEntity],
  migrations: [ReceiptTime1733200000000, InvestigationRules1733200200000, IntakeChannels1734850000000, ReportSenderReference1734855000000],
  resolvers: [ReportsResolver, InvestigationExtensionResolver, ReportIdentityResolver],
  access: REPORTS_ACCESS,
  loaders: reportsLoaders,
  deadlineKinds: [
    DeadlineKind.PROTECTION_ASSESSMENT,
    DeadlineKind.PRELIMINARY_ASSESSMENT,
    DeadlineKind.INVESTIGATION,
    DeadlineKind.FEEDBACK,
  ],
  deadlineSubjects: [DeadlineSubject.REPORT],
  districtSettings: [
    'protectionAssessmentHours',
    'preliminaryAssessmentDays',
    'investigationMonths',
    'feedbackDays',
    'receiptBackdateDays',
    'investigationExtensionMonths',
    'reportAgeLimit',
  ],
  personalData: [{ table: 'report' }, { table: 'investigation_extension' }],
};
