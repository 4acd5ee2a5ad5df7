import { REPORTS_ACCESS } from '../../api/reports/reports.policy';
import { ChildReportsResolver } from '../../api/reports/child-reports.resolver';
import { ReportIdentityResolver } from '../../api/reports/report-identity.resolver';
import { reportsLoaders } from '../../api/reports/reports.loaders';
import { InvestigationExtensionResolver, ReportsResolver, StaffMemberLoadResolver } from '../../api/reports/reports.resolver';
import { ReceiptTime1733200000000 } from '../../db/reports/migrations/1733200000000-receipt-time';
import { InvestigationRules1733200200000 } from '../../db/reports/migrations/1733200200000-investigation-rules';
import { IntakeChannels1734850000000 } from '../../db/reports/migrations/1734850000000-intake-channels';
import { ReportSenderReference1734855000000 } from '../../db/reports/migrations/1734855000000-report-sender-reference';
import { InvestigationExtensionEntity } from '../../db/reports/investigation-extension.entity';
import { ReportEntity } from '../../db/reports/report.entity';
import { REPORT_RETENTION } from '../../db/reports/report-retention';
import { REPORTS_LABELS } from '../../domain/reports/reports.labels';
import { REPORTS_SETTINGS } from '../../domain/reports/reports.settings';
import { REPORT_EXTRACT } from '../../db/reports/report-extract';
import { ModuleDescriptor } from '../module-descriptor';

export const REPORTS_MODULE: ModuleDescriptor = {
  name: 'reports',
  fieldLabels: REPORTS_LABELS,
  entities: [ReportEntity, InvestigationExtensionEntity],
  migrations: [ReceiptTime1733200000000, InvestigationRules1733200200000, IntakeChannels1734850000000, ReportSenderReference1734855000000],
  resolvers: [ReportsResolver, InvestigationExtensionResolver, ReportIdentityResolver, StaffMemberLoadResolver, ChildReportsResolver],
  access: REPORTS_ACCESS,
  loaders: reportsLoaders,
  deadlineKinds: ['PROTECTION_ASSESSMENT', 'PRELIMINARY_ASSESSMENT', 'INVESTIGATION', 'FEEDBACK'],
  deadlineSubjects: ['REPORT'],
  districtSettings: REPORTS_SETTINGS,
  extract: REPORT_EXTRACT,
  personalData: [
    { table: 'report', retention: REPORT_RETENTION },
    { table: 'investigation_extension', sweptWith: 'report' },
  ],
};
