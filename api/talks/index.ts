/** What other modules may use of talks' API: a registered report is assessed for a serious talk. */
export { assessReportForTalk, type ReportForTalk } from './talk-intake';
