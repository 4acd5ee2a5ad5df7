/** What other modules' tables may reference of concern reports. */
export { ReportEntity } from './report.entity';
