import { Foundation1732320000000 } from './1732320000000-foundation';
import { ReportsAndDeadlines1732406400000 } from './1732406400000-reports-and-deadlines';
import { ClosePendingSteps1732492800000 } from './1732492800000-close-pending-steps';
import { DeadlineSubjectReference1733100000000 } from './1733100000000-deadline-subject-reference';

/** In order; a new migration is appended here and never edited once landed. */
export const MIGRATIONS: Function[] = [
  Foundation1732320000000,
  ReportsAndDeadlines1732406400000,
  ClosePendingSteps1732492800000,
  DeadlineSubjectReference1733100000000,
];
