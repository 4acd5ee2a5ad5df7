import { registerEnumType } from 'type-graphql';
import {
  ForumNoReason, TalkClearanceKind, TalkDelayReason, TalkHolderKind, TalkIneligibility, TalkKind, TalkOrigin, TalkOutcome, TalkParticipantRole, TalkStanding, TalkState, TalkTrigger,
} from '../../domain/talks/talk-enums';

registerEnumType(TalkKind, { name: 'TalkKind', description: 'allvarssamtal, orossamtal, bekymringssamtal, trygghetssamtal' });
registerEnumType(TalkState, { name: 'TalkState' });
registerEnumType(TalkTrigger, { name: 'TalkTrigger', description: 'What in a report opens a talk by itself.' });
registerEnumType(TalkHolderKind, { name: 'TalkHolderKind', description: 'Who holds the talk.' });
registerEnumType(TalkDelayReason, { name: 'TalkDelayReason', description: 'Why a talk was held after its deadline.' });
registerEnumType(TalkOutcome, { name: 'TalkOutcome' });
registerEnumType(TalkParticipantRole, { name: 'TalkParticipantRole' });
registerEnumType(TalkIneligibility, { name: 'TalkIneligibility', description: 'Why a report opened no talk by itself.' });
registerEnumType(TalkOrigin, { name: 'TalkOrigin' });
registerEnumType(ForumNoReason, { name: 'ForumNoReason', description: 'Why a forum decided against a talk.' });
registerEnumType(TalkStanding, { name: 'TalkStanding', description: 'Where a report stands on the way to a talk.' });
registerEnumType(TalkClearanceKind, { name: 'TalkClearanceKind', description: 'What a police clearance covers.' });

export {
  ForumNoReason, TalkClearanceKind, TalkDelayReason, TalkHolderKind, TalkIneligibility, TalkKind, TalkOrigin, TalkOutcome, TalkParticipantRole, TalkStanding, TalkState, TalkTrigger,
};
