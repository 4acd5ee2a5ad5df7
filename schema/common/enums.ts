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
import type { DeadlineKind as DeadlineKindName } from '../../domain/deadlines/deadline-kinds';
import { DeadlineStatus } from '../../domain/deadlines/deadline-steps';
import {
  ExceptionalReason,
  InvestigationOutcome,
  PreliminaryDecision,
  ReportCategory,
  ReportChannel,
  ReporterKind,
} from '../../domain/reports/report-rules';
import { DEADLINE_KINDS } from '../../platform/deadlines/deadline-clocks';
import { inPrintedOrder } from './printed-order';

/** Every module's clocks (`domain/<m>/<m>.clocks.ts`), in the order the schema printed them when they were one enum. */
const DEADLINE_KINDS_PRINTED_FIRST = [
  'PROTECTION_ASSESSMENT',
  'PRELIMINARY_ASSESSMENT',
  'INVESTIGATION',
  'FEEDBACK',
  'TALK_HELD',
  'TALK_SUMMONS',
  'PLAN_ACTION_DUE',
  'FOLLOW_UP_REMINDER',
  'CONSENT_EXPIRY',
  'CASE_STALE',
  'TALK_OFFICER_NOTICE',
];

/** The GraphQL enum of clocks, folded from the modules' declarations. */
const DeadlineKind = Object.freeze(
  Object.fromEntries(inPrintedOrder(Object.keys(DEADLINE_KINDS), (k) => k, DEADLINE_KINDS_PRINTED_FIRST).map((k) => [k, k])),
) as { readonly [K in DeadlineKindName]: K };
type DeadlineKind = DeadlineKindName;

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
