/** What other modules may use of collaboration's API: a talk's outcome opens a case. */
export { openCollaborationCaseIn, OpenCaseExists } from './collaboration.service';
export { caseClockSubjectsOfChild } from './case-clock-subjects';
