import { registerEnumType } from 'type-graphql';
import { CaseSource, CaseState, ClosingReason } from '../../domain/collaboration/collaboration-rules';
import { ActionKind, ActionStatus, CaseText, MeetingKind } from '../../domain/collaboration/plan-rules';
import { CollaborationModel } from '../../domain/consent/consent-rules';

registerEnumType(CollaborationModel, { name: 'CollaborationModel', description: 'SSPF (ages 12–18 by default) or SSFF (6–12).' });
registerEnumType(CaseState, { name: 'CollaborationCaseState' });
registerEnumType(ClosingReason, { name: 'ClosingReason' });
registerEnumType(CaseSource, { name: 'CollaborationCaseSource' });
registerEnumType(ActionKind, { name: 'PlanActionKind' });
registerEnumType(ActionStatus, { name: 'PlanActionStatus' });
registerEnumType(MeetingKind, { name: 'MeetingKind' });
registerEnumType(CaseText, { name: 'CaseText', description: 'A text of a case that carries its own criminal-offence mark.' });

export { ActionKind, ActionStatus, CaseSource, CaseText, CaseState, ClosingReason, CollaborationModel, MeetingKind };
