import { TALKS_ACCESS } from '../../api/talks/talks.policy';
import { ForumItemResolver, ForumResolver, TalkAssessmentResolver } from '../../api/talks/forum.resolver';
import { ChildTalksResolver } from '../../api/talks/child-talks.resolver';
import { TALK_CALENDAR_ROUTE } from '../../api/talks/talk-calendar.route';
import { talkLoaders } from '../../api/talks/talk.loaders';
import {
  StaffMemberTalkLoadResolver,
  TalkDisclosureResolver,
  TalkParticipantResolver,
  TalksResolver,
} from '../../api/talks/talks.resolver';
import { Talks1733300000000 } from '../../db/talks/migrations/1733300000000-talks';
import { TalksDueIndexes1734300000000 } from '../../db/talks/migrations/1734300000000-talks-due-indexes';
import { ForumDecisionReasons1734620000000 } from '../../db/talks/migrations/1734620000000-forum-decision-reasons';
import { PracticeRules1734700000000 } from '../../db/talks/migrations/1734700000000-practice-rules';
import { TalkCalendarUpdates1734820000000 } from '../../db/talks/migrations/1734820000000-talk-calendar-updates';
import { TalkAssessmentTalkIndex1734880340000 } from '../../db/talks/migrations/1734880340000-talk-assessment-talk-index';
import { ForumItemEntity } from '../../db/talks/forum-item.entity';
import { ForumMeetingEntity } from '../../db/talks/forum-meeting.entity';
import { TalkAssessmentEntity } from '../../db/talks/talk-assessment.entity';
import { TalkClearanceEntity } from '../../db/talks/talk-clearance.entity';
import { TalkDisclosureEntity } from '../../db/talks/talk-disclosure.entity';
import { TalkParticipantEntity } from '../../db/talks/talk-participant.entity';
import { TalkEntity } from '../../db/talks/talk.entity';
import { talkScopeContributor } from '../../db/talks/talk.scope';
import { TALKS_LABELS } from '../../domain/talks/talks.labels';
import { TALKS_SETTINGS } from '../../domain/talks/talks.settings';
import { TALK_EXTRACT } from '../../db/talks/talk-extract';
import { ModuleDescriptor } from '../module-descriptor';
import { FORUM_ITEM_RETENTION, TALK_RETENTION } from '../../db/talks/talk-retention';

export const TALKS_MODULE: ModuleDescriptor = {
  name: 'talks',
  fieldLabels: TALKS_LABELS,
  entities: [
    TalkEntity,
    TalkParticipantEntity,
    TalkDisclosureEntity,
    TalkClearanceEntity,
    TalkAssessmentEntity,
    ForumMeetingEntity,
    ForumItemEntity,
  ],
  migrations: [
    Talks1733300000000,
    TalksDueIndexes1734300000000,
    ForumDecisionReasons1734620000000,
    PracticeRules1734700000000,
    TalkCalendarUpdates1734820000000,
    TalkAssessmentTalkIndex1734880340000,
  ],
  resolvers: [
    TalksResolver,
    TalkParticipantResolver,
    TalkDisclosureResolver,
    ForumResolver,
    ForumItemResolver,
    TalkAssessmentResolver,
    StaffMemberTalkLoadResolver,
    ChildTalksResolver,
  ],
  access: TALKS_ACCESS,
  scope: talkScopeContributor,
  loaders: talkLoaders,
  routes: [TALK_CALENDAR_ROUTE],
  deadlineKinds: ['TALK_HELD', 'TALK_SUMMONS', 'TALK_OFFICER_NOTICE'],
  deadlineSubjects: ['TALK', 'SUMMONS'],
  districtSettings: TALKS_SETTINGS,
  extract: TALK_EXTRACT,
  personalData: [
    { table: 'talk', retention: TALK_RETENTION },
    { table: 'talk_participant', sweptWith: 'talk' },
    { table: 'talk_disclosure', sweptWith: 'talk' },
    { table: 'talk_clearance', sweptWith: 'talk' },
    { table: 'talk_assessment', keptBecause: 'codes and dates the indicators count, no text about a person' },
    { table: 'forum_meeting', keptBecause: 'a date and a district, no person' },
    { table: 'forum_item', retention: FORUM_ITEM_RETENTION },
  ],
};
