import { DeadlineStepEntity } from './deadlines/deadline-step.entity';
import { DeadlineEntity } from './deadlines/deadline.entity';
import { NotificationEntity } from './notifications/notification.entity';
import { OutboxEntity } from './notifications/outbox.entity';
import { ReportEntity } from './reports/report.entity';
import { InvestigationExtensionEntity } from './reports/investigation-extension.entity';
import { AuditEventEntity } from './audit/audit-event.entity';
import { ChildEntity } from './children/child.entity';
import { GuardianEntity } from './children/guardian.entity';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { QueueDashboardSessionEntity } from './admin/queue-dashboard-session.entity';
import { AgencyEntity } from './organisation/agency.entity';
import { DistrictPolicyEntity } from './organisation/district-policy.entity';
import { DistrictEntity } from './organisation/district.entity';
import { MunicipalityEntity } from './organisation/municipality.entity';
import { UserEntity } from './organisation/user.entity';
import { ForumItemEntity } from './talks/forum-item.entity';
import { ForumMeetingEntity } from './talks/forum-meeting.entity';
import { TalkAssessmentEntity } from './talks/talk-assessment.entity';
import { TalkClearanceEntity } from './talks/talk-clearance.entity';
import { TalkDisclosureEntity } from './talks/talk-disclosure.entity';
import { TalkParticipantEntity } from './talks/talk-participant.entity';
import { TalkEntity } from './talks/talk.entity';
import { ActionNoteEntity } from './collaboration/action-note.entity';
import { CaseStateChangeEntity } from './collaboration/case-state-change.entity';
import { CollaborationCaseEntity } from './collaboration/collaboration-case.entity';
import { MeetingEntity } from './collaboration/meeting.entity';
import { PlanActionEntity } from './collaboration/plan-action.entity';
import { PlanGoalEntity } from './collaboration/plan-goal.entity';
import { TeamMemberEntity } from './collaboration/team-member.entity';
import { ConsentEntity } from './consent/consent.entity';

export const ENTITIES = [
  MunicipalityEntity,
  DistrictEntity,
  DistrictPolicyEntity,
  AgencyEntity,
  UserEntity,
  ChildEntity,
  GuardianEntity,
  AuditEventEntity,
  IdempotencyKeyEntity,
  QueueDashboardSessionEntity,
  ReportEntity,
  InvestigationExtensionEntity,
  DeadlineEntity,
  DeadlineStepEntity,
  NotificationEntity,
  OutboxEntity,
  TalkEntity,
  TalkParticipantEntity,
  TalkDisclosureEntity,
  TalkClearanceEntity,
  TalkAssessmentEntity,
  ForumMeetingEntity,
  ForumItemEntity,
  CollaborationCaseEntity,
  CaseStateChangeEntity,
  ConsentEntity,
  TeamMemberEntity,
  PlanGoalEntity,
  PlanActionEntity,
  ActionNoteEntity,
  MeetingEntity,
];
