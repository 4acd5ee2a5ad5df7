import { DEADLINES_ACCESS } from '../../api/deadlines/deadlines.policy';
import { ChildDeadlinesResolver } from '../../api/deadlines/child-deadlines.resolver';
import { deadlineLoaders } from '../../api/deadlines/deadline.loaders';
import { EscalationsResolver } from '../../api/deadlines/escalations.resolver';
import { DeadlineStepEntity } from '../../db/deadlines/deadline-step.entity';
import { DeadlineEntity } from '../../db/deadlines/deadline.entity';
import { ClosePendingSteps1732492800000 } from '../../db/deadlines/migrations/1732492800000-close-pending-steps';
import { DeadlineSubjectReference1733100000000 } from '../../db/deadlines/migrations/1733100000000-deadline-subject-reference';
import { DeadlineReportFeedbackIndex1734880360000 } from '../../db/deadlines/migrations/1734880360000-deadline-report-feedback-index';
import { DEADLINE_STEP_WORKER } from '../../workers/deadlines/deadline-step.job';
import { DEADLINES_LABELS } from '../../domain/deadlines/deadlines.labels';
import { DEADLINES_SETTINGS } from '../../domain/deadlines/deadlines.settings';
import { DEADLINE_EXTRACT } from '../../db/deadlines/deadline-extract';
import { ModuleDescriptor } from '../module-descriptor';

export const DEADLINES_MODULE: ModuleDescriptor = {
  name: 'deadlines',
  fieldLabels: DEADLINES_LABELS,
  entities: [DeadlineEntity, DeadlineStepEntity],
  migrations: [ClosePendingSteps1732492800000, DeadlineSubjectReference1733100000000, DeadlineReportFeedbackIndex1734880360000],
  resolvers: [EscalationsResolver, ChildDeadlinesResolver],
  access: DEADLINES_ACCESS,
  loaders: deadlineLoaders,
  queues: [DEADLINE_STEP_WORKER],
  districtSettings: DEADLINES_SETTINGS,
  extract: DEADLINE_EXTRACT,
  personalData: [
    // A swept record's pending steps go with it (deadlineStepRepository.deletePendingOf).
    { table: 'deadline', keptBecause: 'codes and dates the indicators count, no text about a person' },
    { table: 'deadline_step', keptBecause: 'codes and dates the indicators count, no text about a person' },
  ],
};
