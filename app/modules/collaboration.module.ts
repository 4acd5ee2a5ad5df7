import { COLLABORATION_MUTATIONS, COLLABORATION_POLICIES, COLLABORATION_QUERIES } from '../../api/collaboration/collaboration.policy';
import { COLLABORATION_RESOLVERS } from '../../api/collaboration/collaboration.resolver';
import { MEETING_CALENDAR_ROUTE } from '../../api/collaboration/meeting-calendar.route';
import { ActionNoteEntity } from '../../db/collaboration/action-note.entity';
import { CaseStateChangeEntity } from '../../db/collaboration/case-state-change.entity';
import { CollaborationCaseEntity } from '../../db/collaboration/collaboration-case.entity';
import { collaborationScope } from '../../db/collaboration/collaboration.scope';
import { MeetingEntity } from '../../db/collaboration/meeting.entity';
import { PlanActionEntity } from '../../db/collaboration/plan-action.entity';
import { PlanGoalEntity } from '../../db/collaboration/plan-goal.entity';
import { TeamMemberEntity } from '../../db/collaboration/team-member.entity';
import { CollaborationCases1733400000000 } from '../../db/collaboration/migrations/1733400000000-collaboration-cases';
import { PartnerPrivacy1734500000000 } from '../../db/collaboration/migrations/1734500000000-partner-privacy';
import { MeetingChanges1734880380000 } from '../../db/collaboration/migrations/1734880380000-meeting-changes';
import { COLLABORATION_LABELS } from '../../domain/collaboration/collaboration.labels';
import { COLLABORATION_SETTINGS } from '../../domain/collaboration/collaboration.settings';
import { COLLABORATION_EXTRACT } from '../../db/collaboration/collaboration-extract';
import { ModuleDescriptor } from '../module-descriptor';
import { COLLABORATION_RETENTION } from '../../db/collaboration/collaboration-retention';

export const COLLABORATION_MODULE: ModuleDescriptor = {
  name: 'collaboration',
  fieldLabels: COLLABORATION_LABELS,
  entities: [
    CollaborationCaseEntity,
    CaseStateChangeEntity,
    TeamMemberEntity,
    PlanGoalEntity,
    PlanActionEntity,
    ActionNoteEntity,
    MeetingEntity,
  ],
  migrations: [CollaborationCases1733400000000, PartnerPrivacy1734500000000, MeetingChanges1734880380000],
  resolvers: COLLABORATION_RESOLVERS,
  access: { types: COLLABORATION_POLICIES, queries: COLLABORATION_QUERIES, mutations: COLLABORATION_MUTATIONS },
  scope: collaborationScope,
  routes: [MEETING_CALENDAR_ROUTE],
  deadlineKinds: ['PLAN_ACTION_DUE', 'FOLLOW_UP_REMINDER', 'CASE_STALE'],
  deadlineSubjects: ['COLLABORATION_CASE', 'PLAN_ACTION', 'FOLLOW_UP'],
  districtSettings: COLLABORATION_SETTINGS,
  extract: COLLABORATION_EXTRACT,
  personalData: [
    { table: 'collaboration_case', retention: COLLABORATION_RETENTION },
    { table: 'collaboration_case_state', keptBecause: 'codes and dates the indicators count, no text about a person' },
    { table: 'collaboration_team_member', sweptWith: 'collaboration_case' },
    { table: 'plan_goal', sweptWith: 'collaboration_case' },
    { table: 'plan_action', sweptWith: 'collaboration_case' },
    { table: 'plan_action_note', sweptWith: 'collaboration_case' },
    { table: 'collaboration_meeting', sweptWith: 'collaboration_case' },
  ],
};
