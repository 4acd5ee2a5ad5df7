import { Foundation1732320000000 } from './1732320000000-foundation';
import { ReportsAndDeadlines1732406400000 } from './1732406400000-reports-and-deadlines';
import { ClosePendingSteps1732492800000 } from './1732492800000-close-pending-steps';
import { OutboxParking1733000000000 } from './1733000000000-outbox-parking';
import { DeadlineSubjectReference1733100000000 } from './1733100000000-deadline-subject-reference';
import { ReceiptTime1733200000000 } from './1733200000000-receipt-time';
import { IdempotencyRequestHash1733200100000 } from './1733200100000-idempotency-request-hash';
import { InvestigationRules1733200200000 } from './1733200200000-investigation-rules';
import { Talks1733300000000 } from './1733300000000-talks';
import { CollaborationCases1733400000000 } from './1733400000000-collaboration-cases';
import { AuditRowsPerRead1733500000000 } from './1733500000000-audit-rows-per-read';
import { ChildIdentity1733900000000 } from './1733900000000-child-identity';
import { TalksDueIndexes1734300000000 } from './1734300000000-talks-due-indexes';
import { DutyToReport1734000000000 } from './1734000000000-duty-to-report';
import { RowLevelSecurity1733800000000 } from './1733800000000-row-level-security';
import { QueueDashboardSessions1734400000000 } from './1734400000000-queue-dashboard-sessions';
import { SystemScopeRole1734410000000 } from './1734410000000-system-scope-role';
import { PartnerPrivacy1734500000000 } from './1734500000000-partner-privacy';
import { ForumDecisionReasons1734620000000 } from './1734620000000-forum-decision-reasons';
import { PracticeRules1734700000000 } from './1734700000000-practice-rules';

/** In order; a new migration is appended here and never edited once landed. */
export const MIGRATIONS: Function[] = [
  Foundation1732320000000,
  ReportsAndDeadlines1732406400000,
  ClosePendingSteps1732492800000,
  OutboxParking1733000000000,
  DeadlineSubjectReference1733100000000,
  ReceiptTime1733200000000,
  IdempotencyRequestHash1733200100000,
  InvestigationRules1733200200000,
  Talks1733300000000,
  CollaborationCases1733400000000,
  AuditRowsPerRead1733500000000,
  ChildIdentity1733900000000,
  TalksDueIndexes1734300000000,
  DutyToReport1734000000000,
  RowLevelSecurity1733800000000,
  QueueDashboardSessions1734400000000,
  SystemScopeRole1734410000000,
  PartnerPrivacy1734500000000,
  ForumDecisionReasons1734620000000,
  PracticeRules1734700000000,
];
