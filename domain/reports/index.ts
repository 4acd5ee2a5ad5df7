/** What other modules may use of concern reports' rules. */
export { PreliminaryDecision, ReportCategory } from './report-rules';
