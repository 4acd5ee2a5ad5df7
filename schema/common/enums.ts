import { registerEnumType } from 'type-graphql';
import { LegalBasis } from '../../domain/access/legal-basis';
import { AgencyKind, Role } from '../../domain/access/roles';
import { TalkDeadlineMode } from '../../domain/talks/talks.settings';

registerEnumType(Role, { name: 'Role', description: 'What a user may do; a user has one or more.' });
registerEnumType(AgencyKind, { name: 'AgencyKind' });
registerEnumType(TalkDeadlineMode, { name: 'TalkDeadlineMode', description: 'How a district counts the serious-talk clock.' });
registerEnumType(LegalBasis, { name: 'LegalBasis', description: 'The legal ground on which data about a child is disclosed.' });

export { AgencyKind, LegalBasis, Role, TalkDeadlineMode };

import { FeedbackFilter, FeedbackStatus, FeedbackValue } from '../../domain/feedback/feedback-rules';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { DeadlineStatus } from '../../domain/deadlines/deadline-steps';
import {
  ExceptionalReason,
  InvestigationOutcome,
  PreliminaryDecision,
  ReportCategory,
  ReportChannel,
  ReporterKind,
} from '../../domain/reports/report-rules';

registerEnumType(ReportCategory, { name: 'ReportCategory' });
registerEnumType(ReporterKind, { name: 'ReporterKind' });
registerEnumType(ReportChannel, { name: 'ReportChannel' });
registerEnumType(PreliminaryDecision, {
  name: 'PreliminaryDecision',
  description: 'The decision of the preliminary assessment (förhandsbedömning).',
});
registerEnumType(FeedbackValue, { name: 'FeedbackValue', description: 'The only content feedback (återkoppling) may carry.' });
registerEnumType(FeedbackStatus, { name: 'FeedbackStatus' });
registerEnumType(FeedbackFilter, { name: 'FeedbackFilter', description: 'AWAITING: asked for, not given, within its deadline.' });
registerEnumType(ExceptionalReason, {
  name: 'ExceptionalReason',
  description:
    'The exceptional reasons (synnerliga skäl) for a late preliminary decision or an investigation extension. Workload is not one.',
});
registerEnumType(InvestigationOutcome, { name: 'InvestigationOutcome', description: 'How an investigation (utredning) ended.' });
registerEnumType(DeadlineKind, { name: 'DeadlineKind' });
registerEnumType(DeadlineStatus, { name: 'DeadlineStatus' });

export {
  DeadlineKind,
  DeadlineStatus,
  ExceptionalReason,
  FeedbackFilter,
  FeedbackStatus,
  FeedbackValue,
  InvestigationOutcome,
  PreliminaryDecision,
  ReportCategory,
  ReportChannel,
  ReporterKind,
};
