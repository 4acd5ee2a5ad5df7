/** What other modules' types may use of reports. */
export { ReportType } from './report.type';
