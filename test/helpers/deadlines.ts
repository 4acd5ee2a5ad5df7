import { DEADLINE_KINDS } from '../../platform/deadlines/deadline-clocks';
import { EntityManager } from 'typeorm';
import { deadlineRepository } from '../../db/deadlines/deadline.repository';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { planSteps } from '../../domain/deadlines/deadline-steps';
import { DistrictPolicy } from '../../domain/districts/district-policy';

export interface TestDeadline {
  readonly kind: DeadlineKind;
  readonly subjectId: string;
  readonly districtId: string;
  readonly responsibleUserId: string | null;
  readonly policy: DistrictPolicy;
  readonly startsAt: Date;
  readonly dueAt: Date;
}

/** A report deadline with any window, written as the clocks write one (tests need windows of seconds). */
export function createTestDeadline(manager: EntityManager, d: TestDeadline) {
  return deadlineRepository.create(manager, {
    kind: d.kind,
    subject: {
      type: 'REPORT',
      id: d.subjectId,
      reference: `TEST-${d.subjectId.slice(0, 8)}`,
      districtId: d.districtId,
      policyVersion: 1,
      responsibleUserId: d.responsibleUserId,
    },
    startsAt: d.startsAt,
    dueAt: d.dueAt,
    steps: planSteps(DEADLINE_KINDS[d.kind], d.policy, d.startsAt, d.dueAt),
  });
}
