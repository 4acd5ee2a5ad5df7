/** What other modules' types and inputs may use of reports. */
export { ReportType } from './report.type';
export { DESCRIPTION_MAX } from './report.inputs';
