/** What other modules may use of talks: the enums the district settings name (talkTrigger, talkDefaultHolder), registered. */
export { TalkHolderKind, TalkTrigger } from './talk-enums';
