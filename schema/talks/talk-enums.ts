import { registerEnumType } from 'type-graphql';
import * as talk from '../../domain/talks/talk-enums';

registerEnumType(talk.TalkKind, { name: 'TalkKind', description: 'allvarssamtal, orossamtal, bekymringssamtal, trygghetssamtal' });
registerEnumType(talk.TalkState, { name: 'TalkState' });
registerEnumType(talk.TalkTrigger, { name: 'TalkTrigger', description: 'What in a report opens a talk by itself.' });
registerEnumType(talk.TalkHolderKind, { name: 'TalkHolderKind', description: 'Who holds the talk.' });
registerEnumType(talk.TalkDelayReason, { name: 'TalkDelayReason', description: 'Why a talk was held after its deadline.' });
registerEnumType(talk.TalkOutcome, { name: 'TalkOutcome' });
registerEnumType(talk.TalkParticipantRole, { name: 'TalkParticipantRole' });
registerEnumType(talk.TalkIneligibility, { name: 'TalkIneligibility', description: 'Why a report opened no talk by itself.' });
registerEnumType(talk.TalkOrigin, { name: 'TalkOrigin' });
registerEnumType(talk.ForumNoReason, { name: 'ForumNoReason', description: 'Why a forum decided against a talk.' });
registerEnumType(talk.TalkStanding, { name: 'TalkStanding', description: 'Where a report stands on the way to a talk.' });
registerEnumType(talk.TalkClearanceKind, { name: 'TalkClearanceKind', description: 'What a police clearance covers.' });

// Each of them is registered above, so a type may take any from here.
export * from '../../domain/talks/talk-enums';
